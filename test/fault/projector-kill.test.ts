// Kill test: a real projector process is SIGKILLed in the middle of a batch transaction (its checkpoint
// has moved in earlier batches and, uncommitted, in this one), restarted, and must end with a read model
// equal to a from-scratch rebuild: no event applied twice, none skipped.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { createPostgresEventStore, type PostgresEventStore } from '../../libs/event-store/src/postgres/index.js';
import { activeSchema, type ReadModelDb } from '../../libs/projections/src/projection.js';
import { rebuildProjection } from '../../libs/projections/src/rebuild.js';
import {
  LEDGER_ENTRY,
  appendLedgerEvents,
  ledgerSnapshot,
  ledgerTestProjection,
} from '../../libs/projections/src/testing/ledger-test-projection.js';
import { waitFor } from '../../libs/projections/src/testing/wait-for.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

interface Projector {
  child: ChildProcess;
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: string[];
}

function startProjector(databaseUrl: string, env: Record<string, string> = {}): Projector {
  const child = spawn(
    process.execPath,
    ['--import', './libs/runtime/loader/register-ts.mjs', 'test/fault/projector-entry.ts'],
    {
      cwd: process.cwd(),
      env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: string[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => lines.push(line));
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, lines, exited, stderr };
}

describe('projector killed with SIGKILL in the middle of a batch', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let db: ReadModelDb;
  const children: Projector[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('fault');
    store = createPostgresEventStore({ connectionString: database.url });
    await store.migrate();
    db = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url }) }) });
  });

  afterAll(async () => {
    for (const c of children) if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
    await store?.close();
    await db?.destroy();
    await database?.drop();
  });

  const committedCheckpoint = async () => {
    const { rows } = await sql<{ seen: number; applied: number }>`
      SELECT events_seen::int AS seen, events_applied::int AS applied FROM projection_checkpoints
      WHERE projection = 'fault_ledger'`
      .execute(db)
      .catch(() => ({ rows: [] }));
    return rows[0];
  };
  const handledEventsInStore = async () =>
    (await store.readAll({ maxCount: 1_000_000 })).filter((e) => e.type === LEDGER_ENTRY).length;

  it('resumes from its last committed checkpoint and ends equal to a rebuild from scratch', async () => {
    let total = await appendLedgerEvents(store, { streams: 12, perStream: 60 });

    // First run: freezes inside the batch that would take the checkpoint to 400 events or more.
    const first = startProjector(database.url, { HANG_AT_EVENTS: '400' });
    children.push(first);
    const line = await waitFor(
      'the first projector to freeze mid-batch',
      () => first.lines.find((l) => l.startsWith('in-batch ')) ?? (first.child.exitCode !== null && fail(first)),
      60_000,
    );
    const uncommitted = Number(line.split(' ')[1]);
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });

    // The checkpoint had moved (earlier batches committed), the frozen batch is gone, and the read model
    // holds exactly the events up to the committed checkpoint.
    const afterKill = await committedCheckpoint();
    expect(afterKill.seen).toBeGreaterThan(0);
    expect(afterKill.seen).toBeLessThan(uncommitted);
    const schema = await activeSchema(db, 'fault_ledger');
    const partial = await ledgerSnapshot(db, schema);
    expect(partial.applied_events).toHaveLength(afterKill.applied);

    // More events while it is down, and more while it catches up again.
    total += await appendLedgerEvents(store, { streams: 3, perStream: 20, streamPrefix: 'while-down' });
    const second = startProjector(database.url);
    children.push(second);
    total += await appendLedgerEvents(store, { streams: 3, perStream: 20, streamPrefix: 'while-up' });
    await waitFor(
      'the restarted projector to catch up',
      async () => {
        if (second.child.exitCode !== null) fail(second);
        return (await committedCheckpoint())?.seen === total;
      },
      60_000,
    );
    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(second.lines).toContain('stopped');

    const live = await ledgerSnapshot(db, schema);
    const handled = await handledEventsInStore();
    expect(live.applied_events).toHaveLength(handled);
    expect(live.applied_events.filter((r) => (r as { applications: number }).applications !== 1)).toEqual([]);
    expect(live.stream_totals.filter((r) => (r as { gaps: number }).gaps !== 0)).toEqual([]);

    const rebuilt = await rebuildProjection({
      projection: ledgerTestProjection({ name: 'fault_ledger' }),
      store,
      db,
      connectionString: database.url,
      idleMs: 50,
    });
    expect(await ledgerSnapshot(db, rebuilt.generation.schema)).toEqual(live);
  }, 180_000);
});

function fail(projector: Projector): never {
  throw new Error(`projector exited early: ${projector.stderr.join('\n')}`);
}
