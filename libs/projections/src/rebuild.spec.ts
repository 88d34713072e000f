import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { activeSchema } from './projection.js';
import { listGenerations } from './generations.js';
import { rebuildProjection, type RebuildProgress } from './rebuild.js';
import { ProjectionRunner } from './runner.js';
import { appendLedgerEvents, ledgerSnapshot, ledgerTestProjection } from './testing/ledger-test-projection.js';
import { openTestStores, type TestStores } from './testing/test-stores.js';
import { waitFor } from './testing/wait-for.js';

const quiet = () => undefined;

describe('rebuilding a projection beside the live one', () => {
  let t: TestStores;
  let runner: ProjectionRunner;
  let total = 0;
  const projection = ledgerTestProjection();

  beforeAll(async () => {
    t = await openTestStores();
    total += await appendLedgerEvents(t.store, { streams: 6, perStream: 40, streamPrefix: 'history' });
    runner = new ProjectionRunner({
      projection,
      store: t.store,
      db: t.db,
      connectionString: t.url,
      batchSize: 50,
      idleMs: 50,
      log: quiet,
    }).start();
    // Some events arrive while the runner is already live.
    await waitFor('runner live', () => runner.status().state === 'live');
    total += await appendLedgerEvents(t.store, { streams: 4, perStream: 25, streamPrefix: 'live' });
    await waitFor('runner caught up', () => caughtUpWith(runner, total));
  });

  afterAll(async () => {
    await runner?.stop();
    await t?.close();
  });

  it('builds a rebuilt read model identical to the one built live, then switches to it', async () => {
    const liveSchema = await activeSchema(t.db, projection.name);
    const live = await ledgerSnapshot(t.db, liveSchema);
    expect(live.applied_events).toHaveLength(6 * 40 + 4 * 25);
    expect(live.applied_events.every((row) => (row as { applications: number }).applications === 1)).toBe(true);
    expect(live.stream_totals.every((row) => (row as { gaps: number }).gaps === 0)).toBe(true);

    const progress: RebuildProgress[] = [];
    const result = await rebuildProjection({
      projection,
      store: t.store,
      db: t.db,
      connectionString: t.url,
      batchSize: 64,
      idleMs: 50,
      onProgress: (p) => progress.push(p),
    });

    const rebuiltSchema = await activeSchema(t.db, projection.name);
    expect(rebuiltSchema).not.toBe(liveSchema);
    expect(rebuiltSchema).toBe(result.generation.schema);
    expect(await ledgerSnapshot(t.db, rebuiltSchema)).toEqual(live);
    expect(await schemaExists(liveSchema)).toBe(false);
    expect((await listGenerations(t.db, projection.name)).map((g) => g.status)).toEqual(['active']);

    expect(progress[0].phase).toBe('counting');
    expect(progress.at(-1)).toEqual({ projection: projection.name, phase: 'done', done: total, total });
    const done = progress.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(progress.map((p) => p.phase)).toContain('catching-up');
    expect(progress.map((p) => p.phase)).toContain('taking-over');
  });

  it('keeps the live runner going on the new generation, and loses nothing appended during a rebuild', async () => {
    let appending: Promise<number> | undefined;
    const result = await rebuildProjection({
      projection,
      store: t.store,
      db: t.db,
      connectionString: t.url,
      batchSize: 16,
      idleMs: 50,
      // Appends race with every phase: history read, takeover, switch.
      onProgress: (p) => {
        if (p.phase === 'catching-up' && !appending) {
          appending = appendLedgerEvents(t.store, { streams: 3, perStream: 30, streamPrefix: 'during' });
        }
      },
    });
    total += await appending!;
    total += await appendLedgerEvents(t.store, { streams: 2, perStream: 5, streamPrefix: 'after' });
    await waitFor('runner caught up on the new generation', () => caughtUpWith(runner, total));
    expect(runner.status().generation).toBe(result.generation.generation);

    const afterLive = await ledgerSnapshot(t.db, await activeSchema(t.db, projection.name));
    expect(afterLive.applied_events).toHaveLength(6 * 40 + 4 * 25 + 3 * 30 + 2 * 5);
    expect(afterLive.applied_events.every((row) => (row as { applications: number }).applications === 1)).toBe(true);
    expect(afterLive.stream_totals.every((row) => (row as { gaps: number }).gaps === 0)).toBe(true);

    await rebuildProjection({ projection, store: t.store, db: t.db, connectionString: t.url, idleMs: 50 });
    expect(await ledgerSnapshot(t.db, await activeSchema(t.db, projection.name))).toEqual(afterLive);
  });

  it('refuses a second rebuild of the same projection while one is running', async () => {
    let second: Promise<unknown> | undefined;
    // The first rebuild's first batch waits until the second rebuild has answered.
    const gated = ledgerTestProjection({ afterApply: async () => void (await second) });
    await rebuildProjection({
      projection: gated,
      store: t.store,
      db: t.db,
      connectionString: t.url,
      idleMs: 50,
      onProgress: (p) => {
        if (p.phase === 'catching-up' && !second) {
          second = rebuildProjection({ projection, store: t.store, db: t.db, connectionString: t.url }).catch(
            (e: Error) => e.message,
          );
        }
      },
    });
    expect(await second).toBe(`a rebuild of ${projection.name} is already running`);
  });

  it("checks every stream's hash chain on the way and returns what it found (clean: nothing)", async () => {
    const clean = await rebuildProjection({
      projection,
      store: t.store,
      db: t.db,
      connectionString: t.url,
      idleMs: 50,
    });
    expect(clean.chainFindings).toEqual([]);
    const [victim] = await t.store.readStream('history-2', { from: 7n, maxCount: 1 });
    // As the database superuser, behind the append function's back (test/audit/tamper-support.ts does the same).
    await t.db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE event_store.events DISABLE TRIGGER ALL`.execute(trx);
      await sql`UPDATE event_store.events SET data = jsonb_set(data, '{amount}', '999')
        WHERE stream_name = 'history-2' AND stream_revision = 7`.execute(trx);
      await sql`ALTER TABLE event_store.events ENABLE TRIGGER ALL`.execute(trx);
    });
    const tampered = await rebuildProjection({
      projection,
      store: t.store,
      db: t.db,
      connectionString: t.url,
      idleMs: 50,
    });
    expect(tampered.chainFindings).toEqual([
      {
        kind: 'altered',
        stream: 'history-2',
        revision: '7',
        eventId: victim.id,
        position: expect.any(String),
        detail: 'stored hash does not match the content',
      },
    ]);
    // The rebuild itself completes: what to do about the finding is the operator's decision.
    expect(tampered.checkpoint.eventsSeen).toBe(total);
  });

  async function schemaExists(schema: string): Promise<boolean> {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM information_schema.schemata WHERE schema_name = ${schema}`.execute(t.db);
    return rows[0].n === 1;
  }
});

function caughtUpWith(runner: ProjectionRunner, total: number): boolean {
  const s = runner.status();
  return s.caughtUp && s.eventsSeen === total;
}
