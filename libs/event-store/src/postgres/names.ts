// SQL names derived from the configured schema. The schema is validated, not escaped ad hoc: it ends up
// in DDL, function bodies and the LISTEN channel, where parameters cannot be used.

export const DEFAULT_SCHEMA = 'event_store';

/**
 * NOLOGIN group role holding the service's rights on the event store: SELECT on the event tables and EXECUTE on
 * the append function (SECURITY DEFINER), nothing else. The service's login role is made a member of it by the
 * owner's migration (libs/runtime/src/database-roles.ts).
 */
export const APP_ROLE = 'kinerja_app';

/** SQLSTATE raised by the append function when the expected revision does not hold (DETAIL: the actual one). */
export const WRONG_EXPECTED_VERSION_SQLSTATE = 'KL001';

/** SQLSTATE raised by the trigger that refuses UPDATE, DELETE and TRUNCATE on the events table. */
export const IMMUTABLE_EVENTS_SQLSTATE = 'KL002';

export interface StoreNames {
  schema: string;
  events: string;
  streams: string;
  appendFunction: string;
  /** NOTIFY channel: a wake-up hint for subscribers, never the data itself. */
  channel: string;
}

export function storeNames(schema: string = DEFAULT_SCHEMA): StoreNames {
  if (!/^[a-z_][a-z0-9_]{0,47}$/.test(schema)) {
    throw new Error(`event store schema must be a lower-case SQL identifier, got "${schema}"`);
  }
  return {
    schema: `"${schema}"`,
    events: `"${schema}".events`,
    streams: `"${schema}".streams`,
    appendFunction: `"${schema}".append_to_stream`,
    channel: `${schema}_appended`,
  };
}
