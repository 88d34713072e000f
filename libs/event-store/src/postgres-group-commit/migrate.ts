import type pg from 'pg';
import { migratePostgresEventStore, runLockedMigration, type MigrateOptions } from '../postgres/migrate.js';
import { storeNames } from '../postgres/names.js';
import { groupCommitMigrationSql } from './schema-sql.js';

/**
 * Migrates the PostgreSQL event store, then adds the batch append function. Idempotent; concurrent
 * callers are serialised by the same kind of advisory lock the base migration takes.
 */
export async function migratePostgresGroupCommit(pool: pg.Pool, options: MigrateOptions = {}): Promise<void> {
  await migratePostgresEventStore(pool, options);
  const names = storeNames(options.schema);
  await runLockedMigration(pool, names.schema, groupCommitMigrationSql(names));
}
