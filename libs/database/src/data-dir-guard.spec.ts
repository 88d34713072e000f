// What the embedded PostgreSQL's start does with what it finds on its data directory (README "Restarts and
// second instances"). The crash itself (a real process SIGKILLed, its server recovered) is in
// test/fault/restart.test.ts; here, the cases where nothing may be stopped, and stale records.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { freePort } from '../../../test/support/run-dirs.js';
import { claimDataDir, liveOwner, ownerFilePath } from './data-dir-owner.js';
import { EmbeddedPostgresStartError, startEmbeddedPostgres } from './embedded-postgres.js';
import { readPostmasterPid } from './postmaster.js';

describe('embedded PostgreSQL data directory guard', () => {
  const roots: string[] = [];
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    for (const root of roots) await rm(root, { recursive: true, force: true });
  });
  const scratch = async () => {
    const root = await mkdtemp(join('.test-data', 'guard-'));
    roots.push(root);
    return join(root, 'pg');
  };

  it('claims a data directory once: a live owner is reported, a dead or non-Node one is stale', async () => {
    const dataDir = await scratch();
    const claim = claimDataDir(dataDir, 'api');
    expect('release' in claim).toBe(true);
    expect(claimDataDir(dataDir, 'cli')).toEqual({ owner: { pid: process.pid, role: 'api' } });
    if ('release' in claim) claim.release();
    expect(existsSync(ownerFilePath(dataDir))).toBe(false);

    const deadPid = 2 ** 22 + 1; // above Linux's pid_max: no such process
    for (const stale of [`${deadPid}\napi\n\n`, '1\napi\n\n', `${process.pid}\napi\n1\n`]) {
      await writeFile(ownerFilePath(dataDir), stale); // dead; init (not Node); this PID with another start time
      expect(liveOwner(dataDir)).toBeUndefined();
      const again = claimDataDir(dataDir, 'projector');
      expect(liveOwner(dataDir)).toEqual({ pid: process.pid, role: 'projector' });
      if ('release' in again) again.release();
    }
  });

  it('never stops a server whose starting process is alive, even with its owner file gone', async () => {
    const dataDir = await scratch();
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port, database: 'kinerja' });
    try {
      await rm(ownerFilePath(dataDir));
      const second = startEmbeddedPostgres({ dataDir, port, database: 'kinerja', role: 'api' });
      await expect(second).rejects.toThrow(EmbeddedPostgresStartError);
      await expect(second).rejects.toThrow(
        `data dir ${dataDir} is in use by a PostgreSQL server (PID ${readPostmasterPid(dataDir)!.pid}, started by ` +
          `process ${process.pid}) that this process did not start and will not stop`,
      );
      expect(await query(first.url, 'SELECT 1 AS up')).toEqual([{ up: 1 }]);
    } finally {
      await first.stop();
    }
  });

  it('starts over a postmaster.pid whose PID now belongs to another program (PID reused after a reboot)', async () => {
    const dataDir = await scratch();
    const port = await freePort();
    await (await startEmbeddedPostgres({ dataDir, port, database: 'kinerja' })).stop();
    // A live program of the user PostgreSQL runs as (PostgreSQL ignores other users' PIDs), recorded as
    // PostgreSQL writes the file: PostgreSQL alone refuses to start ("Is another postmaster running?").
    const stranger = spawn('sleep', ['60'], asPostgresUser());
    children.push(stranger);
    await writeFile(
      join(dataDir, 'postmaster.pid'),
      `${stranger.pid}\n${resolve(dataDir)}\n1700000000\n${port}\n/tmp\nlocalhost\n0 0\nready\n`,
    );
    const server = await startEmbeddedPostgres({ dataDir, port, database: 'kinerja' });
    try {
      expect(await query(server.url, 'SELECT 1 AS up')).toEqual([{ up: 1 }]);
    } finally {
      await server.stop();
    }
  });
});

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** As root, embedded PostgreSQL runs as the `postgres` user (embedded-postgres.ts); otherwise as us. */
function asPostgresUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}
