// PostgreSQL-only guarantees the shared contract cannot express: $all never passes a transaction that
// is still open, immutability (privileges and trigger), NOTIFY and polling, migrations.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import pg from 'pg';
import { verifyStreamChain } from '../../libs/audit/src/hash-chain.js';
import { EventStoreUnavailableError } from '../../libs/event-store/src/errors.js';
import { HashChainedEventStore } from '../../libs/event-store/src/hash-chained-event-store.js';
import { comparePositions, type NewEvent, type SubscriptionMessage } from '../../libs/event-store/src/port.js';
import {
  APP_ROLE,
  appendEvents,
  createPostgresEventStore,
  IMMUTABLE_EVENTS_SQLSTATE,
  migratePostgresEventStore,
  type PostgresEventStore,
} from '../../libs/event-store/src/postgres/index.js';
import { readAllRows } from '../../libs/event-store/src/postgres/read.js';
import { PostgresSubscription, type SubscriptionSource } from '../../libs/event-store/src/postgres/subscription.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const INSUFFICIENT_PRIVILEGE = '42501';

let db: TestDatabase;
let pool: pg.Pool;
let store: PostgresEventStore;

beforeAll(async () => {
  db = await createTestDatabase('pg_specific');
  pool = new pg.Pool({ connectionString: db.url });
  await migratePostgresEventStore(pool);
  store = createPostgresEventStore({ pool, pollIntervalMs: 100 });
});

afterAll(async () => {
  await store.close();
  await pool.end();
  await db.drop();
});

describe('$all and transactions that commit late', () => {
  it('never passes an open transaction: an event committed meanwhile waits behind it, and nothing is skipped', async () => {
    const prefix = uniqueName('late');
    const marker = await store.appendToStream(`${prefix}-marker`, [newEvent('Marker')]);
    const subscription = store.subscribeToAll({
      fromPosition: marker.position,
      filter: { streamNamePrefixes: [prefix] },
    });
    const messages = subscription[Symbol.asyncIterator]();
    const tx = new pg.Client({ connectionString: db.url });
    await tx.connect();
    try {
      expect(await messages.next()).toEqual({ done: false, value: { kind: 'caughtUp' } });

      // The first transaction starts and writes, but commits last.
      await tx.query('BEGIN');
      const early = await appendEvents(tx, store.names, `${prefix}-early`, [newEvent('StartedFirst')]);
      const late = await store.appendToStream(`${prefix}-late`, [newEvent('CommittedFirst')]);
      expect(comparePositions(early.position, late.position)).toBe(-1);

      // Committed and readable in its stream, but $all stops before the open transaction's position.
      expect(await store.readStream(`${prefix}-late`)).toHaveLength(1);
      const ownAfterMarker = async (): Promise<string[]> =>
        (await store.readAll({ fromPosition: marker.position }))
          .filter((e) => e.streamName.startsWith(prefix))
          .map((e) => e.type);
      expect(await ownAfterMarker()).toEqual([]);

      await tx.query('COMMIT');
      // Both now, in position order: the subscriber was never handed the later event before the earlier.
      expect(await ownAfterMarker()).toEqual(['StartedFirst', 'CommittedFirst']);
      expect(eventType(await messages.next())).toBe('StartedFirst');
      expect(eventType(await messages.next())).toBe('CommittedFirst');
    } finally {
      await tx.end();
      await subscription.close();
    }
  });

  it('appends inside a caller transaction and rolls back with it', async () => {
    const stream = uniqueName('rollback');
    const tx = new pg.Client({ connectionString: db.url });
    await tx.connect();
    try {
      await tx.query('BEGIN');
      await appendEvents(tx, store.names, stream, [newEvent('Gone')], { expected: 'no_stream' });
      await tx.query('ROLLBACK');
    } finally {
      await tx.end();
    }
    expect(await store.readStream(stream)).toEqual([]);
    const created = await store.appendToStream(stream, [newEvent('Kept')], { expected: 'no_stream' });
    expect(created.nextExpectedRevision).toBe(0n);
  });
});

describe('immutability', () => {
  let stream: string;

  beforeAll(async () => {
    stream = uniqueName('immutable');
    await store.appendToStream(stream, [newEvent('Rated', { score: 3 }), newEvent('Approved')]);
  });

  it('as the table owner, a trigger refuses UPDATE, DELETE and TRUNCATE', async () => {
    const refused = { code: IMMUTABLE_EVENTS_SQLSTATE };
    await expect(
      pool.query(`UPDATE event_store.events SET data = '{"score": 5}' WHERE stream_name = $1`, [stream]),
    ).rejects.toMatchObject(refused);
    await expect(pool.query('DELETE FROM event_store.events WHERE stream_name = $1', [stream])).rejects.toMatchObject(
      refused,
    );
    await expect(pool.query('TRUNCATE event_store.events')).rejects.toMatchObject(refused);
    expect((await store.readStream(stream)).map((e) => e.data)).toEqual([{ score: 3 }, {}]);
  });

  describe(`as the application role ${APP_ROLE}`, () => {
    let appStore: PostgresEventStore;

    beforeAll(() => {
      // The role as the application would run: every connection of the pool (and the LISTEN one).
      const url = new URL(db.url);
      url.searchParams.set('options', `-c role=${APP_ROLE}`);
      appStore = createPostgresEventStore({ connectionString: url.toString(), pollIntervalMs: 100 });
    });

    afterAll(async () => {
      await appStore.close();
    });

    it('runs as that role and can append, read and subscribe', async () => {
      const { rows } = await appStore.pool.query<{ role: string }>('SELECT current_user AS role');
      expect(rows[0].role).toBe(APP_ROLE);
      const own = uniqueName('as-app');
      const result = await appStore.appendToStream(own, [newEvent('ByApp')], { expected: 'no_stream' });
      await appStore.appendToStream(own, [newEvent('ByAppAgain')], { expected: result.nextExpectedRevision });
      expect((await appStore.readStream(own)).map((e) => e.type)).toEqual(['ByApp', 'ByAppAgain']);
      const subscription = appStore.subscribeToAll({ filter: { streamNamePrefixes: [own] } });
      const messages = subscription[Symbol.asyncIterator]();
      try {
        expect(eventType(await messages.next())).toBe('ByApp');
        expect(eventType(await messages.next())).toBe('ByAppAgain');
        expect((await messages.next()).value).toEqual({ kind: 'caughtUp' });
      } finally {
        await subscription.close();
      }
    });

    it('has no privilege to INSERT, UPDATE, DELETE or TRUNCATE events, nor to move a stream revision', async () => {
      const denied = { code: INSUFFICIENT_PRIVILEGE };
      const q = (text: string): Promise<unknown> => appStore.pool.query(text, [stream]);
      // A direct INSERT would bypass the append function's revision check and the hash chain.
      await expect(
        q(`INSERT INTO event_store.events (stream_name, stream_revision, event_id, event_type, data, metadata)
           VALUES ($1, 99, gen_random_uuid(), 'Forged', '{}', '{}')`),
      ).rejects.toMatchObject(denied);
      await expect(q(`UPDATE event_store.events SET data = '{}' WHERE stream_name = $1`)).rejects.toMatchObject(denied);
      await expect(q('DELETE FROM event_store.events WHERE stream_name = $1')).rejects.toMatchObject(denied);
      await expect(appStore.pool.query('TRUNCATE event_store.events')).rejects.toMatchObject(denied);
      await expect(q('UPDATE event_store.streams SET revision = 0 WHERE stream_name = $1')).rejects.toMatchObject(
        denied,
      );
      expect(await store.readStream(stream)).toHaveLength(2);
    });
  });

  it('an alteration made by bypassing the trigger is caught by the hash chain', async () => {
    const chained = new HashChainedEventStore(store);
    const altered = uniqueName('tampered');
    const removed = uniqueName('removed');
    for (const s of [altered, removed]) {
      await chained.appendToStream(s, [
        newEvent('Rated', { score: 3 }),
        newEvent('Revised', { score: 4 }),
        newEvent('Approved'),
      ]);
      expect(verifyStreamChain(await store.readStream(s))).toEqual({ ok: true });
    }
    // Only a superuser who disables the trigger can do this; the chain still shows it.
    const tamper = await pool.connect();
    try {
      await tamper.query('BEGIN');
      await tamper.query('ALTER TABLE event_store.events DISABLE TRIGGER events_refuse_update_delete');
      await tamper.query(
        `UPDATE event_store.events SET data = '{"score": 5}' WHERE stream_name = $1 AND stream_revision = 1`,
        [altered],
      );
      await tamper.query('DELETE FROM event_store.events WHERE stream_name = $1 AND stream_revision = 1', [removed]);
      await tamper.query('ALTER TABLE event_store.events ENABLE TRIGGER events_refuse_update_delete');
      await tamper.query('COMMIT');
    } finally {
      tamper.release();
    }
    expect(verifyStreamChain(await store.readStream(altered))).toMatchObject({
      ok: false,
      problems: [{ revision: 1n, kind: 'altered' }],
    });
    expect(verifyStreamChain(await store.readStream(removed))).toMatchObject({
      ok: false,
      problems: [{ revision: 2n, kind: 'gap' }],
    });
  });
});

describe('subscriptions', () => {
  /** A real subscription over this database, with a hook that tells when a read came back empty. */
  function subscriptionWith(options: { listen: boolean; pollIntervalMs: number; prefix: string }) {
    const emptyReads: (() => void)[] = [];
    const source: SubscriptionSource = {
      readAfter: async (after, filter, maxCount) => {
        const events = await readAllRows(pool, store.names, { fromPosition: after, filter, maxCount });
        if (events.length === 0) emptyReads.splice(0).forEach((resolve) => resolve());
        return events;
      },
      createListener: options.listen ? () => new pg.Client({ connectionString: db.url }) : undefined,
      channel: store.names.channel,
      pollIntervalMs: options.pollIntervalMs,
      batchSize: 100,
    };
    const subscription = new PostgresSubscription(source, { filter: { streamNamePrefixes: [options.prefix] } });
    const nextEmptyRead = (): Promise<void> => new Promise((resolve) => emptyReads.push(resolve));
    return { subscription, nextEmptyRead };
  }

  it('wakes on NOTIFY (with polling effectively off)', async () => {
    const prefix = uniqueName('notify');
    const { subscription, nextEmptyRead } = subscriptionWith({ listen: true, pollIntervalMs: 3_600_000, prefix });
    const messages = subscription[Symbol.asyncIterator]();
    try {
      expect((await messages.next()).value).toEqual({ kind: 'caughtUp' });
      const emptyRead = nextEmptyRead();
      const pending = messages.next();
      await emptyRead; // it has read, found nothing and now waits an hour unless notified
      await store.appendToStream(`${prefix}-s`, [newEvent('Notified')]);
      expect(eventType(await pending)).toBe('Notified');
    } finally {
      await subscription.close();
    }
  });

  it('falls back to polling without LISTEN', async () => {
    const prefix = uniqueName('poll');
    const { subscription, nextEmptyRead } = subscriptionWith({ listen: false, pollIntervalMs: 50, prefix });
    const messages = subscription[Symbol.asyncIterator]();
    try {
      expect((await messages.next()).value).toEqual({ kind: 'caughtUp' });
      const emptyRead = nextEmptyRead();
      const pending = messages.next();
      await emptyRead;
      await store.appendToStream(`${prefix}-s`, [newEvent('Polled')]);
      expect(eventType(await pending)).toBe('Polled');
    } finally {
      await subscription.close();
    }
  });

  it('pages through history in batches without losing or repeating events', async () => {
    const small = createPostgresEventStore({ pool, subscriptionBatchSize: 2, pollIntervalMs: 100 });
    const prefix = uniqueName('pages');
    const types = Array.from({ length: 7 }, (_, i) => `Page${i}`);
    for (const [i, type] of types.entries()) await store.appendToStream(`${prefix}-${i % 2}`, [newEvent(type)]);
    const subscription = small.subscribeToAll({ filter: { streamNamePrefixes: [prefix] } });
    const seen: string[] = [];
    for await (const message of subscription) {
      if (message.kind === 'caughtUp') break;
      seen.push(message.event.type);
    }
    await small.close();
    expect(seen).toEqual(types);
  });

  it('ends open subscriptions when the store closes', async () => {
    const own = createPostgresEventStore({ connectionString: db.url, pollIntervalMs: 100 });
    const subscription = own.subscribeToAll({ filter: { streamNamePrefixes: [uniqueName('closing')] } });
    const messages = subscription[Symbol.asyncIterator]();
    expect((await messages.next()).value).toEqual({ kind: 'caughtUp' });
    const pending = messages.next();
    await own.close();
    expect(await pending).toEqual({ done: true, value: undefined });
  });
});

describe('migrations and the chained store on PostgreSQL', () => {
  it('migrates idempotently, also when several processes start at once', async () => {
    const fresh = await createTestDatabase('pg_migrate');
    const freshPool = new pg.Pool({ connectionString: fresh.url });
    try {
      await Promise.all([1, 2, 3].map(() => migratePostgresEventStore(freshPool)));
      await migratePostgresEventStore(freshPool);
      const other = createPostgresEventStore({ pool: freshPool, schema: 'other_events' });
      await other.migrate();
      await other.appendToStream('s', [newEvent('InOtherSchema')]);
      const { rows } = await freshPool.query<{ n: string }>('SELECT count(*)::text AS n FROM other_events.events');
      expect(rows[0].n).toBe('1');
      const { rows: main } = await freshPool.query<{ n: string }>('SELECT count(*)::text AS n FROM event_store.events');
      expect(main[0].n).toBe('0');
    } finally {
      await freshPool.end();
      await fresh.drop();
    }
  });

  it('answers ping, and reports an unreachable server as EventStoreUnavailableError', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
    const unreachable = createPostgresEventStore({ connectionString: 'postgres://nobody:x@127.0.0.1:1/none' });
    try {
      await expect(unreachable.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    } finally {
      await unreachable.close();
    }
  });

  it("recognises a retry of an 'any' append through the chained store", async () => {
    const chained = new HashChainedEventStore(store);
    const stream = uniqueName('chained-any-retry');
    await chained.appendToStream(stream, [newEvent('First')]);
    const batch = [newEvent('Second'), newEvent('Third')];
    const result = await chained.appendToStream(stream, batch, { expected: 'any' });
    expect(await chained.appendToStream(stream, batch, { expected: 'any' })).toEqual(result);
    const events = await store.readStream(stream);
    expect(events.map((e) => e.type)).toEqual(['First', 'Second', 'Third']);
    expect(verifyStreamChain(events)).toEqual({ ok: true });
  });
});

function uniqueName(label: string): string {
  return `pg_${label}-${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

function newEvent(type: string, data: Record<string, unknown> = {}): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      actor: { id: 'user-1', role: 'hr' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2025-01-01T00:00:00.000Z',
    },
  };
}

function eventType(result: IteratorResult<SubscriptionMessage>): string {
  if (result.done || result.value.kind !== 'event') throw new Error(`expected an event, got ${inspect(result)}`);
  return result.value.event.type;
}
