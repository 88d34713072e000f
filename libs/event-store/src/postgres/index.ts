export { appendEvents } from './append.js';
export { migratePostgresEventStore, type MigrateOptions } from './migrate.js';
export {
  APP_ROLE,
  DEFAULT_SCHEMA,
  IMMUTABLE_EVENTS_SQLSTATE,
  WRONG_EXPECTED_VERSION_SQLSTATE,
  storeNames,
  type StoreNames,
} from './names.js';
export {
  createPostgresEventStore,
  type PostgresEventStore,
  type PostgresEventStoreOptions,
} from './postgres-event-store.js';
export type { Queryable } from './queryable.js';
