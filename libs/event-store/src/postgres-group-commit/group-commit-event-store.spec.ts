import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { WrongExpectedVersionError } from '../errors.js';
import type { AppendResult, NewEvent } from '../port.js';
import { createGroupCommitEventStore, type GroupCommitEventStore } from './index.js';

function newEvent(type: string): NewEvent {
  return {
    id: randomUUID(),
    type,
    data: { type },
    metadata: {
      actor: { id: 'u1', role: 'rater' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2025-12-01T00:00:00.000Z',
    },
  };
}

const streamName = (label: string): string => `gc-${label}-${randomUUID().slice(0, 8)}`;

describe('group commit event store', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let store: GroupCommitEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('group_commit');
    pool = new pg.Pool({ connectionString: db.url, max: 8 });
    // One batch at a time, so appends issued in one tick are exactly one batch (asserted below).
    store = createGroupCommitEventStore({ pool, listen: false, maxConcurrentBatches: 1 });
    await store.migrate();
  });

  afterAll(async () => {
    await store.close();
    await pool.end();
    await db.drop();
  });

  it('commits many concurrent appends to different streams in few batches, each with its own revision', async () => {
    const before = store.stats();
    const streams = Array.from({ length: 60 }, (_, i) => streamName(`many-${i}`));
    const created = await Promise.all(
      streams.map((s, i) =>
        store.appendToStream(
          s,
          Array.from({ length: (i % 3) + 1 }, () => newEvent('Created')),
          { expected: 'no_stream' },
        ),
      ),
    );
    expect(created.map((r) => r.nextExpectedRevision)).toEqual(streams.map((_, i) => BigInt(i % 3)));

    const extended = await Promise.all(
      streams.map((s, i) =>
        store.appendToStream(s, [newEvent('Extended')], { expected: created[i].nextExpectedRevision }),
      ),
    );
    expect(extended.map((r) => r.nextExpectedRevision)).toEqual(streams.map((_, i) => BigInt(i % 3) + 1n));

    const after = store.stats();
    expect(after.fallbackAppends).toBe(before.fallbackAppends);
    expect(after.batchedAppends - before.batchedAppends).toBe(120);
    // Issued in one tick, each round fits one batch (default limit 128 appends).
    expect(after.batches - before.batches).toBe(2);
    for (const [i, s] of streams.entries()) {
      const events = await store.readStream(s);
      expect(events.map((e) => e.revision)).toEqual(Array.from({ length: (i % 3) + 2 }, (_, r) => BigInt(r)));
      expect(events.at(-1)?.position).toEqual(extended[i].position);
    }
  });

  it('shares a burst among two batches in flight by default, with the same results', async () => {
    const local = createGroupCommitEventStore({ connectionString: db.url, listen: false });
    try {
      const streams = Array.from({ length: 40 }, (_, i) => streamName(`split-${i}`));
      const results = await Promise.all(
        streams.map((s) => local.appendToStream(s, [newEvent('A'), newEvent('B')], { expected: 'no_stream' })),
      );
      expect(results.map((r) => r.nextExpectedRevision)).toEqual(streams.map(() => 1n));
      expect(local.stats()).toMatchObject({ batchedAppends: 40, fallbackAppends: 0 });
      expect(local.stats().batches).toBeGreaterThanOrEqual(2);
    } finally {
      await local.close();
    }
  });

  it('gives a conflicting append its own WrongExpectedVersionError and commits the rest of its batch', async () => {
    const [a, b, c] = [streamName('ok-a'), streamName('conflict-b'), streamName('ok-c')];
    await Promise.all([a, b, c].map((s) => store.appendToStream(s, [newEvent('Start')], { expected: 'no_stream' })));
    const before = store.stats();

    const outcomes = await Promise.allSettled([
      store.appendToStream(a, [newEvent('A1')], { expected: 0n }),
      store.appendToStream(b, [newEvent('B1')], { expected: 7n }),
      store.appendToStream(streamName('missing'), [newEvent('M')], { expected: 'stream_exists' }),
      store.appendToStream(c, [newEvent('C1')], { expected: 0n }),
    ]);

    expect(store.stats().batches - before.batches).toBe(1);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    const [, conflict, missing] = outcomes;
    expect(conflict.status === 'rejected' && conflict.reason).toBeInstanceOf(WrongExpectedVersionError);
    expect(conflict).toMatchObject({ reason: { stream: b, expected: 7n, actual: 0n } });
    expect(missing).toMatchObject({ reason: { expected: 'stream_exists', actual: 'no_stream' } });
    expect((await store.readStream(a)).map((e) => e.type)).toEqual(['Start', 'A1']);
    expect((await store.readStream(b)).map((e) => e.type)).toEqual(['Start']);
    expect((await store.readStream(c)).map((e) => e.type)).toEqual(['Start', 'C1']);
  });

  it('runs appends to the same stream in one batch as if one after the other, in arrival order', async () => {
    const s = streamName('same');
    const other = streamName('other');
    const before = store.stats();
    const outcomes = await Promise.allSettled([
      store.appendToStream(s, [newEvent('First')], { expected: 'no_stream' }),
      store.appendToStream(other, [newEvent('Elsewhere')], { expected: 'no_stream' }),
      store.appendToStream(s, [newEvent('Second'), newEvent('Third')], { expected: 0n }),
      store.appendToStream(s, [newEvent('Late creator')], { expected: 'no_stream' }),
      store.appendToStream(s, [newEvent('Fourth')], { expected: 2n }),
      store.appendToStream(s, [newEvent('Stale')], { expected: 0n }),
    ]);
    expect(store.stats().batches - before.batches).toBe(1);

    const revisions = outcomes.map((o) => (o.status === 'fulfilled' ? o.value.nextExpectedRevision : o.reason));
    expect(revisions[0]).toBe(0n);
    expect(revisions[1]).toBe(0n);
    expect(revisions[2]).toBe(2n);
    expect(revisions[3]).toMatchObject({ expected: 'no_stream', actual: 2n });
    expect(revisions[4]).toBe(3n);
    expect(revisions[5]).toMatchObject({ expected: 0n, actual: 3n });
    expect((await store.readStream(s)).map((e) => e.type)).toEqual(['First', 'Second', 'Third', 'Fourth']);
  });

  it('answers an idempotent retry, alone or in the same batch as the original, with the original result', async () => {
    const s = streamName('retry');
    const events = [newEvent('A'), newEvent('B')];
    const [original, sameBatchRetry] = await Promise.all([
      store.appendToStream(s, events, { expected: 'no_stream' }),
      store.appendToStream(s, events, { expected: 'no_stream' }),
    ]);
    expect(sameBatchRetry).toEqual(original);

    const next = [newEvent('C')];
    const appended = await store.appendToStream(s, next, { expected: 1n });
    await store.appendToStream(s, [newEvent('D')], { expected: 2n });
    expect(await store.appendToStream(s, next, { expected: 1n })).toEqual(appended);
    expect(await store.appendToStream(s, events, { expected: 'no_stream' })).toEqual(original);
    expect((await store.readStream(s)).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('falls back to one append at a time when the batch call fails, so only the faulty append fails', async () => {
    const s = streamName('reused-id');
    const reused = newEvent('Original');
    await store.appendToStream(s, [reused], { expected: 'no_stream' });
    const good = streamName('good');
    const before = store.stats();

    const outcomes = await Promise.allSettled([
      store.appendToStream(good, [newEvent('Fine')], { expected: 'no_stream' }),
      // The same event id again, behind a new one: a unique violation that aborts the batch's transaction.
      store.appendToStream(s, [newEvent('New'), reused], { expected: 'any' }),
      store.appendToStream(s, [newEvent('After')], { expected: 0n }),
    ]);

    expect(store.stats().fallbackAppends - before.fallbackAppends).toBe(3);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes[1]).toMatchObject({ reason: { code: '23505' } });
    expect((await store.readStream(good)).map((e) => e.type)).toEqual(['Fine']);
    expect((await store.readStream(s)).map((e) => e.type)).toEqual(['Original', 'After']);
  });

  it('refuses what the adapter refuses: no events, a negative expected revision', async () => {
    await expect(store.appendToStream(streamName('empty'), [])).rejects.toThrow(RangeError);
    await expect(store.appendToStream(streamName('negative'), [newEvent('X')], { expected: -1n })).rejects.toThrow(
      RangeError,
    );
  });

  it('does not deadlock when two stores (two processes) batch appends to the same streams concurrently', async () => {
    // Small batches, two in flight per store, opposite stream orders: unsorted, these transactions would
    // lock rows in opposite orders and deadlock (which would abort batches and show up as fallbacks).
    const options = { connectionString: db.url, listen: false, maxConcurrentBatches: 2, maxBatchAppends: 6 };
    const [one, two] = [createGroupCommitEventStore(options), createGroupCommitEventStore(options)];
    const streams = Array.from({ length: 12 }, (_, i) => streamName(`shared-${i}`));
    try {
      // Open both stores' connections first, so their batches really overlap.
      await Promise.all([one, two].flatMap((s) => [s.ping(), s.ping()]));
      const appends: Promise<AppendResult>[] = [];
      for (let round = 0; round < 10; round++) {
        for (const [i, s] of streams.entries()) {
          appends.push(one.appendToStream(s, [newEvent(`r${round}`)], { expected: 'any' }));
          appends.push(two.appendToStream(streams[streams.length - 1 - i], [newEvent(`r${round}`)]));
        }
      }
      expect(await Promise.all(appends)).toHaveLength(240);
      for (const s of streams) {
        expect((await store.readStream(s)).map((e) => e.revision)).toEqual(
          Array.from({ length: 20 }, (_, r) => BigInt(r)),
        );
      }
      expect(one.stats().batches).toBeGreaterThanOrEqual(20);
      expect([one.stats().fallbackAppends, two.stats().fallbackAppends]).toEqual([0, 0]);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('finishes queued appends before close() resolves, and refuses appends after it', async () => {
    const local = createGroupCommitEventStore({ connectionString: db.url, listen: false, windowMs: 20 });
    const s = streamName('closing');
    const pending = local.appendToStream(s, [newEvent('Queued')], { expected: 'no_stream' });
    await local.close();
    await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 0n });
    // Alone in its batch, it went through the adapter's own append function.
    expect(local.stats()).toMatchObject({ batches: 0, directAppends: 1 });
    await expect(local.appendToStream(s, [newEvent('Late')])).rejects.toThrow('closed');
    expect((await store.readStream(s)).map((e) => e.type)).toEqual(['Queued']);
  });
});
