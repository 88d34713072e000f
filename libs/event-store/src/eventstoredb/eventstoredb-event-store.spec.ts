// The EventStoreDB adapter through the real client, against the in-memory TEST stand-in
// (test/esdb-stand-in). The shared contract suite (test/contract) covers the port; these tests pin what
// is specific to this adapter: system events in $all, combined filters (the server filters on one
// dimension only), the catch-up/live seam of subscriptions, connection strings and ping.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { startEventStoreDbStandIn, type EventStoreDbStandIn } from '../../../../test/esdb-stand-in/server.js';
import { EventStoreUnavailableError } from '../errors.js';
import type { EventStore, NewEvent, RecordedEvent, SubscriptionMessage } from '../port.js';
import { createEventStoreDbEventStore } from './index.js';

const newEvent = (type: string, data: Record<string, unknown> = {}): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: {
    actor: { id: 'u-1', role: 'admin' },
    correlationId: randomUUID(),
    causationId: randomUUID(),
    occurredAt: '2025-01-02T03:04:05.000Z',
    reason: 'because',
  },
});

const summary = (events: RecordedEvent[]) => events.map((e) => `${e.streamName}#${e.revision}:${e.type}`);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected a rejection'),
    (error: unknown) => error,
  );
}

/** Reads messages until `until` says stop; returns them. */
async function readUntil(
  iterator: AsyncIterator<SubscriptionMessage>,
  until: (seen: SubscriptionMessage[]) => boolean,
): Promise<SubscriptionMessage[]> {
  const seen: SubscriptionMessage[] = [];
  while (!until(seen)) {
    const next = await iterator.next();
    if (next.done) break;
    seen.push(next.value);
  }
  return seen;
}

const eventsOf = (messages: SubscriptionMessage[]) => messages.flatMap((m) => (m.kind === 'event' ? [m.event] : []));

describe('EventStoreDB adapter (real client, in-memory stand-in)', () => {
  let standIn: EventStoreDbStandIn;
  let store: EventStore;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    standIn = await startEventStoreDbStandIn();
    store = createEventStoreDbEventStore({ connectionString: standIn.connectionString });
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  afterAll(async () => {
    await store.close();
    await standIn.stop();
  });

  it('skips system events in readAll and pages past them to honour maxCount', async () => {
    const all = await store.readAll();
    expect(all.every((e) => !e.type.startsWith('$'))).toBe(true);
    // The stand-in's $all begins with a system event, so the first page of one record holds none of ours.
    const stream = `first-${randomUUID()}`;
    const fresh = await startEventStoreDbStandIn();
    const other = createEventStoreDbEventStore({ connectionString: fresh.connectionString });
    try {
      await other.appendToStream(stream, [newEvent('One'), newEvent('Two')]);
      expect(summary(await other.readAll({ maxCount: 1 }))).toEqual([`${stream}#0:One`]);
      expect(summary(await other.readAll({ direction: 'backwards' }))).toEqual([`${stream}#1:Two`, `${stream}#0:One`]);
    } finally {
      await other.close();
      await fresh.stop();
    }
  });

  it('applies stream-name and event-type prefixes together', async () => {
    const prefix = `filter-${randomUUID()}`;
    await store.appendToStream(`${prefix}-a`, [newEvent('RatingGiven'), newEvent('NoteAdded')]);
    await store.appendToStream(`elsewhere-${randomUUID()}`, [newEvent('RatingGiven')]);
    const subscription = store.subscribeToAll({
      filter: { streamNamePrefixes: [prefix], eventTypePrefixes: ['Rating'] },
    });
    cleanups.push(() => subscription.close());
    const iterator = subscription[Symbol.asyncIterator]();
    const history = await readUntil(iterator, (seen) => seen.at(-1)?.kind === 'caughtUp');
    expect(summary(eventsOf(history))).toEqual([`${prefix}-a#0:RatingGiven`]);
    await store.appendToStream(`${prefix}-b`, [newEvent('NoteAdded'), newEvent('RatingChanged')]);
    const live = await readUntil(iterator, (seen) => seen.length === 1);
    expect(summary(eventsOf(live))).toEqual([`${prefix}-b#1:RatingChanged`]);
  });

  it('loses and repeats nothing when appends race the catch-up', async () => {
    const prefix = `seam-${randomUUID()}`;
    for (let i = 0; i < 5; i++) await store.appendToStream(`${prefix}-${i}`, [newEvent('Before'), newEvent('Before')]);
    // Small pages: the catch-up takes many reads, between which the appends below land.
    const paging = createEventStoreDbEventStore({
      connectionString: standIn.connectionString,
      subscriptionPageSize: 3,
    });
    const subscription = paging.subscribeToAll({ filter: { streamNamePrefixes: [prefix] } });
    cleanups.push(
      () => paging.close(),
      () => subscription.close(),
    );
    const iterator = subscription[Symbol.asyncIterator]();
    // Appends run while the subscription pages through history and switches to live.
    const untilCaughtUp = readUntil(iterator, (seen) => seen.some((m) => m.kind === 'caughtUp'));
    for (let i = 0; i < 20; i++) await store.appendToStream(`${prefix}-w${i}`, [newEvent('During')]);
    const history = await untilCaughtUp;
    // Written last and delivered live: once it arrives, every earlier event must have arrived exactly once.
    await store.appendToStream(`${prefix}-final`, [newEvent('Final')]);
    const live = await readUntil(iterator, (seen) => eventsOf(seen).some((e) => e.type === 'Final'));
    const expected = (await store.readAll()).filter((e) => e.streamName.startsWith(prefix));
    expect(expected).toHaveLength(31);
    expect(summary(eventsOf([...history, ...live]))).toEqual(summary(expected));
    expect([...history, ...live].filter((m) => m.kind === 'caughtUp')).toHaveLength(1);
  });

  it('accepts a kurrentdb:// connection string (same protocol, the client parses only esdb://)', async () => {
    const kurrent = createEventStoreDbEventStore({
      connectionString: standIn.connectionString.replace(/^esdb:/, 'kurrentdb:'),
    });
    try {
      const stream = `kurrent-${randomUUID()}`;
      await kurrent.appendToStream(stream, [newEvent('Hello')]);
      expect(summary(await store.readStream(stream))).toEqual([`${stream}#0:Hello`]);
    } finally {
      await kurrent.close();
    }
  });

  it('pings a live server and reports an unreachable one as EventStoreUnavailableError', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
    const gone = await startEventStoreDbStandIn();
    const orphan = createEventStoreDbEventStore({ connectionString: gone.connectionString });
    await gone.stop();
    try {
      expect(await rejection(orphan.ping())).toBeInstanceOf(EventStoreUnavailableError);
    } finally {
      await orphan.close();
    }
  });
});
