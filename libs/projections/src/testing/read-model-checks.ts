// Test support for read-model specs: project a history live with the real runners, snapshot a projection's
// tables in a total order, and replay events straight through migrate/apply in chosen batch sizes.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor, RecordedEvent } from '../../../event-store/src/port.js';
import type { Projection, ReadModelDb } from '../projection.js';
import { ProjectionRunner } from '../runner.js';
import type { TestStores } from './test-stores.js';
import { waitFor } from './wait-for.js';

export interface HistoryEvent {
  stream: string;
  event: { type: string; data: unknown };
  occurredAt: string;
  actor?: Actor;
}

export interface LiveProjections {
  /** Resolves once every runner has seen every appended event. */
  caughtUp(): Promise<void>;
  stop(): Promise<void>;
}

/** Appends `history` one event at a time, then runs each projection's real runner (batches of 7) over it. */
export async function projectLive(
  t: TestStores,
  history: readonly HistoryEvent[],
  projections: readonly Projection[],
): Promise<LiveProjections> {
  for (const { stream, event, occurredAt, actor } of history) {
    await t.store.appendToStream(stream, [
      {
        id: randomUUID(),
        type: event.type,
        data: event.data as Record<string, unknown>,
        metadata: { actor: actor ?? { id: 'test', role: 'HR' }, correlationId: 'c', causationId: 'c', occurredAt },
      },
    ]);
  }
  const runners = projections.map((projection) =>
    new ProjectionRunner({
      projection,
      store: t.store,
      db: t.db,
      connectionString: t.url,
      batchSize: 7,
      idleMs: 50,
      log: () => undefined,
    }).start(),
  );
  const live: LiveProjections = {
    async caughtUp() {
      await waitFor('runners caught up', () =>
        runners.every((r) => r.status().caughtUp && r.status().eventsSeen === history.length),
      );
    },
    async stop() {
      for (const runner of runners) await runner.stop();
    },
  };
  await live.caughtUp();
  return live;
}

/** Every row of each table in `schema`, ordered by its key, so that two snapshots compare row by row. */
export async function snapshotTables(
  db: ReadModelDb,
  schema: string,
  tables: readonly { table: string; key: string }[],
): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const { table, key } of tables) {
    const { rows } = await sql`SELECT * FROM ${sql.table(`${schema}.${table}`)} ORDER BY ${sql.raw(key)}`.execute(db);
    result[table] = rows;
  }
  return result;
}

/**
 * Applies `events` straight through migrate/apply into the fresh schema `schema`, in batches of `batchSize`;
 * with `twice`, every batch is applied a second time (idempotence).
 */
export async function replayInto(
  db: ReadModelDb,
  schema: string,
  projection: Projection,
  events: readonly RecordedEvent[],
  batchSize: number,
  twice = false,
): Promise<string> {
  await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(db);
  await projection.migrate(db, schema);
  const handled = events.filter((e) => projection.handles.includes(e.type));
  for (let i = 0; i < handled.length; i += batchSize) {
    const batch = handled.slice(i, i + batchSize);
    await db.transaction().execute((trx) => projection.apply(trx, schema, batch));
    if (twice) await db.transaction().execute((trx) => projection.apply(trx, schema, batch));
  }
  return schema;
}
