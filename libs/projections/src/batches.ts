// Cuts a $all subscription into batches: full ones while reading history; once caught up, whatever is
// already waiting (so live events are applied at once); and an empty batch after `idleMs` of silence,
// so the consumer regularly gets the chance to check for a stop or a takeover request.
import type { RecordedEvent, Subscription, SubscriptionMessage } from '../../event-store/src/port.js';

export interface Batch {
  /** In $all order; empty for an idle tick. */
  events: RecordedEvent[];
  /** History was exhausted and nothing else was waiting when the batch was cut: applying it catches up. */
  caughtUp: boolean;
}

export interface BatchOptions {
  maxSize: number;
  idleMs: number;
}

const TIMEOUT = Symbol('timeout');
type Next = IteratorResult<SubscriptionMessage>;

/** Yields batches until the subscription ends; closes the subscription when the consumer stops early. */
export async function* readBatches(subscription: Subscription, options: BatchOptions): AsyncGenerator<Batch> {
  const iterator = subscription[Symbol.asyncIterator]();
  // A next() that lost a race against a timer is still pending: keep it, or its message would be lost.
  let pending: Promise<Next> | undefined;
  let caughtUp = false;
  try {
    for (;;) {
      const events: RecordedEvent[] = [];
      let full = false;
      let ended = false;
      for (;;) {
        pending ??= iterator.next();
        // History: wait for a full batch. Live: take only what is already there. Nothing yet: tick.
        const result =
          events.length === 0
            ? await raceTimer(pending, (done) => setTimeout(done, options.idleMs), clearTimeout)
            : caughtUp
              ? await raceTimer(pending, setImmediate, clearImmediate)
              : await pending;
        if (result === TIMEOUT) break;
        pending = undefined;
        if (result.done) {
          ended = true;
          break;
        }
        if (result.value.kind === 'caughtUp') {
          caughtUp = true;
          break;
        }
        events.push(result.value.event);
        if (events.length >= options.maxSize) {
          full = true;
          break;
        }
      }
      if (events.length > 0 || !ended) yield { events, caughtUp: caughtUp && !full };
      if (ended) return;
    }
  } finally {
    await subscription.close();
  }
}

async function raceTimer<T, H>(
  promise: Promise<T>,
  start: (done: () => void) => H,
  cancel: (handle: H) => void,
): Promise<T | typeof TIMEOUT> {
  let handle: H | undefined;
  const timer = new Promise<typeof TIMEOUT>((resolve) => {
    handle = start(() => resolve(TIMEOUT));
  });
  try {
    return await Promise.race([promise, timer]);
  } finally {
    if (handle !== undefined) cancel(handle);
  }
}
