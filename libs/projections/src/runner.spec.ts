import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { applyBatch } from './apply-batch.js';
import { CheckpointConflictError, readCheckpoint } from './checkpoint.js';
import { createGeneration, listGenerations } from './generations.js';
import { measureLag } from './lag.js';
import { LockNamespace, projectionLockKey } from './lock-keys.js';
import { activeSchema } from './projection.js';
import { startProjectionRunners } from './projection-host.js';
import { migrateProjectionTables } from './projection-tables.js';
import { ProjectionRunner } from './runner.js';
import { readStoredStatuses } from './stored-status.js';
import {
  LEDGER_ENTRY,
  appendLedgerEvents,
  ledgerSnapshot,
  ledgerTestProjection,
} from './testing/ledger-test-projection.js';
import { openTestStores, type TestStores } from './testing/test-stores.js';
import { waitFor } from './testing/wait-for.js';

const quiet = () => undefined;

describe('projection runner', () => {
  let t: TestStores;
  let total = 0;

  beforeAll(async () => {
    t = await openTestStores();
    total += await appendLedgerEvents(t.store, { streams: 5, perStream: 30 });
  });

  afterAll(async () => {
    await t?.close();
  });

  const runnerFor = (name: string, version = 1) =>
    new ProjectionRunner({
      projection: ledgerTestProjection({ name, version }),
      store: t.store,
      db: t.db,
      connectionString: t.url,
      batchSize: 40,
      idleMs: 50,
      retryDelayMs: 50,
      log: quiet,
    });

  it('runs one active instance per projection; the standby takes over from the checkpoint when it stops', async () => {
    const a = runnerFor('two_runners').start();
    await waitFor('a active', () => a.status().active);
    const b = runnerFor('two_runners').start();
    await waitFor('b queued for the lock', () => lockWaiters('two_runners').then((n) => n === 1));
    await waitFor('a caught up', () => caughtUpWith(a, total));
    expect(b.status()).toMatchObject({ state: 'standby', active: false, eventsApplied: 0 });

    await a.stop();
    expect(a.status()).toMatchObject({ state: 'stopped', active: false });
    const extra = await appendLedgerEvents(t.store, { streams: 2, perStream: 10, streamPrefix: 'two-runners' });
    await waitFor('b took over and caught up', () => caughtUpWith(b, total + extra));
    total += extra;
    await b.stop();

    const rows = await ledgerSnapshot(t.db, await activeSchema(t.db, 'two_runners'));
    expect(rows.applied_events).toHaveLength(5 * 30 + 2 * 10);
    expect(rows.applied_events.every((r) => (r as { applications: number }).applications === 1)).toBe(true);
  });

  it('hands over when the active instance loses its lock connection (as if its process died)', async () => {
    const a = runnerFor('lost_lock').start();
    await waitFor('a caught up', () => caughtUpWith(a, total));
    const b = runnerFor('lost_lock').start();
    await waitFor('b queued for the lock', () => lockWaiters('lost_lock').then((n) => n === 1));

    await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'kinerja-projector:lost_lock'
      AND pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = ${projectionLockKey('lost_lock')}::bigint::oid)`.execute(
      t.db,
    );
    await waitFor('b active', () => b.status().active);
    const extra = await appendLedgerEvents(t.store, { streams: 1, perStream: 7, streamPrefix: 'lost-lock' });
    total += extra;
    await waitFor('b caught up', () => caughtUpWith(b, total));
    // a noticed, went back to standby behind b, and never wrote again.
    await waitFor('a standing by', () => a.status().state === 'standby' && !a.status().active);
    await Promise.all([a.stop(), b.stop()]);
    const rows = await ledgerSnapshot(t.db, await activeSchema(t.db, 'lost_lock'));
    expect(rows.applied_events).toHaveLength(await entriesInStore());
    expect(rows.applied_events.every((r) => (r as { applications: number }).applications === 1)).toBe(true);
  });

  it('rolls a batch back when the checkpoint moved underneath (compare-and-set)', async () => {
    const projection = ledgerTestProjection({ name: 'cas' });
    await migrateProjectionTables(t.db);
    const generation = await createGeneration(t.db, projection, 'active');
    const start = await readCheckpoint(t.db, 'cas', generation.generation);
    const events = await t.store.readAll({ maxCount: 20 });

    const moved = await applyBatch(t.db, projection, generation.schema, start, events.slice(0, 10));
    expect(moved).toMatchObject({ eventsSeen: 10, position: events[9].position });
    // A writer that still believes the checkpoint is at the start must not apply anything.
    await expect(applyBatch(t.db, projection, generation.schema, start, events.slice(10))).rejects.toBeInstanceOf(
      CheckpointConflictError,
    );
    expect(await readCheckpoint(t.db, 'cas', generation.generation)).toEqual(moved);
    const rows = await ledgerSnapshot(t.db, generation.schema);
    expect(rows.applied_events.map((r) => (r as { event_id: string }).event_id).sort()).toEqual(
      events
        .slice(0, 10)
        .filter((e) => e.type === LEDGER_ENTRY)
        .map((e) => e.id)
        .sort(),
    );
  });

  it('builds a new generation when the projection version changes, and drops the old one', async () => {
    const v1 = runnerFor('versioned', 1).start();
    await waitFor('v1 caught up', () => caughtUpWith(v1, total));
    await v1.stop();
    const before = await ledgerSnapshot(t.db, await activeSchema(t.db, 'versioned'));

    const v2 = runnerFor('versioned', 2).start();
    await waitFor('v2 caught up', () => caughtUpWith(v2, total) && v2.status().generation === 2);
    await v2.stop();
    expect(await listGenerations(t.db, 'versioned')).toEqual([
      { projection: 'versioned', generation: 2, schema: 'rm_versioned_g2', version: 2, status: 'active' },
    ]);
    expect(await ledgerSnapshot(t.db, 'rm_versioned_g2')).toEqual(before);
  });

  it('reports lag and renders it as Prometheus metrics', async () => {
    const host = startProjectionRunners({
      projections: [ledgerTestProjection({ name: 'metered' })],
      store: t.store,
      db: t.db,
      connectionString: t.url,
      idleMs: 50,
      log: quiet,
    });
    await waitFor('caught up', () => caughtUpWith(host.runners[0], total));
    const metrics = host.metrics();
    await host.stop();
    expect(metrics).toContain(
      '# TYPE kinerja_projection_lag_events gauge\nkinerja_projection_lag_events{projection="metered"} 0\n',
    );
    expect(metrics).toContain('kinerja_projection_lag_seconds{projection="metered"} 0\n');
    expect(metrics).toContain(`kinerja_projection_events_seen_total{projection="metered"} ${total}\n`);
    expect(metrics).toContain(
      `kinerja_projection_events_applied_total{projection="metered"} ${await entriesInStore()}\n`,
    );
    expect(metrics).toContain('kinerja_projection_active{projection="metered"} 1\n');
    expect(host.statuses()[0]).toMatchObject({ state: 'stopped', active: false });

    // Seen from the database (the API with an external projector): nobody holds the lock now.
    const [stored] = await readStoredStatuses(t.db, t.store, ['metered']);
    expect(stored).toMatchObject({ active: false, caughtUp: true, lagEvents: 0, lagMs: 0, eventsSeen: total });

    // Behind by everything: from nothing applied to the head.
    const all = await t.store.readAll({ maxCount: 100_000 });
    const lag = await measureLag(t.store, {
      projection: 'x',
      generation: 1,
      position: null,
      eventsSeen: 0,
      eventsApplied: 0,
      lastEventAt: null,
    });
    expect(lag).toEqual({ events: all.length, ms: all.at(-1)!.createdAt.getTime() - all[0].createdAt.getTime() });
    const tail = await measureLag(t.store, {
      projection: 'x',
      generation: 1,
      position: all.at(-4)!.position,
      eventsSeen: all.length - 3,
      eventsApplied: 0,
      lastEventAt: all.at(-4)!.createdAt,
    });
    expect(tail).toEqual({ events: 3, ms: all.at(-1)!.createdAt.getTime() - all.at(-4)!.createdAt.getTime() });
  });

  async function lockWaiters(name: string): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
        AND classid = ${LockNamespace.runner}::bigint::oid AND objid = ${projectionLockKey(name)}::bigint::oid`.execute(
      t.db,
    );
    return rows[0].n;
  }

  /** Events the ledger projection handles (the noise events it does not). */
  async function entriesInStore(): Promise<number> {
    return (await t.store.readAll({ maxCount: 100_000 })).filter((e) => e.type === LEDGER_ENTRY).length;
  }
});

function caughtUpWith(runner: ProjectionRunner, total: number): boolean {
  const s = runner.status();
  return s.caughtUp && s.eventsSeen === total;
}
