// The group-commit appender (libs/event-store/src/postgres-group-commit): concurrent appends share one
// batch call, one transaction and one WAL flush.
import pg from 'pg';
import { createGroupCommitEventStore } from '../../../../libs/event-store/src/postgres-group-commit/index.js';
import type { BenchAppender, Contender } from './contender.js';

export const groupCommit: Contender = {
  name: 'group',
  label: 'group commit',
  async open(databaseUrl, poolSize) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
    pool.on('error', () => undefined);
    const store = createGroupCommitEventStore({ pool, listen: false });
    await store.migrate();
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
