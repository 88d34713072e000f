import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createPostgresEventStore, type PostgresEventStore } from '../../../libs/event-store/src/postgres/index.js';
import type { ReadModelDb } from '../../../libs/projections/src/projection.js';
import {
  appendLedgerEvents,
  ledgerTestProjection,
} from '../../../libs/projections/src/testing/ledger-test-projection.js';
import { waitFor } from '../../../libs/projections/src/testing/wait-for.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { projectorLogger, startProjector, storedProjectionMetrics } from '../../../libs/runtime/src/start-projector.js';

describe('projector', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let db: ReadModelDb;
  let total: number;

  beforeAll(async () => {
    database = await createTestDatabase('projector');
    store = createPostgresEventStore({ connectionString: database.url });
    await store.migrate();
    db = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url }) }) });
    total = await appendLedgerEvents(store, { streams: 2, perStream: 10 });
  });

  afterAll(async () => {
    await store?.close();
    await db?.destroy();
    await database?.drop();
  });

  it('runs the projections in-process and serves their metrics, embedded or read from the database', async () => {
    const projections = [ledgerTestProjection()];
    const projector = startProjector({
      store,
      db,
      connectionString: database.url,
      projections,
      idleMs: 50,
      log: () => {},
    });
    await waitFor('caught up', () => projector.host.statuses()[0].caughtUp);
    const embedded = await projector.renderPrometheus();
    await projector.stop();
    const stored = await storedProjectionMetrics({ store, db, projections }).renderPrometheus();

    expect(embedded).toContain('kinerja_projection_active{projection="ledger_test"} 1\n');
    expect(stored).toContain('kinerja_projection_active{projection="ledger_test"} 0\n');
    for (const text of [embedded, stored]) {
      expect(text).toContain('kinerja_projection_lag_events{projection="ledger_test"} 0\n');
      expect(text).toContain(`kinerja_projection_events_seen_total{projection="ledger_test"} ${total}\n`);
    }
  });

  it('logs at or above the configured level only', () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const log = projectorLogger('warn');
      log('info', 'hidden');
      log('warn', 'shown');
      log('error', 'shown too');
      expect(spy.mock.calls.map((c) => String(c[0]).replace(/^\S+ /, ''))).toEqual([
        'projector warn: shown',
        'projector error: shown too',
      ]);
    } finally {
      spy.mockRestore();
    }
  });

  it('starts as `npm run projector` does, seals the events, and stops cleanly on SIGTERM', async () => {
    const keyDir = await mkdtemp(join(tmpdir(), 'kinerja-projector-'));
    const child = spawn(
      process.execPath,
      ['--import', './libs/runtime/loader/register-ts.mjs', 'apps/projector/src/main.ts'],
      {
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: database.url,
          LOG_LEVEL: 'info',
          AUDIT_SIGNING_KEY_FILE: join(keyDir, 'audit-signing-key.pem'),
          AUDIT_SEAL_INTERVAL_MS: '200',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    const lines: string[] = [];
    createInterface({ input: child.stderr! }).on('line', (line) => lines.push(line));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await waitFor(
        'projector running',
        () => lines.some((l) => / projector info: running \d+ projection\(s\)/.test(l)) || child.exitCode !== null,
        45_000,
      );
      // The sealer runs beside the projections, with the key from AUDIT_SIGNING_KEY_FILE (created on first use).
      await waitFor('sealed', () => lines.some((l) => / projector info: seal 0: \d+ events/.test(l)), 20_000);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(lines.some((l) => l.endsWith('projector info: SIGTERM: stopping'))).toBe(true);
      const [seal] = await store.readStream('audit-seals');
      expect(seal.data).toMatchObject({ sealIndex: 0, treeSize: total });
      await expect(readFile(join(keyDir, 'audit-signing-key.pem'), 'utf8')).resolves.toContain('PRIVATE KEY');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await rm(keyDir, { recursive: true, force: true });
    }
  }, 60_000);
});
