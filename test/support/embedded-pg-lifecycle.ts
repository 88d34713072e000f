import { readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { startEmbeddedPostgres } from '../../libs/database/src/embedded-postgres.js';

const ROOT = '.test-data';

// One real PostgreSQL per test run; every test file creates its own database in it (test-database.ts).
export async function globalSetup(): Promise<void> {
  await removeStaleRunDirs();
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

// A run killed by process.exit skips teardown; remove its directory once its process is gone.
async function removeStaleRunDirs(): Promise<void> {
  const entries = await readdir(ROOT).catch(() => [] as string[]);
  for (const entry of entries) {
    const pid = Number(/^pg-(\d+)$/.exec(entry)?.[1]);
    if (pid && !isAlive(pid)) await rm(`${ROOT}/${entry}`, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
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
