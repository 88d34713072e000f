import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../../test/support/run-dirs.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

// `npm start` twice on the same ./data must work: the second start reuses the initialised directory.
describe('embedded PostgreSQL', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('starts, stops and starts again on the same data directory, keeping the data', async () => {
    const root = await mkdtemp(join('.test-data', 'embedded-'));
    dirs.push(root);
    const dataDir = join(root, 'pg');
    const port = await freePort();

    const first = await startEmbeddedPostgres({ dataDir, port, database: 'kinerja' });
    await query(first.url, 'CREATE TABLE kept (v text); INSERT INTO kept VALUES ($$still here$$)');
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir, port, database: 'kinerja' });
    try {
      const rows = await query(second.url, 'SELECT v FROM kept');
      expect(rows).toEqual([{ v: 'still here' }]);
      // PostgreSQL insists on a private data directory: nothing may widen it.
      expect((await stat(dataDir)).mode & 0o007).toBe(0);
    } finally {
      await second.stop();
    }
  });
});

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(sql);
    return Array.isArray(result) ? [] : result.rows;
  } finally {
    await client.end();
  }
}
