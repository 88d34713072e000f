import { rm } from 'node:fs/promises';
import { startEmbeddedPostgres } from '../../libs/database/src/embedded-postgres.js';
import { freePort, removeStaleRunDirs } from './run-dirs.js';

const ROOT = '.test-data';

// One real PostgreSQL per test run; every test file creates its own database in it (test-database.ts).
export async function globalSetup(): Promise<void> {
  await removeStaleRunDirs(ROOT, 'pg');
  const dataDir = `${ROOT}/pg-${process.pid}`;
  const port = await freePort();
  const pg = await startEmbeddedPostgres({ dataDir, port, database: 'postgres' });
  process.env.TEST_PG_ADMIN_URL = pg.url;
  (globalThis as Record<string, unknown>).__EMBEDDED_PG__ = pg;
}

export async function globalTeardown(): Promise<void> {
  const pg = (globalThis as Record<string, unknown>).__EMBEDDED_PG__ as { stop(): Promise<void> } | undefined;
  await pg?.stop();
  await rm(`${ROOT}/pg-${process.pid}`, { recursive: true, force: true });
}
