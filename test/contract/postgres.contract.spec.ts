import pg from 'pg';
import { createPostgresEventStore, migratePostgresEventStore } from '../../libs/event-store/src/postgres/index.js';
import { createTestDatabase } from '../support/test-database.js';
import { describeEventStoreContract } from './event-store-contract.js';

describeEventStoreContract('PostgreSQL', async () => {
  const db = await createTestDatabase('contract_pg');
  const pool = new pg.Pool({ connectionString: db.url, max: 12 });
  await migratePostgresEventStore(pool);
  await migratePostgresEventStore(pool); // idempotent
  const store = createPostgresEventStore({ pool, pollIntervalMs: 100 });
  return {
    store,
    async teardown() {
      await store.close();
      await pool.end();
      await db.drop();
    },
  };
});
