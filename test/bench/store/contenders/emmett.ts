// Emmett's PostgreSQL event store (@event-driven-io/emmett-postgresql). It sets pg's int8/jsonb parsers
// process-wide, which is why every contender runs in its own child process.
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import pg from 'pg';
import type { BenchAppender, Contender } from './contender.js';

export const emmett: Contender = {
  name: 'emmett',
  label: 'Emmett 0.42',
  async open(databaseUrl, poolSize) {
    // Our own pool, so Emmett gets the same number of connections as the others (its default is pg's 10).
    const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
    // An idle client's connection error must not crash the bench process.
    pool.on('error', () => undefined);
    const store = getPostgreSQLEventStore(databaseUrl, { connectionOptions: { pool } });
    await store.schema.migrate();
    const appender: BenchAppender = {
      async append(stream, events, lastRevision) {
        // Emmett's stream version counts events (1-based); ours is the 0-based revision of the last event.
        await store.appendToStream(
          stream,
          events.map((e) => ({ type: e.type, data: e.data, metadata: e.metadata })),
          { expectedStreamVersion: lastRevision < 0n ? STREAM_DOES_NOT_EXIST : lastRevision + 1n },
        );
      },
      async close() {
        await store.close();
        await pool.end();
      },
    };
    return appender;
  },
};
