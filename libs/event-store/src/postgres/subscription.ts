import type pg from 'pg';
import type {
  Position,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
  SubscriptionFilter,
  SubscriptionMessage,
} from '../port.js';

export interface SubscriptionSource {
  /** Events strictly after `after` in $all order (visible ones only), at most `maxCount`. */
  readAfter(
    after: Position | undefined,
    filter: SubscriptionFilter | undefined,
    maxCount: number,
  ): Promise<RecordedEvent[]>;
  /** A fresh, unconnected client for LISTEN; undefined: poll only. */
  createListener: (() => pg.Client) | undefined;
  channel: string;
  pollIntervalMs: number;
  batchSize: number;
  /** Called once when the subscription is closed. */
  onClose?: () => void;
}

/**
 * Catch-up subscription on $all: pages through history, says `caughtUp` once, then reads again whenever
 * NOTIFY hints at an append, or every `pollIntervalMs` anyway (NOTIFY can be lost with its connection,
 * and events of a transaction that commits late become visible without a notification of their own).
 */
export class PostgresSubscription implements Subscription {
  private closed = false;
  private started = false;
  private pendingWake = false;
  private wake: (() => void) | undefined;
  private listener: pg.Client | undefined;
  private listening: Promise<void> | undefined;
  private stopped: Promise<void> | undefined;

  constructor(
    private readonly source: SubscriptionSource,
    private readonly options: SubscribeToAllOptions = {},
  ) {}

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    if (this.started) throw new Error('a subscription can be iterated only once');
    this.started = true;
    return this.run();
  }

  async close(): Promise<void> {
    this.finish();
    this.notify();
    await this.stopListening();
  }

  /** Also reached when the iteration ends by itself (an error, or the consumer breaking out of it). */
  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    this.source.onClose?.();
  }

  private async *run(): AsyncGenerator<SubscriptionMessage> {
    try {
      // Listen before the first read, so no append between the last read and the wait goes unheard.
      if (!this.closed) await this.startListening();
      let position = this.options.fromPosition;
      let caughtUp = false;
      while (!this.closed) {
        const page = await this.source.readAfter(position, this.options.filter, this.source.batchSize);
        for (const event of page) {
          if (this.closed) return;
          position = event.position;
          yield { kind: 'event', event };
        }
        if (this.closed) return;
        if (page.length < this.source.batchSize) {
          if (!caughtUp) {
            caughtUp = true;
            yield { kind: 'caughtUp' };
          } else {
            await this.sleep();
          }
        }
      }
    } finally {
      this.finish();
      await this.stopListening();
    }
  }

  private startListening(): Promise<void> {
    const create = this.source.createListener;
    if (!create) return Promise.resolve();
    const client = create();
    this.listener = client;
    // A broken listener only costs latency: polling goes on.
    client.on('error', () => undefined);
    client.on('notification', () => this.notify());
    this.listening = (async () => {
      await client.connect();
      await client.query(`LISTEN "${this.source.channel}"`);
    })().catch(() => undefined);
    return this.listening;
  }

  private stopListening(): Promise<void> {
    this.stopped ??= (async () => {
      await this.listening;
      await this.listener?.end().catch(() => undefined);
    })();
    return this.stopped;
  }

  private notify(): void {
    if (this.wake) this.wake();
    else this.pendingWake = true;
  }

  private sleep(): Promise<void> {
    if (this.pendingWake || this.closed) {
      this.pendingWake = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.source.pollIntervalMs);
      this.wake = done;
    });
  }
}
