import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent, Subscription, SubscriptionMessage } from '../../event-store/src/port.js';
import { readBatches, type Batch } from './batches.js';

/** A subscription fed by the test: messages pushed are delivered in order; close() ends it. */
class FakeSubscription implements Subscription {
  private queue: SubscriptionMessage[] = [];
  private waiting: ((r: IteratorResult<SubscriptionMessage>) => void) | undefined;
  closed = false;

  push(...messages: SubscriptionMessage[]): void {
    for (const m of messages) {
      if (this.waiting) {
        const resolve = this.waiting;
        this.waiting = undefined;
        resolve({ value: m, done: false });
      } else this.queue.push(m);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.waiting?.({ value: undefined, done: true });
    this.waiting = undefined;
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    return {
      next: () => {
        const value = this.queue.shift();
        if (value) return Promise.resolve({ value, done: false });
        if (this.closed) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (this.waiting = resolve));
      },
    };
  }
}

const event = (n: number): SubscriptionMessage => ({
  kind: 'event',
  event: { id: `e${n}`, position: { commit: BigInt(n), prepare: 0n } } as RecordedEvent,
});
const ids = (b: Batch) => b.events.map((e) => e.id);

describe('readBatches', () => {
  it('cuts history into full batches, flushes the rest at caughtUp, then takes live events as they come', async () => {
    const sub = new FakeSubscription();
    sub.push(event(1), event(2), event(3), event(4), event(5), { kind: 'caughtUp' });
    const batches = readBatches(sub, { maxSize: 2, idleMs: 60_000 });

    expect(await next(batches)).toEqual({ events: ['e1', 'e2'], caughtUp: false });
    expect(await next(batches)).toEqual({ events: ['e3', 'e4'], caughtUp: false });
    expect(await next(batches)).toEqual({ events: ['e5'], caughtUp: true });

    const live = next(batches);
    sub.push(event(6));
    expect(await live).toEqual({ events: ['e6'], caughtUp: true });

    sub.push(event(7), event(8), event(9));
    expect(await next(batches)).toEqual({ events: ['e7', 'e8'], caughtUp: false });
    expect(await next(batches)).toEqual({ events: ['e9'], caughtUp: true });
    await batches.return(undefined);
    expect(sub.closed).toBe(true);
  });

  it('yields an empty batch when the subscription stays silent, without losing the message that comes later', async () => {
    const sub = new FakeSubscription();
    const batches = readBatches(sub, { maxSize: 10, idleMs: 5 });
    expect(await next(batches)).toEqual({ events: [], caughtUp: false });
    sub.push({ kind: 'caughtUp' });
    expect(await next(batches)).toEqual({ events: [], caughtUp: true });
    expect(await next(batches)).toEqual({ events: [], caughtUp: true });
    sub.push(event(1));
    let batch = await next(batches);
    while (batch.events.length === 0) batch = await next(batches);
    expect(batch).toEqual({ events: ['e1'], caughtUp: true });
    await batches.return(undefined);
  });

  it('ends when the subscription is closed, delivering what was read before', async () => {
    const sub = new FakeSubscription();
    sub.push(event(1));
    const batches = readBatches(sub, { maxSize: 10, idleMs: 60_000 });
    const first = batches.next();
    await sub.close();
    expect(ids((await first).value as Batch)).toEqual(['e1']);
    expect((await batches.next()).done).toBe(true);
  });
});

async function next(batches: AsyncGenerator<Batch>): Promise<{ events: string[]; caughtUp: boolean }> {
  const result = await batches.next();
  if (result.done) throw new Error('batches ended');
  return { events: ids(result.value), caughtUp: result.value.caughtUp };
}
