import { APP_ROLE, IMMUTABLE_EVENTS_SQLSTATE, WRONG_EXPECTED_VERSION_SQLSTATE, type StoreNames } from './names.js';

// Idempotent DDL for the event tables, the append function, the immutability triggers and the app role.
// Run inside one transaction under an advisory lock (migrate.ts), so re-running it is safe and atomic.

const APPEND_ARGS = 'text, text, bigint, uuid[], text[], jsonb[], jsonb[]';

function tablesSql(n: StoreNames): string {
  return `
CREATE SCHEMA IF NOT EXISTS ${n.schema};

CREATE TABLE IF NOT EXISTS ${n.streams} (
  stream_name text PRIMARY KEY,
  -- revision of the stream's last event; -1 only transiently, inside an append that creates the stream
  revision bigint NOT NULL
);

CREATE TABLE IF NOT EXISTS ${n.events} (
  -- the writing transaction's id: readers only go below the oldest running one, so none is ever skipped
  commit_position xid8 NOT NULL DEFAULT pg_current_xact_id(),
  prepare_position bigint GENERATED ALWAYS AS IDENTITY,
  stream_name text NOT NULL,
  stream_revision bigint NOT NULL,
  event_id uuid NOT NULL,
  event_type text NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (stream_name, stream_revision),
  UNIQUE (commit_position, prepare_position),
  UNIQUE (stream_name, event_id)
);
`;
}

// One statement per append: lock (or create) the stream row, check the expectation, recognise an
// idempotent retry before reporting a conflict, insert the batch with unnest, move the revision, notify.
function appendFunctionSql(n: StoreNames): string {
  return `
CREATE OR REPLACE FUNCTION ${n.appendFunction}(
  p_stream text,
  p_expected_kind text,        -- 'any' | 'no_stream' | 'stream_exists' | 'revision'
  p_expected_revision bigint,  -- only for 'revision'
  p_ids uuid[],
  p_types text[],
  p_data jsonb[],
  p_metadata jsonb[]
) RETURNS TABLE (next_revision bigint, last_commit text, last_prepare bigint)
LANGUAGE plpgsql
SECURITY DEFINER  -- the app role may call it without UPDATE rights on the streams table
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  v_count int := coalesce(cardinality(p_ids), 0);
  v_current bigint;
  v_met boolean;
  v_base bigint;
  v_prepare bigint;
BEGIN
  IF v_count = 0 OR cardinality(p_types) <> v_count OR cardinality(p_data) <> v_count
     OR cardinality(p_metadata) <> v_count THEN
    RAISE EXCEPTION 'append_to_stream: event arrays are empty or of different lengths' USING ERRCODE = '22023';
  END IF;

  SELECT s.revision INTO v_current FROM ${n.streams} s WHERE s.stream_name = p_stream FOR UPDATE;
  IF NOT FOUND THEN
    -- a concurrent creator makes this wait for its commit, then the row is there to lock
    INSERT INTO ${n.streams} (stream_name, revision) VALUES (p_stream, -1) ON CONFLICT (stream_name) DO NOTHING;
    SELECT s.revision INTO v_current FROM ${n.streams} s WHERE s.stream_name = p_stream FOR UPDATE;
  END IF;

  v_met := CASE p_expected_kind
    WHEN 'any' THEN true
    WHEN 'no_stream' THEN v_current = -1
    WHEN 'stream_exists' THEN v_current >= 0
    WHEN 'revision' THEN v_current = p_expected_revision
  END;
  IF v_met IS NULL THEN
    RAISE EXCEPTION 'append_to_stream: bad expectation % %', p_expected_kind, p_expected_revision
      USING ERRCODE = '22023';
  END IF;

  -- Idempotent retry: the batch is already stored as one contiguous run (for a revision or no_stream
  -- expectation, exactly where this append would have put it): answer as the first append did.
  SELECT e.stream_revision - 1 INTO v_base
    FROM ${n.events} e WHERE e.stream_name = p_stream AND e.event_id = p_ids[1];
  IF FOUND
     AND (v_met
          OR (p_expected_kind = 'revision' AND v_base = p_expected_revision)
          OR (p_expected_kind = 'no_stream' AND v_base = -1))
     AND (SELECT count(*) FROM ${n.events} e
            JOIN unnest(p_ids) WITH ORDINALITY AS b(id, ord)
              ON e.event_id = b.id AND e.stream_revision = v_base + b.ord
           WHERE e.stream_name = p_stream) = v_count
  THEN
    RETURN QUERY SELECT e.stream_revision, e.commit_position::text, e.prepare_position
      FROM ${n.events} e WHERE e.stream_name = p_stream AND e.stream_revision = v_base + v_count;
    RETURN;
  END IF;

  IF NOT v_met THEN
    RAISE EXCEPTION 'stream %: expected revision % %, actual %', p_stream, p_expected_kind,
        coalesce(p_expected_revision::text, ''), v_current
      USING ERRCODE = '${WRONG_EXPECTED_VERSION_SQLSTATE}',
            DETAIL = CASE WHEN v_current < 0 THEN 'no_stream' ELSE v_current::text END;
  END IF;

  -- ORDER BY: identity values (prepare_position) follow the batch order
  WITH inserted AS (
    INSERT INTO ${n.events} (stream_name, stream_revision, event_id, event_type, data, metadata)
    SELECT p_stream, v_current + b.ord, b.id, b.type, b.data, b.metadata
      FROM unnest(p_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS b(id, type, data, metadata, ord)
     ORDER BY b.ord
    RETURNING prepare_position
  )
  SELECT max(i.prepare_position) INTO v_prepare FROM inserted i;

  UPDATE ${n.streams} s SET revision = v_current + v_count WHERE s.stream_name = p_stream;
  -- No pg_notify here: a notifying transaction takes a global lock from pre-commit to the end of its WAL
  -- flush, which serialised concurrent appends (bench: 47% -> 87% of the INSERT ceiling without it). The
  -- store sends a throttled wake-up after the commit instead (append-notifier.ts).

  RETURN QUERY SELECT v_current + v_count, pg_current_xact_id()::text, v_prepare;
END;
$fn$;
`;
}

function immutabilitySql(n: StoreNames): string {
  return `
CREATE OR REPLACE FUNCTION ${n.schema}.refuse_event_change() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'events are immutable: % on %.% refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
    USING ERRCODE = '${IMMUTABLE_EVENTS_SQLSTATE}';
END;
$fn$;

DROP TRIGGER IF EXISTS events_refuse_update_delete ON ${n.events};
CREATE TRIGGER events_refuse_update_delete BEFORE UPDATE OR DELETE ON ${n.events}
  FOR EACH ROW EXECUTE FUNCTION ${n.schema}.refuse_event_change();

DROP TRIGGER IF EXISTS events_refuse_truncate ON ${n.events};
CREATE TRIGGER events_refuse_truncate BEFORE TRUNCATE ON ${n.events}
  FOR EACH STATEMENT EXECUTE FUNCTION ${n.schema}.refuse_event_change();
`;
}

// Roles are cluster-wide: several databases may race to create it, and a migrating user without
// CREATEROLE still gets a working store (only without the restricted role).
function privilegesSql(n: StoreNames): string {
  return `
REVOKE ALL ON FUNCTION ${n.appendFunction}(${APPEND_ARGS}) FROM PUBLIC;

DO $do$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
    BEGIN
      CREATE ROLE ${APP_ROLE} NOLOGIN;
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN NULL;
      WHEN insufficient_privilege THEN
        RAISE NOTICE 'cannot create role ${APP_ROLE}; the event store runs without it';
        RETURN;
    END;
  END IF;
  REVOKE ALL ON ${n.events}, ${n.streams} FROM ${APP_ROLE};
  GRANT USAGE ON SCHEMA ${n.schema} TO ${APP_ROLE};
  -- No INSERT: a direct INSERT would bypass the append function's revision check and the hash chain.
  GRANT SELECT ON ${n.events} TO ${APP_ROLE};
  GRANT SELECT ON ${n.streams} TO ${APP_ROLE};
  GRANT EXECUTE ON FUNCTION ${n.appendFunction}(${APPEND_ARGS}) TO ${APP_ROLE};
END;
$do$;
`;
}

export function migrationSql(n: StoreNames): string {
  return [tablesSql(n), appendFunctionSql(n), immutabilitySql(n), privilegesSql(n)].join('\n');
}
