import type { AppendOptions, AppendResult, EventStore, ExpectedRevision, NewEvent } from '../port.js';
import {
  createPostgresEventStore,
  type PostgresEventStore,
  type PostgresEventStoreOptions,
} from '../postgres/postgres-event-store.js';
import type { StoreNames } from '../postgres/names.js';
import type pg from 'pg';
import { ForwardingEventStore } from '../forwarding-event-store.js';
import { appendBatch, type BatchAppend, type BatchOutcome } from './batch-append.js';
import { migratePostgresGroupCommit } from './migrate.js';

export interface GroupCommitOptions extends PostgresEventStoreOptions {
  /**
   * How long the first append of a batch waits for company. 0 (default): a batch is whatever arrived
   * while the previous one was in flight, plus the current tick, so a lone append pays no delay.
   */
  windowMs?: number;
  /**
   * Batches in flight at once, each one transaction on its own connection. Default 2: while one waits
   * for its WAL flush, the database works on the next (the queue is shared among free slots).
   */
  maxConcurrentBatches?: number;
  /**
   * A batch of ONE append goes through the adapter's own append_to_stream, which does less work than the
   * batch function: a lone writer then sees the adapter's latency. Default true.
   */
  singleAppendsDirect?: boolean;
  /** Upper bounds of one batch. Defaults 128 appends, 2,000 events (an append is never split). */
  maxBatchAppends?: number;
  maxBatchEvents?: number;
}

export interface GroupCommitStats {
  /** Calls of append_to_streams so far, and the appends they carried. */
  batches: number;
  batchedAppends: number;
  /** Appends re-run one by one after a batch call failed. */
  fallbackAppends: number;
  /** Batches of one append sent through the adapter's append_to_stream (singleAppendsDirect). */
  directAppends: number;
}

export interface GroupCommitEventStore extends EventStore {
  readonly pool: pg.Pool;
  readonly names: StoreNames;
  /** Migrates the event store and adds the batch function (migratePostgresGroupCommit). */
  migrate(): Promise<void>;
  stats(): GroupCommitStats;
  /** Tells `observer` the size of every batch sent (direct single appends included), e.g. for a histogram. */
  observeBatches(observer: GroupCommitBatchObserver): void;
}

export type GroupCommitBatchObserver = (batch: { appends: number; events: number }) => void;

interface Pending extends BatchAppend {
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/**
 * The PostgreSQL event store with group commit: concurrent appends (to different streams, or the same)
 * are queued and sent together as ONE call of append_to_streams, one transaction and one WAL flush for
 * all of them, while each caller still gets its own result or WrongExpectedVersionError. Reads and
 * subscriptions are the normal adapter's.
 */
export function createGroupCommitEventStore(options: GroupCommitOptions): GroupCommitEventStore {
  const inner = createPostgresEventStore(options);
  return new GroupCommitStore(inner, options);
}

class GroupCommitStore extends ForwardingEventStore<PostgresEventStore> implements GroupCommitEventStore {
  private readonly queue: Pending[] = [];
  private inFlight = 0;
  private scheduled = false;
  private closing: Promise<void> | undefined;
  private idle: (() => void) | undefined;
  private readonly counters: GroupCommitStats = {
    batches: 0,
    batchedAppends: 0,
    fallbackAppends: 0,
    directAppends: 0,
  };
  private readonly windowMs: number;
  private readonly maxConcurrent: number;
  private readonly maxAppends: number;
  private readonly maxEvents: number;
  private readonly singleAppendsDirect: boolean;
  private batchObserver: GroupCommitBatchObserver | undefined;

  constructor(
    inner: PostgresEventStore,
    private readonly options: GroupCommitOptions,
  ) {
    super(inner);
    this.windowMs = options.windowMs ?? 0;
    this.maxConcurrent = Math.max(1, options.maxConcurrentBatches ?? 2);
    this.maxAppends = Math.max(1, options.maxBatchAppends ?? 128);
    this.maxEvents = Math.max(1, options.maxBatchEvents ?? 2000);
    this.singleAppendsDirect = options.singleAppendsDirect ?? true;
  }

  get pool(): pg.Pool {
    return this.inner.pool;
  }

  get names(): StoreNames {
    return this.inner.names;
  }

  migrate(): Promise<void> {
    return migratePostgresGroupCommit(this.inner.pool, { schema: this.options.schema });
  }

  stats(): GroupCommitStats {
    return { ...this.counters };
  }

  observeBatches(observer: GroupCommitBatchObserver): void {
    this.batchObserver = observer;
  }

  appendToStream(stream: string, events: NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const expected: ExpectedRevision = options.expected ?? 'any';
    // Arguments the adapter refuses are refused by it, with its own errors.
    if (events.length === 0 || (typeof expected === 'bigint' && expected < 0n)) {
      return this.inner.appendToStream(stream, events, options);
    }
    if (this.closing) return Promise.reject(new Error('event store is closed'));
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ stream, events, expected, resolve, reject });
      this.schedule();
    });
  }

  /** Lets queued and in-flight appends finish, then closes the adapter (and its pool, if it owns it). */
  override close(): Promise<void> {
    this.closing ??= (async () => {
      while (this.queue.length > 0 || this.inFlight > 0) {
        await new Promise<void>((resolve) => {
          this.idle = resolve;
          this.schedule();
        });
      }
      await this.inner.close();
    })();
    return this.closing;
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxConcurrent || this.queue.length === 0) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      this.flush();
    };
    // setImmediate, not a microtask: callers whose appends just resolved get to queue their next ones.
    if (this.windowMs > 0) setTimeout(run, this.windowMs);
    else setImmediate(run);
  }

  private flush(): void {
    if (this.inFlight >= this.maxConcurrent || this.queue.length === 0) return;
    const batch = this.take();
    this.inFlight++;
    void this.send(batch).finally(() => {
      this.inFlight--;
      if (this.queue.length === 0 && this.inFlight === 0) {
        this.idle?.();
        this.idle = undefined;
      }
      this.schedule();
    });
    this.schedule();
  }

  private take(): Pending[] {
    // Share the queue among the free batch slots, so two batches keep both the database's CPU work and
    // its WAL flushes busy (with one slot: the whole queue, up to the limits).
    const share = Math.ceil(this.queue.length / (this.maxConcurrent - this.inFlight));
    const limit = Math.min(this.maxAppends, share);
    let events = 0;
    let count = 0;
    while (count < this.queue.length && count < limit) {
      const size = this.queue[count].events.length;
      if (count > 0 && events + size > this.maxEvents) break;
      events += size;
      count++;
    }
    return this.queue.splice(0, count);
  }

  private async send(batch: Pending[]): Promise<void> {
    this.reportBatch(batch);
    if (batch.length === 1 && this.singleAppendsDirect) {
      const [pending] = batch;
      this.counters.directAppends++;
      try {
        pending.resolve(
          await this.inner.appendToStream(pending.stream, pending.events, { expected: pending.expected }),
        );
      } catch (error) {
        pending.reject(error);
      }
      return;
    }
    let outcomes: BatchOutcome[];
    try {
      outcomes = await appendBatch(this.inner.pool, this.inner.names, batch);
      this.inner.notifyAppended();
    } catch {
      // The batch's transaction failed as a whole (an event id reused elsewhere in its stream, a bad
      // argument, a lost connection): run the appends one by one, in arrival order, so each caller gets
      // its own answer. Safe even if the batch did commit before a connection loss: same ids at the same
      // expectation are an idempotent retry.
      this.counters.fallbackAppends += batch.length;
      for (const pending of batch) {
        try {
          pending.resolve(
            await this.inner.appendToStream(pending.stream, pending.events, { expected: pending.expected }),
          );
        } catch (error) {
          pending.reject(error);
        }
      }
      return;
    }
    this.counters.batches++;
    this.counters.batchedAppends += batch.length;
    batch.forEach((pending, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) pending.resolve(outcome.result);
      else pending.reject(outcome.error);
    });
  }

  private reportBatch(batch: Pending[]): void {
    try {
      this.batchObserver?.({ appends: batch.length, events: batch.reduce((n, p) => n + p.events.length, 0) });
    } catch {
      // metrics are best effort: never fail the appends over them
    }
  }
}
