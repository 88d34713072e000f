// Restarts and second instances on the embedded default, with real processes (README "Restarts and second
// instances"): `npm start` killed with SIGKILL leaves its PostgreSQL running; the next start must recover it
// and keep every event; a second start on the same data directory, or one whose ports are taken, must exit 1
// saying what is wrong; the CLI must write through the running API's PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { issueDevToken, loadOrCreateDevKey, Role } from '../../libs/auth/src/index.js';
import { ownerFilePath } from '../../libs/database/src/data-dir-owner.js';
import { embeddedPostgresUrl } from '../../libs/database/src/embedded-postgres.js';
import { readPostmasterPid, stopPostmaster } from '../../libs/database/src/postmaster.js';
import { processInfo } from '../../libs/database/src/process-info.js';
import { storeNames } from '../../libs/event-store/src/postgres/names.js';
import { waitFor } from '../../libs/projections/src/testing/wait-for.js';
import { freePort } from '../support/run-dirs.js';
import { isRunning, spawnKinerja, untilListening, type KinerjaProcess } from './kinerja-process.js';

const AGENCY = 'disdik-manokwari'; // the demo agency seed-demo loads

describe('restarts and second instances on the embedded PostgreSQL', () => {
  let root: string;
  const children: KinerjaProcess[] = [];
  const dataDirs: string[] = [];

  beforeAll(async () => {
    root = await mkdtemp(join('.test-data', 'restart-'));
  });

  afterAll(async () => {
    for (const c of children) if (isRunning(c)) c.child.kill('SIGKILL');
    for (const dir of dataDirs) {
      const left = readPostmasterPid(dir);
      if (left && processInfo(left.pid)) await stopPostmaster(left.pid);
    }
    await rm(root, { recursive: true, force: true });
  });

  async function scratch(name: string) {
    const dataDir = join(root, name, 'pg');
    dataDirs.push(dataDir);
    const pgPort = await freePort();
    const httpPort = await freePort();
    const env = {
      EMBEDDED_PG_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      PORT: String(httpPort),
      HOST: '127.0.0.1',
      AUTH_DEV_KEY_FILE: join(root, name, 'dev-key.json'),
      // Event counts are compared across a crash: no seal events appended in between (the sealer has its tests).
      AUDIT_SEALER: 'off',
      AUDIT_SIGNING_KEY_FILE: join(root, name, 'audit-signing-key.pem'),
    };
    return { dataDir, pgPort, httpPort, env };
  }

  function start(entry: 'api' | 'cli', env: Record<string, string>, args: string[] = []): KinerjaProcess {
    const p = spawnKinerja(entry, env, args);
    children.push(p);
    return p;
  }

  it('a second start says who holds the data dir, the CLI writes through the running API, and a restart after SIGKILL recovers everything', async () => {
    const { dataDir, pgPort, httpPort, env } = await scratch('crash');
    const api = start('api', env);
    await untilListening(api);

    const second = start('api', { ...env, PORT: String(await freePort()) });
    expect(await second.exited).toEqual({ code: 1, signal: null });
    expect(second.stderr.join('\n')).toContain(
      `Kinerja Ledger did not start: data dir ${dataDir} is in use by a running Kinerja Ledger api ` +
        `(PID ${api.child.pid}). Stop it first, or point this process at its PostgreSQL with ` +
        `DATABASE_URL=${embeddedPostgresUrl(pgPort, 'kinerja')}`,
    );
    expect(second.output()).not.toMatch(/^undefined$/m);

    const seed = start('cli', env, ['seed-demo']);
    expect({ exit: await seed.exited, output: seed.output() }).toEqual({
      exit: { code: 0, signal: null },
      output: expect.stringContaining('employees: 201 rows'),
    });
    expect(seed.stderr).toContain(
      `embedded PostgreSQL on ${dataDir} is run by Kinerja Ledger api (PID ${api.child.pid}): using it (127.0.0.1:${pgPort})`,
    );
    const token = await hrToken(env.AUTH_DEV_KEY_FILE);
    await waitFor(
      'the seeded employees to show through the API',
      async () => (await employees(httpPort, token)) === 50,
    );
    const eventsBefore = await countEvents(pgPort);
    expect(eventsBefore).toBeGreaterThan(200);

    api.child.kill('SIGKILL');
    expect(await api.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const leftover = readPostmasterPid(dataDir)!;
    expect(processInfo(leftover.pid)).toBeDefined(); // the crash left PostgreSQL running, holding port and pid file

    const restarted = start('api', env);
    await untilListening(restarted);
    expect(restarted.stderr.join('\n')).toContain(`(PID ${leftover.pid}) is stopped and started again`);
    expect(processInfo(leftover.pid)).toBeUndefined();
    const health = await fetch(`http://127.0.0.1:${httpPort}/health`);
    expect(health.status).toBe(200);
    expect(await countEvents(pgPort)).toBe(eventsBefore);
    expect(await employees(httpPort, token)).toBe(50);

    restarted.child.kill('SIGTERM');
    expect(await restarted.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
    expect(existsSync(ownerFilePath(dataDir))).toBe(false);
  }, 120_000);

  it('seed-demo on its own PostgreSQL, run twice, stops cleanly (no "idle connection lost")', async () => {
    const { dataDir, env } = await scratch('seed-twice');
    for (const run of ['first', 'second']) {
      const seed = start('cli', env, ['seed-demo']);
      expect({ run, exit: await seed.exited, output: seed.output() }).toEqual({
        run,
        exit: { code: 0, signal: null },
        output: expect.stringContaining('dev tokens'),
      });
      expect(seed.stderr.filter((l) => l.includes('idle connection lost'))).toEqual([]);
    }
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
  }, 120_000);

  it('a start whose PostgreSQL port or HTTP port is taken exits 1 naming the port and the variable', async () => {
    const { dataDir, pgPort, httpPort, env } = await scratch('ports');
    const pgHolder = await hold(pgPort);
    try {
      const api = start('api', env);
      expect(await api.exited).toEqual({ code: 1, signal: null });
      expect(api.stderr).toContain(
        `Kinerja Ledger did not start: port ${pgPort} (EMBEDDED_PG_PORT) on 127.0.0.1 is in use by another ` +
          `program. Stop it, or set EMBEDDED_PG_PORT to a free port`,
      );
    } finally {
      await new Promise((r) => pgHolder.close(r));
    }
    const httpHolder = await hold(httpPort);
    try {
      const api = start('api', env);
      expect(await api.exited).toEqual({ code: 1, signal: null });
      expect(api.stderr).toContain(
        `Kinerja Ledger did not start: port ${httpPort} (PORT) on 127.0.0.1 is in use by another program ` +
          `(a Kinerja Ledger already running?). Stop it, or set PORT to a free port`,
      );
    } finally {
      await new Promise((r) => httpHolder.close(r));
    }
    // Its PostgreSQL does not outlive it.
    await waitFor(
      'the PostgreSQL of the failed start to stop',
      () => {
        const left = readPostmasterPid(dataDir);
        return !left || !processInfo(left.pid);
      },
      20_000,
    );
    expect(existsSync(ownerFilePath(dataDir))).toBe(false);
  }, 120_000);
});

function hold(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function hrToken(keyFile: string): Promise<string> {
  const key = await loadOrCreateDevKey(keyFile);
  return issueDevToken(key, { sub: 'hr-restart-test', roles: [Role.HR], agencyId: AGENCY });
}

async function employees(httpPort: number, token: string): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${httpPort}/api/v1/employees?limit=50`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (response.status !== 200) return -response.status;
  return ((await response.json()) as { items: unknown[] }).items.length;
}

async function countEvents(pgPort: number): Promise<number> {
  const client = new pg.Client({ connectionString: embeddedPostgresUrl(pgPort, 'kinerja') });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${storeNames().events}`);
    return (rows[0] as { n: number }).n;
  } finally {
    await client.end();
  }
}
