import type pg from 'pg';
import { migratePostgresEventStore, type MigrateOptions } from '../postgres/migrate.js';
import { storeNames } from '../postgres/names.js';
import { groupCommitMigrationSql } from './schema-sql.js';

/**
 * Migrates the PostgreSQL event store, then adds the batch append function. Idempotent; concurrent
 * callers are serialised by the same kind of advisory lock the base migration takes.
 */
export async function migratePostgresGroupCommit(pool: pg.Pool, options: MigrateOptions = {}): Promise<void> {
  await migratePostgresEventStore(pool, options);
  const names = storeNames(options.schema);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`kinerja-event-store:${names.schema}`]);
    await client.query(groupCommitMigrationSql(names));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
