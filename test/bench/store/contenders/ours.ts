// Our PostgreSQL adapter (libs/event-store/src/postgres): one SQL function call per append.
import pg from 'pg';
import {
  createPostgresEventStore,
  migratePostgresEventStore,
} from '../../../../libs/event-store/src/postgres/index.js';
import type { BenchAppender, Contender } from './contender.js';

export const ours: Contender = {
  name: 'ours',
  label: 'ours: PostgreSQL adapter',
  async open(databaseUrl, poolSize) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
    // An idle client's connection error must not crash the bench process.
    pool.on('error', () => undefined);
    await migratePostgresEventStore(pool);
    const store = createPostgresEventStore({ pool });
    const appender: BenchAppender = {
      async append(stream, events, lastRevision) {
        await store.appendToStream(stream, events, { expected: lastRevision < 0n ? 'no_stream' : lastRevision });
      },
      async close() {
        await store.close();
        await pool.end();
      },
    };
    return appender;
  },
};
