import pg from 'pg';
import { createGroupCommitEventStore } from '../../libs/event-store/src/postgres-group-commit/index.js';
import { createTestDatabase } from '../support/test-database.js';
import { describeEventStoreContract } from './event-store-contract.js';

describeEventStoreContract('PostgreSQL with group commit', async () => {
  const db = await createTestDatabase('contract_pg_group');
  const pool = new pg.Pool({ connectionString: db.url, max: 12 });
  // Every append through the batch function, even alone (a lone append would otherwise take the
  // adapter's own function, which postgres.contract.spec.ts covers); two batches in flight (the default),
  // so the suite's concurrent appends also meet concurrent batch transactions.
  const store = createGroupCommitEventStore({ pool, pollIntervalMs: 100, singleAppendsDirect: false });
  await store.migrate();
  await store.migrate(); // idempotent
  return {
    store,
    async teardown() {
      await store.close();
      await pool.end();
      await db.drop();
    },
  };
});
