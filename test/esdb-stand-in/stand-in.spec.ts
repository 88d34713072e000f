// Checks the TEST stand-in itself, through the real @eventstore/db-client, on the points our adapter relies on.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  streamNameFilter,
} from '@eventstore/db-client';
import serverFeaturesGrpc from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import * as grpc from '@grpc/grpc-js';
import { startEventStoreDbStandIn, type EventStoreDbStandIn } from './server.js';

let standIn: EventStoreDbStandIn;
let client: EventStoreDBClient;

beforeAll(async () => {
  standIn = await startEventStoreDbStandIn();
  client = EventStoreDBClient.connectionString(standIn.connectionString);
});

afterAll(async () => {
  await client.dispose();
  await standIn.stop();
});

const event = (type: string, data: Record<string, unknown> = {}, id = randomUUID()) =>
  jsonEvent({ id, type, data, metadata: { by: 'test' } });

async function collect<E>(read: AsyncIterable<E>): Promise<E[]> {
  const out: E[] = [];
  for await (const item of read) out.push(item);
  return out;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected a rejection'),
    (error: unknown) => error,
  );
}

// The first `count` events of a subscription, as stream:type.
async function take(subscription: AsyncIterable<{ event?: { streamId: string; type: string } }>, count: number) {
  const seen: string[] = [];
  for await (const resolved of subscription) {
    seen.push(`${resolved.event?.streamId}:${resolved.event?.type}`);
    if (seen.length === count) break;
  }
  return seen;
}

describe('EventStoreDB stand-in (test double, through the real client)', () => {
  it('advertises Streams.Read and Streams.Append but not BatchAppend', async () => {
    const features = new serverFeaturesGrpc.ServerFeaturesClient(
      standIn.connectionString.replace(/^esdb:\/\/|\?.*$/g, ''),
      grpc.credentials.createInsecure(),
    );
    const methods = await new Promise<string[]>((resolve, reject) =>
      features.getSupportedMethods(new sharedPb.Empty(), (error, reply) =>
        error
          ? reject(error)
          : resolve(reply.getMethodsList().map((m) => `${m.getServiceName()}/${m.getMethodName()}`)),
      ),
    );
    features.close();
    expect(methods).toContain('event_store.client.streams.streams/append');
    expect(methods).toContain('event_store.client.streams.streams/read');
    expect(methods.some((m) => m.endsWith('/batchappend'))).toBe(false);
  });

  it('appends and reads a stream forwards and backwards with revisions, data and metadata', async () => {
    const stream = `order-${randomUUID()}`;
    const first = await client.appendToStream(stream, [event('Placed', { n: 1 }), event('Paid', { n: 2 })], {
      expectedRevision: 'no_stream',
    });
    expect(first.nextExpectedRevision).toBe(1n);
    await client.appendToStream(stream, event('Shipped', { n: 3 }), { expectedRevision: 1n });

    const forwards = await collect(client.readStream(stream, { fromRevision: 1n, maxCount: 5 }));
    expect(forwards.map((r) => [r.event?.revision, r.event?.type, r.event?.data])).toEqual([
      [1n, 'Paid', { n: 2 }],
      [2n, 'Shipped', { n: 3 }],
    ]);
    expect(forwards[0].event?.metadata).toEqual({ by: 'test' });
    const backwards = await collect(
      client.readStream(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 2 }),
    );
    expect(backwards.map((r) => r.event?.revision)).toEqual([2n, 1n]);
  });

  it('reports a missing stream as StreamNotFound', async () => {
    const error = await rejection(collect(client.readStream(`missing-${randomUUID()}`)));
    expect(error).toBeInstanceOf(StreamNotFoundError);
  });

  it('answers a failed expectation with the current and expected revisions', async () => {
    const stream = `conflict-${randomUUID()}`;
    const onMissing = await rejection(client.appendToStream(stream, event('A'), { expectedRevision: 0n }));
    expect(onMissing).toBeInstanceOf(WrongExpectedVersionError);
    expect(onMissing).toMatchObject({ streamName: stream, expectedVersion: 0n, actualVersion: 'no_stream' });

    await client.appendToStream(stream, [event('A'), event('B')]);
    const stale = await rejection(client.appendToStream(stream, event('C'), { expectedRevision: 0n }));
    expect(stale).toMatchObject({ expectedVersion: 0n, actualVersion: 1n });
    const exists = await rejection(client.appendToStream(stream, event('C'), { expectedRevision: 'no_stream' }));
    expect(exists).toMatchObject({ expectedVersion: 'no_stream', actualVersion: 1n });
    const absent = await rejection(
      client.appendToStream(`absent-${randomUUID()}`, event('C'), { expectedRevision: 'stream_exists' }),
    );
    expect(absent).toMatchObject({ expectedVersion: 'stream_exists', actualVersion: 'no_stream' });
  });

  it('treats a re-append of the same ids at the same expected revision as success without writing', async () => {
    const stream = `retry-${randomUUID()}`;
    await client.appendToStream(stream, event('Opened'), { expectedRevision: 'no_stream' });
    const batch = [event('A'), event('B')];
    const once = await client.appendToStream(stream, batch, { expectedRevision: 0n });
    const again = await client.appendToStream(stream, batch, { expectedRevision: 0n });
    expect(again.nextExpectedRevision).toBe(once.nextExpectedRevision);
    expect(once.position).toBeDefined();
    expect(again.position).toBeUndefined(); // the server reports no position for an idempotent write
    expect(await collect(client.readStream(stream))).toHaveLength(3);
  });

  it('reads $all with system events, inclusive from a position forwards and before it backwards', async () => {
    const all = await collect(client.readAll());
    expect(all[0].event?.type).toBe('$UserCreated');
    const stream = `all-${randomUUID()}`;
    await client.appendToStream(stream, [event('X'), event('Y'), event('Z')]);
    const mine = (await collect(client.readAll())).filter((r) => r.event?.streamId === stream);
    const y = mine[1].event!.position;
    expect(mine.map((r) => r.event?.type)).toEqual(['X', 'Y', 'Z']);

    const fromY = await collect(client.readAll({ fromPosition: y, maxCount: 2 }));
    expect(fromY.map((r) => r.event?.type)).toEqual(['Y', 'Z']);
    const beforeY = await collect(client.readAll({ fromPosition: y, direction: BACKWARDS, maxCount: 1 }));
    expect(beforeY.map((r) => r.event?.type)).toEqual(['X']);
  });

  it('subscribes to $all: confirmation, history, caughtUp, then live events, with a stream filter', async () => {
    const prefix = `sub-${randomUUID()}`;
    await client.appendToStream(`${prefix}-1`, event('Old'));
    await client.appendToStream(`other-${randomUUID()}`, event('Ignored'));
    const subscription = client.subscribeToAll({
      fromPosition: START,
      filter: streamNameFilter({ prefixes: [prefix] }),
    });
    const caughtUp = new Promise<void>((resolve) => subscription.once('caughtUp', () => resolve()));
    const confirmed = new Promise<void>((resolve) => subscription.once('confirmation', () => resolve()));
    const reading = take(subscription, 2);
    await Promise.all([confirmed, caughtUp]);
    await client.appendToStream(`${prefix}-2`, event('New'));
    expect(await reading).toEqual([`${prefix}-1:Old`, `${prefix}-2:New`]);
    await subscription.unsubscribe();
  });

  it('subscribes to $all after a position (exclusive) and to a stream after a revision (exclusive)', async () => {
    const stream = `after-${randomUUID()}`;
    const written = await client.appendToStream(stream, [event('One'), event('Two')]);
    const [one] = await collect(client.readStream(stream, { maxCount: 1 }));
    const allSubscription = client.subscribeToAll({
      fromPosition: one.event!.position,
      filter: streamNameFilter({ prefixes: [stream] }),
    });
    expect(await take(allSubscription, 1)).toEqual([`${stream}:Two`]);
    await allSubscription.unsubscribe();

    const streamSubscription = client.subscribeToStream(stream, { fromRevision: written.nextExpectedRevision });
    const reading = take(streamSubscription, 1);
    await client.appendToStream(stream, event('Three'));
    expect(await reading).toEqual([`${stream}:Three`]);
    await streamSubscription.unsubscribe();
  });
});
