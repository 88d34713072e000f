// A fresh database holding both the PostgreSQL event store and the read models, as in embedded mode.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { createPostgresEventStore, type PostgresEventStore } from '../../../event-store/src/postgres/index.js';
import type { ReadModelDb } from '../projection.js';

export interface TestStores {
  database: TestDatabase;
  url: string;
  store: PostgresEventStore;
  db: ReadModelDb;
  close(): Promise<void>;
}

export async function openTestStores(prefix = 'proj'): Promise<TestStores> {
  const database = await createTestDatabase(prefix);
  const store = createPostgresEventStore({ connectionString: database.url, pollIntervalMs: 50 });
  await store.migrate();
  const db: ReadModelDb = new Kysely({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url }) }),
  });
  return {
    database,
    url: database.url,
    store,
    db,
    async close() {
      await store.close();
      await db.destroy();
      await database.drop();
    },
  };
}
