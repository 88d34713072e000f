import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { startEmbeddedPostgres } from '../../libs/database/src/embedded-postgres.js';

// One real PostgreSQL for the whole run; every test file creates its own database in it (test-database.ts).
export async function globalSetup(): Promise<void> {
  const dataDir = '.test-data/pg';
  // A previous run killed by process.exit skips teardown: start clean.
  await rm('.test-data', { recursive: true, force: true });
  const port = await freePort();
  const pg = await startEmbeddedPostgres({ dataDir, port, database: 'postgres' });
  process.env.TEST_PG_ADMIN_URL = pg.url;
  (globalThis as Record<string, unknown>).__EMBEDDED_PG__ = pg;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

export async function globalTeardown(): Promise<void> {
  const pg = (globalThis as Record<string, unknown>).__EMBEDDED_PG__ as { stop(): Promise<void> } | undefined;
  await pg?.stop();
  await rm('.test-data', { recursive: true, force: true });
}
