import pg from 'pg';
import { EventStoreUnavailableError } from '../errors.js';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
} from '../port.js';
import { appendEvents } from './append.js';
import { createAppendNotifier } from './append-notifier.js';
import { migratePostgresEventStore } from './migrate.js';
import { storeNames, type StoreNames } from './names.js';
import { readAllRows, readStreamRows } from './read.js';
import { PostgresSubscription } from './subscription.js';

export interface PostgresEventStoreOptions {
  /** Either a connection string (the store creates and ends its pool) or a pool owned by the caller. */
  connectionString?: string;
  pool?: pg.Pool;
  /** Schema of the event tables; defaults to `event_store`. */
  schema?: string;
  /** Subscriptions re-read this often when no NOTIFY arrives. Default 500 ms. */
  pollIntervalMs?: number;
  /** Subscriptions LISTEN for append hints on a dedicated connection. Default true. */
  listen?: boolean;
  /** Events per read while a subscription pages through $all. Default 500. */
  subscriptionBatchSize?: number;
}

export interface PostgresEventStore extends EventStore {
  readonly pool: pg.Pool;
  readonly names: StoreNames;
  /** Same as migratePostgresEventStore on this store's pool and schema. */
  migrate(): Promise<void>;
  /** Wakes LISTENing subscribers; for appenders that write through their own SQL (group commit). */
  notifyAppended(): void;
}

export function createPostgresEventStore(options: PostgresEventStoreOptions): PostgresEventStore {
  if (!options.pool === !options.connectionString) {
    throw new Error('createPostgresEventStore: pass exactly one of connectionString and pool');
  }
  const ownsPool = !options.pool;
  const pool = options.pool ?? new pg.Pool({ connectionString: options.connectionString });
  // An idle client's connection error must not crash the process; the next query reports it.
  if (ownsPool) pool.on('error', () => undefined);
  const names = storeNames(options.schema);
  const listen = options.listen ?? true;
  const pollIntervalMs = options.pollIntervalMs ?? 500;
  const batchSize = options.subscriptionBatchSize ?? 500;
  let closed: Promise<void> | undefined;
  // Closing the store ends its subscriptions first, so none is left polling a pool that is gone.
  const subscriptions = new Set<Subscription>();
  const notifier = createAppendNotifier(pool, names.channel);

  return {
    pool,
    names,
    migrate: () => migratePostgresEventStore(pool, { schema: options.schema }),

    async appendToStream(stream: string, events: NewEvent[], appendOptions?: AppendOptions): Promise<AppendResult> {
      const result = await appendEvents(pool, names, stream, events, appendOptions);
      notifier.notify();
      return result;
    },

    notifyAppended: () => notifier.notify(),

    readStream(stream: string, readOptions?: ReadStreamOptions): Promise<RecordedEvent[]> {
      return readStreamRows(pool, names, stream, readOptions);
    },

    readAll(readOptions?: ReadAllOptions): Promise<RecordedEvent[]> {
      return readAllRows(pool, names, readOptions);
    },

    subscribeToAll(subscribeOptions?: SubscribeToAllOptions): Subscription {
      const subscription: Subscription = new PostgresSubscription(
        {
          readAfter: (after, filter, maxCount) => readAllRows(pool, names, { fromPosition: after, filter, maxCount }),
          // The pool's own options carry the connection settings (including a non-enumerable password).
          createListener: listen ? () => new pg.Client(pool.options) : undefined,
          channel: names.channel,
          pollIntervalMs,
          batchSize,
          onClose: () => subscriptions.delete(subscription),
        },
        subscribeOptions,
      );
      subscriptions.add(subscription);
      return subscription;
    },

    async ping(): Promise<void> {
      try {
        await pool.query('SELECT 1');
      } catch (error) {
        throw new EventStoreUnavailableError(`PostgreSQL event store unreachable: ${(error as Error).message}`, {
          cause: error,
        });
      }
    },

    close(): Promise<void> {
      closed ??= (async () => {
        await Promise.all([...subscriptions].map((s) => s.close()));
        await notifier.close();
        if (ownsPool) await pool.end();
      })();
      return closed;
    },
  };
}
