export { appendBatch, type BatchAppend, type BatchOutcome } from './batch-append.js';
export {
  createGroupCommitEventStore,
  type GroupCommitEventStore,
  type GroupCommitOptions,
  type GroupCommitStats,
  type GroupCommitBatchObserver,
} from './group-commit-event-store.js';
export { migratePostgresGroupCommit } from './migrate.js';
export { batchAppendFunctionName, groupCommitMigrationSql } from './schema-sql.js';
