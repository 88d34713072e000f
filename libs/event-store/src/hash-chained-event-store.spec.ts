import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { GENESIS_HASH, verifyStreamChain } from '../../audit/src/hash-chain.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { WrongExpectedVersionError } from './errors.js';
import { HashChainedEventStore } from './hash-chained-event-store.js';
import type { AppendOptions, EventStore, NewEvent, ReadStreamOptions } from './port.js';
import { createPostgresEventStore, type PostgresEventStore } from './postgres/index.js';

// The contract suite covers chaining on every adapter; this spec covers the decorator's own choices.

let db: TestDatabase;
let store: PostgresEventStore;

beforeAll(async () => {
  db = await createTestDatabase('chained');
  store = createPostgresEventStore({ connectionString: db.url });
  await store.migrate();
});

afterAll(async () => {
  await store.close();
  await db.drop();
});

/** The real store, counting stream reads and optionally letting a rival append just before each append. */
class Instrumented implements EventStore {
  reads = 0;
  beforeAppend: ((stream: string) => Promise<void>) | undefined;

  constructor(private readonly inner: EventStore) {}

  async appendToStream(stream: string, events: NewEvent[], options?: AppendOptions) {
    const rival = this.beforeAppend;
    this.beforeAppend = undefined;
    await rival?.(stream);
    return this.inner.appendToStream(stream, events, options);
  }
  readStream(stream: string, options?: ReadStreamOptions) {
    this.reads++;
    return this.inner.readStream(stream, options);
  }
  readAll = (...args: Parameters<EventStore['readAll']>) => this.inner.readAll(...args);
  subscribeToAll = (...args: Parameters<EventStore['subscribeToAll']>) => this.inner.subscribeToAll(...args);
  ping = () => this.inner.ping();
  close = () => this.inner.close();
}

describe('HashChainedEventStore', () => {
  it('uses the prevHash hint instead of reading the stream', async () => {
    const inner = new Instrumented(store);
    const chained = new HashChainedEventStore(inner);
    const stream = streamName();
    await chained.appendToStream(stream, [newEvent('A')], { expected: 'no_stream' });
    expect(inner.reads).toBe(0);
    const [a] = await store.readStream(stream);

    await chained.appendToStream(stream, [newEvent('B')], { expected: 0n, prevHash: a.metadata.hash });
    expect(inner.reads).toBe(0);
    await chained.appendToStream(stream, [newEvent('C')], { expected: 1n });
    expect(inner.reads).toBe(1);
    expect(verifyStreamChain(await store.readStream(stream))).toEqual({ ok: true });
  });

  it('overwrites hash fields a caller put in the metadata', async () => {
    const chained = new HashChainedEventStore(store);
    const stream = streamName();
    const forged = newEvent('A');
    forged.metadata = { ...forged.metadata, prevHash: 'f'.repeat(64), hash: 'e'.repeat(64) };
    await chained.appendToStream(stream, [forged], { expected: 'no_stream' });
    const [stored] = await store.readStream(stream);
    expect(stored.metadata.prevHash).toBe(GENESIS_HASH);
    expect(stored.metadata.hash).not.toBe('e'.repeat(64));
    expect(verifyStreamChain([stored])).toEqual({ ok: true });
  });

  it('hashes event ids in the lower case the store hands back', async () => {
    const chained = new HashChainedEventStore(store);
    const stream = streamName();
    const event = { ...newEvent('A'), id: randomUUID().toUpperCase() };
    await chained.appendToStream(stream, [event], { expected: 'no_stream' });
    const read = await store.readStream(stream);
    expect(read[0].id).toBe(event.id.toLowerCase());
    expect(verifyStreamChain(read)).toEqual({ ok: true });
  });

  it("re-reads and chains again when a rival extends the stream under an 'any' append", async () => {
    const inner = new Instrumented(store);
    const chained = new HashChainedEventStore(inner, { maxRetries: 1 });
    const stream = streamName();
    await chained.appendToStream(stream, [newEvent('First')], { expected: 'no_stream' });
    inner.beforeAppend = async (s) => {
      await new HashChainedEventStore(store).appendToStream(s, [newEvent('Rival')], { expected: 0n });
    };
    const result = await chained.appendToStream(stream, [newEvent('Mine')], { expected: 'any' });
    expect(result.nextExpectedRevision).toBe(2n);
    const events = await store.readStream(stream);
    expect(events.map((e) => e.type)).toEqual(['First', 'Rival', 'Mine']);
    expect(verifyStreamChain(events)).toEqual({ ok: true });
  });

  it('gives up after maxRetries with a conflict that names what the caller expected', async () => {
    const inner = new Instrumented(store);
    const chained = new HashChainedEventStore(inner, { maxRetries: 0 });
    const stream = streamName();
    await chained.appendToStream(stream, [newEvent('First')], { expected: 'no_stream' });
    inner.beforeAppend = async (s) => {
      await new HashChainedEventStore(store).appendToStream(s, [newEvent('Rival')], { expected: 0n });
    };
    const error = await chained
      .appendToStream(stream, [newEvent('Mine')], { expected: 'stream_exists' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    expect(error).toMatchObject({ stream, expected: 'stream_exists', actual: 1n });
    expect(verifyStreamChain(await store.readStream(stream))).toEqual({ ok: true });
  });

  it('refuses to extend a stream that was written without the chain', async () => {
    const stream = streamName();
    await store.appendToStream(stream, [newEvent('Unchained')]);
    await expect(new HashChainedEventStore(store).appendToStream(stream, [newEvent('X')])).rejects.toThrow(
      /not hash-chained/,
    );
  });
});

function streamName(): string {
  return `chained-${randomUUID()}`;
}

function newEvent(type: string): NewEvent {
  return {
    id: randomUUID(),
    type,
    data: { at: type },
    metadata: {
      actor: { id: 'user-1', role: 'rater' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2025-01-01T00:00:00.000Z',
    },
  };
}
