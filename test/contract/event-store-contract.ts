// The event store contract: every adapter must pass this suite unchanged. Adapter specifics (SQL,
// gRPC) stay out of here. Tests share one store per describe, so each uses its own random stream names,
// and $all tests filter to their own streams (other events may be present).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { GENESIS_HASH, verifyStreamChain } from '../../libs/audit/src/hash-chain.js';
import { WrongExpectedVersionError } from '../../libs/event-store/src/errors.js';
import { HashChainedEventStore } from '../../libs/event-store/src/hash-chained-event-store.js';
import {
  comparePositions,
  type EventMetadata,
  type EventStore,
  type NewEvent,
  type Position,
  type RecordedEvent,
  type Subscription,
  type SubscriptionMessage,
} from '../../libs/event-store/src/port.js';

export interface ContractSetup {
  store: EventStore;
  teardown(): Promise<void>;
}

export function describeEventStoreContract(name: string, setup: () => Promise<ContractSetup>): void {
  describe(`event store contract: ${name}`, () => {
    let store: EventStore;
    let teardown: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      const ready = await setup();
      store = ready.store;
      teardown = ready.teardown;
    });

    afterAll(async () => {
      await teardown?.();
    });

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    describe('appendToStream', () => {
      it('creates a stream with no_stream; revisions count from 0', async () => {
        const stream = streamName('create');
        const events = [newEvent('Created', { n: 1 }), newEvent('Renamed', { n: 2 })];
        const result = await store.appendToStream(stream, events, { expected: 'no_stream' });
        expect(result.nextExpectedRevision).toBe(1n);

        const read = await store.readStream(stream);
        expect(read.map((e) => [e.revision, e.id, e.type, e.data])).toEqual([
          [0n, events[0].id, 'Created', { n: 1 }],
          [1n, events[1].id, 'Renamed', { n: 2 }],
        ]);
        expect(read.every((e) => e.streamName === stream && e.createdAt instanceof Date)).toBe(true);
        expect(read[1].position).toEqual(result.position);
        expect(comparePositions(read[0].position, read[1].position)).toBe(-1);
      });

      it("appends to an existing stream with its revision, 'stream_exists' and 'any'", async () => {
        const stream = streamName('extend');
        await store.appendToStream(stream, [newEvent('A')], { expected: 'no_stream' });
        expect((await store.appendToStream(stream, [newEvent('B')], { expected: 0n })).nextExpectedRevision).toBe(1n);
        expect(
          (await store.appendToStream(stream, [newEvent('C')], { expected: 'stream_exists' })).nextExpectedRevision,
        ).toBe(2n);
        expect((await store.appendToStream(stream, [newEvent('D')], { expected: 'any' })).nextExpectedRevision).toBe(
          3n,
        );
        expect((await store.appendToStream(stream, [newEvent('E')])).nextExpectedRevision).toBe(4n);
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D', 'E']);
      });

      it("'any' creates a missing stream", async () => {
        const stream = streamName('any-new');
        const result = await store.appendToStream(stream, [newEvent('A')], { expected: 'any' });
        expect(result.nextExpectedRevision).toBe(0n);
      });

      it('rejects a wrong expected revision with WrongExpectedVersionError {stream, expected, actual}', async () => {
        const stream = streamName('wrong');
        await store.appendToStream(stream, [newEvent('A'), newEvent('B')], { expected: 'no_stream' });

        await expectConflict(store.appendToStream(stream, [newEvent('X')], { expected: 0n }), stream, 0n, 1n);
        await expectConflict(store.appendToStream(stream, [newEvent('X')], { expected: 5n }), stream, 5n, 1n);
        await expectConflict(
          store.appendToStream(stream, [newEvent('X')], { expected: 'no_stream' }),
          stream,
          'no_stream',
          1n,
        );
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it("reports actual 'no_stream' for a missing stream expected to exist", async () => {
        const stream = streamName('missing');
        await expectConflict(
          store.appendToStream(stream, [newEvent('X')], { expected: 'stream_exists' }),
          stream,
          'stream_exists',
          'no_stream',
        );
        await expectConflict(store.appendToStream(stream, [newEvent('X')], { expected: 0n }), stream, 0n, 'no_stream');
        expect(await store.readStream(stream)).toEqual([]);
      });

      it('treats a retry with the same event ids and expected revision as a success, storing nothing twice', async () => {
        const stream = streamName('idempotent');
        const first = [newEvent('A'), newEvent('B')];
        const created = await store.appendToStream(stream, first, { expected: 'no_stream' });
        expect(await store.appendToStream(stream, first, { expected: 'no_stream' })).toEqual(created);

        const second = [newEvent('C')];
        const appended = await store.appendToStream(stream, second, { expected: 1n });
        expect(await store.appendToStream(stream, second, { expected: 1n })).toEqual(appended);

        // Still idempotent after the stream moved on: the ids sit exactly where that append put them.
        await store.appendToStream(stream, [newEvent('D')], { expected: 2n });
        expect(await store.appendToStream(stream, second, { expected: 1n })).toEqual(appended);

        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
      });

      it('does not treat other event ids at the same expected revision as a retry', async () => {
        const stream = streamName('not-idempotent');
        await store.appendToStream(stream, [newEvent('A')], { expected: 'no_stream' });
        await store.appendToStream(stream, [newEvent('B')], { expected: 0n });
        await expectConflict(store.appendToStream(stream, [newEvent('B')], { expected: 0n }), stream, 0n, 1n);
      });

      it('lets exactly one of many concurrent appends with the same expected revision win', async () => {
        const stream = streamName('race');
        await store.appendToStream(stream, [newEvent('Start')], { expected: 'no_stream' });
        const racers = Array.from({ length: 8 }, (_, i) =>
          store.appendToStream(stream, [newEvent(`Racer${i}`)], { expected: 0n }),
        );
        const outcomes = await Promise.allSettled(racers);
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(7);
        for (const error of lost) {
          expect(error).toBeInstanceOf(WrongExpectedVersionError);
          expect(error).toMatchObject({ stream, expected: 0n, actual: 1n });
        }
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('lets exactly one of many concurrent creators of a stream win', async () => {
        const stream = streamName('race-create');
        const outcomes = await Promise.allSettled(
          Array.from({ length: 6 }, (_, i) =>
            store.appendToStream(stream, [newEvent(`Creator${i}`)], { expected: 'no_stream' }),
          ),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        for (const o of outcomes.filter((x) => x.status === 'rejected')) {
          expect(o.reason).toBeInstanceOf(WrongExpectedVersionError);
          expect(o.reason).toMatchObject({ stream, expected: 'no_stream', actual: 0n });
        }
        expect(await store.readStream(stream)).toHaveLength(1);
      });

      it('carries bigint revisions and positions, and keeps an expected revision beyond 2^53 exact', async () => {
        const stream = streamName('bigint');
        const result = await store.appendToStream(stream, [newEvent('A')], { expected: 'no_stream' });
        expect(typeof result.nextExpectedRevision).toBe('bigint');
        expect(typeof result.position.commit).toBe('bigint');
        expect(typeof result.position.prepare).toBe('bigint');
        const [event] = await store.readStream(stream);
        expect(typeof event.revision).toBe('bigint');

        const huge = 2n ** 53n + 1n;
        await expectConflict(store.appendToStream(stream, [newEvent('X')], { expected: huge }), stream, huge, 0n);
      });

      it('round-trips data and metadata exactly: nested values, unicode, numbers', async () => {
        const stream = streamName('round-trip');
        const data = {
          nama: 'Siti Nurhaliza',
          catatan: 'Penilaian kinerja — 評価 ✓ 😀 עברית "quoted" \\ back\\slash\n\ttab',
          nested: { deeper: { list: [1, 'two', null, true, false, { three: 3 }], empty: {}, none: [] } },
          numbers: [0, -1, 0.1, 1.5e-7, 123456789.123, 2 ** 53 - 1, 1e21, -273.15],
          'key with spaces': 'ok',
          'ünïcödé-kéy': '✓',
        };
        const metadata = baseMetadata({
          reason: 'Keberatan diterima — nilai direvisi',
          policyVersion: '2025.1',
          evidence: { documents: [{ name: 'laporan.pdf', pages: 3 }], tags: ['a', 'b'] },
          emoji: '🇮🇩',
        });
        const event = { id: randomUUID(), type: 'RatingRevised', data, metadata };
        await store.appendToStream(stream, [event], { expected: 'no_stream' });
        const [read] = await store.readStream(stream);
        expect(read.data).toStrictEqual(data);
        expect(read.metadata).toStrictEqual(metadata);
      });
    });

    describe('readStream', () => {
      let stream: string;

      beforeAll(async () => {
        stream = streamName('read');
        await store.appendToStream(
          stream,
          ['E0', 'E1', 'E2', 'E3', 'E4'].map((t) => newEvent(t)),
          { expected: 'no_stream' },
        );
      });

      const types = (events: RecordedEvent[]): string[] => events.map((e) => e.type);

      it('reads forwards, from a revision (inclusive), up to maxCount', async () => {
        expect(types(await store.readStream(stream))).toEqual(['E0', 'E1', 'E2', 'E3', 'E4']);
        expect(types(await store.readStream(stream, { from: 'start' }))).toEqual(['E0', 'E1', 'E2', 'E3', 'E4']);
        expect(types(await store.readStream(stream, { from: 2n }))).toEqual(['E2', 'E3', 'E4']);
        expect(types(await store.readStream(stream, { from: 2n, maxCount: 2 }))).toEqual(['E2', 'E3']);
        expect(types(await store.readStream(stream, { maxCount: 1 }))).toEqual(['E0']);
        expect(await store.readStream(stream, { from: 5n })).toEqual([]);
      });

      it('reads backwards, from a revision (inclusive), up to maxCount', async () => {
        const backwards = { direction: 'backwards' } as const;
        expect(types(await store.readStream(stream, backwards))).toEqual(['E4', 'E3', 'E2', 'E1', 'E0']);
        expect(types(await store.readStream(stream, { ...backwards, from: 'end', maxCount: 1 }))).toEqual(['E4']);
        expect(types(await store.readStream(stream, { ...backwards, from: 3n, maxCount: 2 }))).toEqual(['E3', 'E2']);
        expect(types(await store.readStream(stream, { ...backwards, from: 0n }))).toEqual(['E0']);
        // From beyond the end: starts at the last event.
        expect(types(await store.readStream(stream, { ...backwards, from: 99n, maxCount: 2 }))).toEqual(['E4', 'E3']);
      });

      it('orders revisions numerically, not as text (9 before 10)', async () => {
        const long = streamName('read-long');
        const batch = Array.from({ length: 12 }, (_, i) => newEvent(`N${i}`));
        await store.appendToStream(long, batch, { expected: 'no_stream' });
        const forwards = await store.readStream(long);
        expect(forwards.map((e) => e.revision)).toEqual(batch.map((_, i) => BigInt(i)));
        const backwards = await store.readStream(long, { direction: 'backwards', from: 10n, maxCount: 3 });
        expect(types(backwards)).toEqual(['N10', 'N9', 'N8']);
        const all = (await store.readAll({ fromPosition: forwards[0].position })).filter((e) => e.streamName === long);
        expect(types(all)).toEqual(batch.slice(1).map((e) => e.type));
      });

      it('returns [] for a stream that does not exist', async () => {
        expect(await store.readStream(streamName('nothing'))).toEqual([]);
        expect(await store.readStream(streamName('nothing'), { direction: 'backwards' })).toEqual([]);
      });
    });

    describe('readAll', () => {
      it('returns events in $all order, fromPosition exclusive, forwards and backwards', async () => {
        const a = streamName('all-a');
        const b = streamName('all-b');
        const own = (events: RecordedEvent[]): string[] =>
          events.filter((e) => e.streamName === a || e.streamName === b).map((e) => e.type);
        const r1 = await store.appendToStream(a, [newEvent('First')], { expected: 'no_stream' });
        const r2 = await store.appendToStream(b, [newEvent('Second')], { expected: 'no_stream' });
        const r3 = await store.appendToStream(a, [newEvent('Third'), newEvent('Fourth')], { expected: 0n });
        expect(comparePositions(r1.position, r2.position)).toBe(-1);
        expect(comparePositions(r2.position, r3.position)).toBe(-1);

        const all = await store.readAll();
        expect(own(all)).toEqual(['First', 'Second', 'Third', 'Fourth']);
        for (let i = 1; i < all.length; i++) expect(comparePositions(all[i - 1].position, all[i].position)).toBe(-1);

        const afterFirst = await store.readAll({ fromPosition: r1.position });
        expect(afterFirst.some((e) => comparePositions(e.position, r1.position) <= 0)).toBe(false);
        expect(own(afterFirst)).toEqual(['Second', 'Third', 'Fourth']);
        const fourth = afterFirst.find((e) => e.type === 'Fourth' && e.streamName === a);
        expect(fourth?.position).toEqual(r3.position);

        expect(own(await store.readAll({ fromPosition: r1.position, maxCount: 1 }))).toEqual(['Second']);
        expect(own(await store.readAll({ fromPosition: r2.position, direction: 'backwards' }))).toEqual(['First']);
        const newestFirst = await store.readAll({ direction: 'backwards' });
        expect(own(newestFirst)).toEqual(['Fourth', 'Third', 'Second', 'First']);
        expect(newestFirst.find((e) => e.streamName === a)?.position).toEqual(r3.position);
      });

      it('pages through $all with maxCount without losing or repeating events', async () => {
        const stream = streamName('all-pages');
        const start = await store.appendToStream(stream, [newEvent('P0')], { expected: 'no_stream' });
        await store.appendToStream(
          stream,
          ['P1', 'P2', 'P3', 'P4', 'P5'].map((t) => newEvent(t)),
          { expected: 0n },
        );
        const seen: string[] = [];
        let position: Position = start.position;
        for (let pages = 0; pages < 100; pages++) {
          const page = await store.readAll({ fromPosition: position, maxCount: 2 });
          if (page.length === 0) break;
          seen.push(...page.filter((e) => e.streamName === stream).map((e) => e.type));
          position = page[page.length - 1].position;
        }
        expect(seen).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
      });
    });

    describe('subscribeToAll', () => {
      it('delivers history after fromPosition (exclusive), then caughtUp, then live events in order', async () => {
        const prefix = streamName('sub');
        const stream = `${prefix}-one`;
        await store.appendToStream(stream, [newEvent('H0'), newEvent('H1'), newEvent('H2')], { expected: 'no_stream' });
        const [h0] = await store.readStream(stream);

        const subscription = store.subscribeToAll({
          fromPosition: h0.position,
          filter: { streamNamePrefixes: [prefix] },
        });
        const reader = new SubscriptionReader(subscription);
        try {
          expect(await reader.untilCaughtUp()).toEqual(['H1', 'H2']);
          await store.appendToStream(stream, [newEvent('L3')], { expected: 2n });
          await store.appendToStream(stream, [newEvent('L4'), newEvent('L5')], { expected: 3n });
          expect(await reader.events(3)).toEqual(['L3', 'L4', 'L5']);
        } finally {
          await subscription.close();
        }
        expect(await reader.drainToEnd()).toBe(true);
      });

      it('starts from the very beginning when no position is given', async () => {
        const prefix = streamName('sub-start');
        await store.appendToStream(`${prefix}-x`, [newEvent('S0')], { expected: 'no_stream' });
        await store.appendToStream(`${prefix}-y`, [newEvent('S1')], { expected: 'no_stream' });
        const subscription = store.subscribeToAll({ filter: { streamNamePrefixes: [prefix] } });
        const reader = new SubscriptionReader(subscription);
        try {
          expect(await reader.untilCaughtUp()).toEqual(['S0', 'S1']);
        } finally {
          await subscription.close();
        }
      });

      it('filters by stream name prefix and by event type prefix', async () => {
        const prefix = streamName('filter');
        const marker = await store.appendToStream(`${prefix}-marker`, [newEvent('Marker')], { expected: 'no_stream' });
        const typePrefix = `T${randomUUID().slice(0, 8)}`;
        await store.appendToStream(`${prefix}-in-1`, [newEvent(`${typePrefix}Rated`), newEvent('Plain')]);
        await store.appendToStream(`${prefix}-out-1`, [newEvent('Plain'), newEvent(`${typePrefix}Noted`)]);
        await store.appendToStream(`${prefix}-in-2`, [newEvent('Other')]);

        const byStream = store.subscribeToAll({
          fromPosition: marker.position,
          filter: { streamNamePrefixes: [`${prefix}-in-`] },
        });
        const streamReader = new SubscriptionReader(byStream, true);
        const byType = store.subscribeToAll({
          fromPosition: marker.position,
          filter: { eventTypePrefixes: [typePrefix] },
        });
        const typeReader = new SubscriptionReader(byType, true);
        try {
          expect(await streamReader.untilCaughtUp()).toEqual([
            `${prefix}-in-1:${typePrefix}Rated`,
            `${prefix}-in-1:Plain`,
            `${prefix}-in-2:Other`,
          ]);
          expect(await typeReader.untilCaughtUp()).toEqual([
            `${prefix}-in-1:${typePrefix}Rated`,
            `${prefix}-out-1:${typePrefix}Noted`,
          ]);
          await store.appendToStream(`${prefix}-out-1`, [newEvent('Plain'), newEvent(`${typePrefix}Live`)]);
          await store.appendToStream(`${prefix}-in-1`, [newEvent('LiveIn')]);
          expect(await streamReader.events(1)).toEqual([`${prefix}-in-1:LiveIn`]);
          expect(await typeReader.events(1)).toEqual([`${prefix}-out-1:${typePrefix}Live`]);
        } finally {
          await byStream.close();
          await byType.close();
        }
      });

      it('ends the iteration when closed while waiting for live events', async () => {
        const prefix = streamName('sub-close');
        await store.appendToStream(`${prefix}-s`, [newEvent('Only')], { expected: 'no_stream' });
        const subscription = store.subscribeToAll({ filter: { streamNamePrefixes: [prefix] } });
        const reader = new SubscriptionReader(subscription);
        expect(await reader.untilCaughtUp()).toEqual(['Only']);
        const pending = reader.drainToEnd();
        await subscription.close();
        await subscription.close(); // safe twice
        expect(await pending).toBe(true);
      });
    });

    describe('through HashChainedEventStore', () => {
      let chained: EventStore;
      beforeAll(() => {
        chained = new HashChainedEventStore(store);
      });

      it('links every appended event to the previous one, and the chain verifies on read', async () => {
        const stream = streamName('chain');
        await chained.appendToStream(stream, [newEvent('A'), newEvent('B')], { expected: 'no_stream' });
        await chained.appendToStream(stream, [newEvent('C')], { expected: 'any' });
        await chained.appendToStream(stream, [newEvent('D')], { expected: 2n });
        const [last] = await chained.readStream(stream, { direction: 'backwards', maxCount: 1 });
        await chained.appendToStream(stream, [newEvent('E', { nested: { é: ['✓', 1.5] } })], {
          expected: 3n,
          prevHash: last.metadata.hash,
        });
        await chained.appendToStream(stream, [newEvent('F')], { expected: 'stream_exists' });

        const events = await store.readStream(stream);
        expect(events.map((e) => e.type)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
        expect(verifyStreamChain(events)).toEqual({ ok: true });
        expect(events[0].metadata.prevHash).toBe(GENESIS_HASH);
        for (let i = 1; i < events.length; i++) expect(events[i].metadata.prevHash).toBe(events[i - 1].metadata.hash);
        expect(new Set(events.map((e) => e.metadata.hash)).size).toBe(events.length);
      });

      it('keeps idempotent retries and reports conflicts with the actual revision', async () => {
        const stream = streamName('chain-conflict');
        const first = [newEvent('A'), newEvent('B')];
        const created = await chained.appendToStream(stream, first, { expected: 'no_stream' });
        expect(await chained.appendToStream(stream, first, { expected: 'no_stream' })).toEqual(created);
        const next = [newEvent('C')];
        const appended = await chained.appendToStream(stream, next, { expected: 1n });
        expect(await chained.appendToStream(stream, next, { expected: 1n })).toEqual(appended);

        await expectConflict(chained.appendToStream(stream, [newEvent('X')], { expected: 1n }), stream, 1n, 2n);
        await expectConflict(chained.appendToStream(stream, [newEvent('X')], { expected: 7n }), stream, 7n, 2n);
        await expectConflict(
          chained.appendToStream(stream, [newEvent('X')], { expected: 'no_stream' }),
          stream,
          'no_stream',
          2n,
        );
        await expectConflict(
          chained.appendToStream(streamName('chain-missing'), [newEvent('X')], { expected: 'stream_exists' }),
          undefined,
          'stream_exists',
          'no_stream',
        );

        const events = await store.readStream(stream);
        expect(events.map((e) => e.type)).toEqual(['A', 'B', 'C']);
        expect(verifyStreamChain(events)).toEqual({ ok: true });
      });

      it("lets concurrent 'any' appends all succeed without breaking the chain", async () => {
        const stream = streamName('chain-race');
        await chained.appendToStream(stream, [newEvent('Start')], { expected: 'no_stream' });
        await Promise.all(
          Array.from({ length: 3 }, (_, i) =>
            chained.appendToStream(stream, [newEvent(`Racer${i}`)], { expected: 'any' }),
          ),
        );
        const events = await store.readStream(stream);
        expect(events).toHaveLength(4);
        expect(verifyStreamChain(events)).toEqual({ ok: true });
      });
    });
  });
}

// --- helpers -------------------------------------------------------------------------------------------

function streamName(label: string): string {
  return `contract_${label}-${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

function baseMetadata(extra: Partial<EventMetadata> = {}): EventMetadata {
  return {
    actor: { id: 'user-199001012020011001', role: 'rater' },
    correlationId: randomUUID(),
    causationId: randomUUID(),
    occurredAt: '2025-03-04T05:06:07.089Z',
    ...extra,
  };
}

function newEvent(type: string, data: Record<string, unknown> = {}): NewEvent {
  return { id: randomUUID(), type, data, metadata: baseMetadata() };
}

async function expectConflict(
  append: Promise<unknown>,
  stream: string | undefined,
  expected: WrongExpectedVersionError['expected'],
  actual: WrongExpectedVersionError['actual'],
): Promise<void> {
  const error = await append.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrongExpectedVersionError);
  const conflict = error as WrongExpectedVersionError;
  if (stream !== undefined) expect(conflict.stream).toBe(stream);
  expect(conflict.expected).toBe(expected);
  expect(conflict.actual).toBe(actual);
}

/** Pulls messages one at a time, so a test can interleave appends with reads of the live part. */
class SubscriptionReader {
  private readonly iterator: AsyncIterator<SubscriptionMessage>;

  constructor(
    subscription: Subscription,
    private readonly withStream = false,
  ) {
    this.iterator = subscription[Symbol.asyncIterator]();
  }

  /** Events until caughtUp (exclusive). */
  async untilCaughtUp(): Promise<string[]> {
    const seen: string[] = [];
    for (;;) {
      const message = await this.next();
      if (message.kind === 'caughtUp') return seen;
      seen.push(this.label(message.event));
    }
  }

  async events(count: number): Promise<string[]> {
    const seen: string[] = [];
    while (seen.length < count) {
      const message = await this.next();
      if (message.kind === 'event') seen.push(this.label(message.event));
    }
    return seen;
  }

  /** True once the iteration has ended (bounded, so a subscription that never ends fails the test). */
  async drainToEnd(): Promise<boolean> {
    for (let i = 0; i < 10_000; i++) {
      const result = await this.iterator.next();
      if (result.done) return true;
    }
    return false;
  }

  private async next(): Promise<SubscriptionMessage> {
    const result = await this.iterator.next();
    if (result.done) throw new Error('subscription ended unexpectedly');
    return result.value;
  }

  private label(event: RecordedEvent): string {
    return this.withStream ? `${event.streamName}:${event.type}` : event.type;
  }
}
