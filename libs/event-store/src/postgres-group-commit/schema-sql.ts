import { APP_ROLE, type StoreNames } from '../postgres/names.js';

// The batch append function: the rules of postgres/schema-sql.ts's append_to_stream (lock or create the
// stream row, check the expectation, recognise an idempotent retry, insert, move the revision, notify),
// applied to many appends in ONE call and ONE transaction, as if they ran one after the other in array
// order. An unmet expectation does not raise: it becomes that append's result row, so one caller's
// conflict never fails the others.
//
// All stream rows of a batch are created (if missing) and locked up front, in one sorted order, so
// concurrent batches cannot deadlock. Then the common case runs set-based: with no retry in the batch
// (none of its first event ids is stored yet, none repeats), expectations are checked in a loop without
// SQL, and all events go in with ONE insert. Otherwise (rare) it falls back to the statement-per-append
// loop of append_to_streams_one_by_one, which handles retries exactly as append_to_stream does.

export function batchAppendFunctionName(n: StoreNames): string {
  return `${n.schema}.append_to_streams`;
}

const ARGS = 'text[], text[], bigint[], int[], uuid[], text[], jsonb[], jsonb[]';

function oneByOneFunctionName(n: StoreNames): string {
  return `${n.schema}.append_to_streams_one_by_one`;
}

// Shared head of both functions: arguments and result columns.
const SIGNATURE = `
  p_streams text[],              -- one entry per append
  p_expected_kinds text[],       -- 'any' | 'no_stream' | 'stream_exists' | 'revision'
  p_expected_revisions bigint[], -- only read for 'revision'
  p_counts int[],                -- events per append; the event arrays hold all appends' events in order
  p_ids uuid[],
  p_types text[],
  p_data jsonb[],
  p_metadata jsonb[]
) RETURNS TABLE (
  append_index int,              -- 1-based position in p_streams
  ok boolean,
  next_revision bigint,          -- ok: revision of the append's last event
  last_commit text,              -- ok: its position
  last_prepare bigint,
  actual_revision bigint         -- not ok: the stream's revision, -1 for no stream
)
LANGUAGE plpgsql
SECURITY DEFINER  -- like append_to_stream: the app role has no UPDATE right on the streams table
SET search_path = pg_catalog, pg_temp`;

// The expectation check, identical in both functions; NULL means a malformed expectation.
const MET = `CASE v_kind
      WHEN 'any' THEN true
      WHEN 'no_stream' THEN v_current = -1
      WHEN 'stream_exists' THEN v_current >= 0
      WHEN 'revision' THEN CASE WHEN v_expected >= 0 THEN v_current = v_expected END
    END`;

function oneByOneSql(n: StoreNames): string {
  return `
CREATE OR REPLACE FUNCTION ${oneByOneFunctionName(n)}(${SIGNATURE}
AS $fn$
DECLARE
  v_appends int := cardinality(p_streams);
  v_from int := 1;
  v_to int;
  v_count int;
  v_stream text;
  v_kind text;
  v_expected bigint;
  v_current bigint;
  v_met boolean;
  v_base bigint;
  v_prepare bigint;
  v_ids uuid[];
BEGIN
  FOR i IN 1 .. v_appends LOOP
    v_stream := p_streams[i];
    v_kind := p_expected_kinds[i];
    v_expected := p_expected_revisions[i];
    v_count := p_counts[i];
    v_to := v_from + v_count - 1;
    v_ids := p_ids[v_from:v_to];

    -- Locked already by append_to_streams (FOR UPDATE again covers a row committed since, which this
    -- statement's newer snapshot may see); a missing row means a stream that does not exist.
    SELECT s.revision INTO v_current FROM ${n.streams} s WHERE s.stream_name = v_stream FOR UPDATE;
    v_current := coalesce(v_current, -1);
    v_met := ${MET};
    IF v_met IS NULL THEN
      RAISE EXCEPTION 'append_to_streams: bad expectation % %', v_kind, v_expected USING ERRCODE = '22023';
    END IF;

    -- Idempotent retry, exactly as append_to_stream recognises it.
    SELECT e.stream_revision - 1 INTO v_base
      FROM ${n.events} e WHERE e.stream_name = v_stream AND e.event_id = v_ids[1];
    IF FOUND
       AND (v_met
            OR (v_kind = 'revision' AND v_base = v_expected)
            OR (v_kind = 'no_stream' AND v_base = -1))
       AND (SELECT count(*) FROM ${n.events} e
              JOIN unnest(v_ids) WITH ORDINALITY AS b(id, ord)
                ON e.event_id = b.id AND e.stream_revision = v_base + b.ord
             WHERE e.stream_name = v_stream) = v_count
    THEN
      RETURN QUERY SELECT i, true, e.stream_revision, e.commit_position::text, e.prepare_position, NULL::bigint
        FROM ${n.events} e WHERE e.stream_name = v_stream AND e.stream_revision = v_base + v_count;
    ELSIF NOT v_met THEN
      RETURN QUERY SELECT i, false, NULL::bigint, NULL::text, NULL::bigint, v_current;
    ELSE
      WITH inserted AS (
        INSERT INTO ${n.events} (stream_name, stream_revision, event_id, event_type, data, metadata)
        SELECT v_stream, v_current + b.ord, b.id, b.type, b.data, b.metadata
          FROM unnest(v_ids, p_types[v_from:v_to], p_data[v_from:v_to], p_metadata[v_from:v_to])
               WITH ORDINALITY AS b(id, type, data, metadata, ord)
         ORDER BY b.ord
        RETURNING prepare_position
      )
      SELECT max(x.prepare_position) INTO v_prepare FROM inserted x;

      UPDATE ${n.streams} s SET revision = v_current + v_count WHERE s.stream_name = v_stream;
      RETURN QUERY SELECT i, true, v_current + v_count, pg_current_xact_id()::text, v_prepare, NULL::bigint;
    END IF;
    v_from := v_to + 1;
  END LOOP;
END;
$fn$;
`;
}

function batchSql(n: StoreNames): string {
  return `
CREATE OR REPLACE FUNCTION ${batchAppendFunctionName(n)}(${SIGNATURE}
AS $fn$
DECLARE
  v_appends int := coalesce(cardinality(p_streams), 0);
  v_total int := coalesce(cardinality(p_ids), 0);
  v_event_streams text[];
  v_first_ids uuid[];
  v_names text[];
  v_revisions bigint[];
  v_locked bigint[];
  v_event_revisions bigint[];
  v_ok boolean[];
  v_next bigint[];
  v_actual bigint[];
  v_from int := 1;
  v_count int;
  v_pos int;
  v_kind text;
  v_expected bigint;
  v_current bigint;
  v_met boolean;
BEGIN
  IF v_appends = 0
     OR cardinality(p_expected_kinds) <> v_appends OR cardinality(p_expected_revisions) <> v_appends
     OR cardinality(p_counts) <> v_appends
     OR cardinality(p_types) <> v_total OR cardinality(p_data) <> v_total OR cardinality(p_metadata) <> v_total
     OR (SELECT sum(c) FROM unnest(p_counts) AS c) <> v_total
     OR EXISTS (SELECT 1 FROM unnest(p_counts) AS c WHERE c IS NULL OR c < 1) THEN
    RAISE EXCEPTION 'append_to_streams: arrays are empty or of inconsistent lengths' USING ERRCODE = '22023';
  END IF;

  -- Rows for the streams an append may create ('any', 'no_stream'), then every row of the batch locked,
  -- both in sorted order. A concurrent creator of one of them makes this wait for its commit.
  INSERT INTO ${n.streams} (stream_name, revision)
  SELECT DISTINCT a.stream, -1::bigint
    FROM unnest(p_streams, p_expected_kinds) AS a(stream, kind)
   WHERE a.kind IN ('any', 'no_stream')
   ORDER BY 1
  ON CONFLICT (stream_name) DO NOTHING;

  SELECT coalesce(array_agg(l.stream_name), '{}'), coalesce(array_agg(l.revision), '{}')
    INTO v_names, v_revisions
    FROM (SELECT s.stream_name, s.revision FROM ${n.streams} s
           WHERE s.stream_name = ANY (p_streams) ORDER BY s.stream_name FOR UPDATE) AS l;

  SELECT array_agg(p_streams[a.i] ORDER BY a.i, g.k) INTO v_event_streams
    FROM generate_subscripts(p_streams, 1) AS a(i), generate_series(1, p_counts[a.i]) AS g(k);
  SELECT array_agg(p_ids[s.first] ORDER BY s.i) INTO v_first_ids
    FROM (SELECT a.i, (sum(p_counts[a.i]) OVER (ORDER BY a.i)) - p_counts[a.i] + 1 AS first
            FROM generate_subscripts(p_streams, 1) AS a(i)) AS s;

  -- A possible retry (a first event id already stored in its stream, or twice in this batch): one by one.
  -- LATERAL ... LIMIT 1 keeps this an index probe per append whatever the planner thinks of the table.
  IF EXISTS (SELECT 1 FROM unnest(p_streams, v_first_ids) AS f(stream, id),
                LATERAL (SELECT 1 FROM ${n.events} e
                          WHERE e.stream_name = f.stream AND e.event_id = f.id LIMIT 1) AS hit)
     OR (SELECT count(DISTINCT (f.stream, f.id)) FROM unnest(p_streams, v_first_ids) AS f(stream, id)) <> v_appends
  THEN
    RETURN QUERY SELECT * FROM ${oneByOneFunctionName(n)}(p_streams, p_expected_kinds, p_expected_revisions,
      p_counts, p_ids, p_types, p_data, p_metadata);
    RETURN;
  END IF;

  -- Set-based: check each expectation against the revisions as the earlier appends left them.
  v_locked := v_revisions;
  v_event_revisions := array_fill(NULL::bigint, ARRAY[v_total]);
  v_ok := array_fill(false, ARRAY[v_appends]);
  v_next := array_fill(NULL::bigint, ARRAY[v_appends]);
  v_actual := array_fill(NULL::bigint, ARRAY[v_appends]);
  FOR i IN 1 .. v_appends LOOP
    v_count := p_counts[i];
    v_kind := p_expected_kinds[i];
    v_expected := p_expected_revisions[i];
    v_pos := array_position(v_names, p_streams[i]);
    v_current := CASE WHEN v_pos IS NULL THEN -1 ELSE v_revisions[v_pos] END;
    v_met := ${MET};
    IF v_met IS NULL THEN
      RAISE EXCEPTION 'append_to_streams: bad expectation % %', v_kind, v_expected USING ERRCODE = '22023';
    END IF;
    IF v_met THEN
      -- v_pos is set: only 'any' and 'no_stream' can succeed on a missing stream, and those rows exist now
      FOR k IN 1 .. v_count LOOP
        v_event_revisions[v_from + k - 1] := v_current + k;
      END LOOP;
      v_revisions[v_pos] := v_current + v_count;
      v_ok[i] := true;
      v_next[i] := v_current + v_count;
    ELSE
      v_actual[i] := v_current;
    END IF;
    v_from := v_from + v_count;
  END LOOP;

  -- ORDER BY: identity values (prepare_position) follow the batch order
  RETURN QUERY
  WITH inserted AS (
    INSERT INTO ${n.events} (stream_name, stream_revision, event_id, event_type, data, metadata)
    SELECT x.stream, x.revision, x.id, x.type, x.data, x.metadata
      FROM unnest(v_event_streams, v_event_revisions, p_ids, p_types, p_data, p_metadata)
           WITH ORDINALITY AS x(stream, revision, id, type, data, metadata, ord)
     WHERE x.revision IS NOT NULL
     ORDER BY x.ord
    RETURNING stream_name, stream_revision, prepare_position
  )
  SELECT a.i::int, a.ok, a.next, CASE WHEN a.ok THEN pg_current_xact_id()::text END, ins.prepare_position, a.actual
    FROM unnest(v_ok, v_next, v_actual) WITH ORDINALITY AS a(ok, next, actual, i)
    LEFT JOIN inserted ins ON a.ok AND ins.stream_name = p_streams[a.i] AND ins.stream_revision = a.next
   ORDER BY a.i;

  -- Streams written: by primary key (= ANY), one statement.
  SELECT coalesce(array_agg(u.stream), '{}'), coalesce(array_agg(u.revision), '{}') INTO v_names, v_revisions
    FROM unnest(v_names, v_revisions, v_locked) AS u(stream, revision, locked)
   WHERE u.revision <> u.locked;
  UPDATE ${n.streams} s SET revision = v_revisions[array_position(v_names, s.stream_name)]
   WHERE s.stream_name = ANY (v_names);
  -- no pg_notify (see append_to_stream): the store wakes subscribers after the commit
END;
$fn$;
`;
}

export function groupCommitMigrationSql(n: StoreNames): string {
  const batch = batchAppendFunctionName(n);
  const oneByOne = oneByOneFunctionName(n);
  return `
${oneByOneSql(n)}
${batchSql(n)}
REVOKE ALL ON FUNCTION ${oneByOne}(${ARGS}) FROM PUBLIC;
REVOKE ALL ON FUNCTION ${batch}(${ARGS}) FROM PUBLIC;

DO $do$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
    GRANT EXECUTE ON FUNCTION ${batch}(${ARGS}) TO ${APP_ROLE};
  END IF;
END;
$do$;
`;
}
