// The ceiling: what the same rows cost as plain INSERTs, one autocommit statement (one round trip, one
// transaction, one WAL flush) per append, with no stream lock, expected-revision check or notification.
import pg from 'pg';
import type { BenchAppender, Contender } from './contender.js';

// The events table of DESIGN.md section 4 (same columns, keys and types), without the streams table.
const SCHEMA = `
CREATE TABLE bench_events (
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
)`;

const INSERT = `
INSERT INTO bench_events (stream_name, stream_revision, event_id, event_type, data, metadata)
SELECT $1, $2::bigint + r.ord, r.id, r.type, r.data, r.metadata
FROM unnest($3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[]) WITH ORDINALITY AS r(id, type, data, metadata, ord)`;

export const ceiling: Contender = {
  name: 'ceiling',
  label: 'ceiling: plain INSERT',
  async open(databaseUrl, poolSize) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
    // An idle client's connection error must not crash the bench process.
    pool.on('error', () => undefined);
    await pool.query(SCHEMA);
    const appender: BenchAppender = {
      async append(stream, events, lastRevision) {
        await pool.query(INSERT, [
          stream,
          lastRevision.toString(),
          events.map((e) => e.id),
          events.map((e) => e.type),
          events.map((e) => JSON.stringify(e.data)),
          events.map((e) => JSON.stringify(e.metadata)),
        ]);
      },
      close: () => pool.end(),
    };
    return appender;
  },
};
