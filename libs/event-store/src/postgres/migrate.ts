import type pg from 'pg';
import { storeNames } from './names.js';
import { migrationSql } from './schema-sql.js';

export interface MigrateOptions {
  /** Schema holding the event tables; defaults to `event_store` (keeps them apart from read models). */
  schema?: string;
}

/**
 * Creates or updates the event store schema. Idempotent; concurrent callers (several processes starting
 * at once) are serialised by an advisory lock, and the whole migration is one transaction.
 */
export async function migratePostgresEventStore(pool: pg.Pool, options: MigrateOptions = {}): Promise<void> {
  const names = storeNames(options.schema);
  await runLockedMigration(pool, names.schema, migrationSql(names));
}

/** Runs DDL in one transaction under the schema's migration advisory lock (shared by every migration of it). */
export async function runLockedMigration(pool: pg.Pool, schema: string, ddl: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`kinerja-event-store:${schema}`]);
    await client.query(ddl);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
