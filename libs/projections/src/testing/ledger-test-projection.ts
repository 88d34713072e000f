// Test-only projection that makes double and skipped application visible in its tables:
// - applied_events: one row per event id, `applications` counts how often it was applied (must be 1);
// - stream_totals: per stream, events applied, last revision and `gaps`, bumped whenever a stream's
//   revisions do not follow on (an event skipped, repeated or applied out of order).
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { HashChainedEventStore } from '../../../event-store/src/hash-chained-event-store.js';
import type { EventStore, NewEvent, RecordedEvent } from '../../../event-store/src/port.js';
import type { Projection, ReadModelDb, ReadModelTransaction } from '../projection.js';

export const LEDGER_ENTRY = 'LedgerTestEntryRecorded';
/** Appended too, but not handled: moves the checkpoint only. */
export const LEDGER_NOISE = 'LedgerTestNoiseRecorded';
export const LEDGER_TABLES = ['applied_events', 'stream_totals'] as const;

export interface LedgerTestProjectionOptions {
  name?: string;
  version?: number;
  /** Called inside the batch transaction after the rows are written, before it commits. */
  afterApply?: (trx: ReadModelTransaction, events: RecordedEvent[]) => Promise<void>;
}

export function ledgerTestProjection(options: LedgerTestProjectionOptions = {}): Projection {
  return {
    name: options.name ?? 'ledger_test',
    version: options.version ?? 1,
    handles: [LEDGER_ENTRY],
    async migrate(db, schema) {
      await db.schema
        .withSchema(schema)
        .createTable('applied_events')
        .addColumn('event_id', 'uuid', (c) => c.primaryKey())
        .addColumn('stream', 'text', (c) => c.notNull())
        .addColumn('revision', 'bigint', (c) => c.notNull())
        .addColumn('amount', 'integer', (c) => c.notNull())
        .addColumn('applications', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .withSchema(schema)
        .createTable('stream_totals')
        .addColumn('stream', 'text', (c) => c.primaryKey())
        .addColumn('events', 'integer', (c) => c.notNull())
        .addColumn('amount', 'integer', (c) => c.notNull())
        .addColumn('last_revision', 'bigint', (c) => c.notNull())
        .addColumn('gaps', 'integer', (c) => c.notNull())
        .execute();
    },
    async apply(trx, schema, events) {
      for (const event of events) {
        const amount = Number(event.data.amount);
        await trx
          .withSchema(schema)
          .insertInto('applied_events')
          .values({
            event_id: event.id,
            stream: event.streamName,
            revision: event.revision.toString(),
            amount,
            applications: 1,
          })
          .onConflict((oc) => oc.column('event_id').doUpdateSet({ applications: sql`applied_events.applications + 1` }))
          .execute();
        // Only this projection's events are in the stream, so revisions must follow on one by one.
        const revision = event.revision.toString();
        await trx
          .withSchema(schema)
          .insertInto('stream_totals')
          .values({
            stream: event.streamName,
            events: 1,
            amount,
            last_revision: revision,
            gaps: revision === '0' ? 0 : 1,
          })
          .onConflict((oc) =>
            oc.column('stream').doUpdateSet({
              events: sql`stream_totals.events + 1`,
              amount: sql`stream_totals.amount + excluded.amount`,
              last_revision: sql`excluded.last_revision`,
              gaps: sql`stream_totals.gaps + CASE WHEN excluded.last_revision = stream_totals.last_revision + 1 THEN 0 ELSE 1 END`,
            }),
          )
          .execute();
      }
      await options.afterApply?.(trx, events);
    },
  };
}

/** Appends `perStream` entries to each of `streams` streams, interleaved, plus one noise event per round. */
export async function appendLedgerEvents(
  raw: EventStore,
  options: { streams: number; perStream: number; streamPrefix?: string; eventsPerAppend?: number },
): Promise<number> {
  // Hash-chained, as every event the service writes is: a rebuild checks the chains (rebuild-chain-check.ts).
  const store = new HashChainedEventStore(raw);
  const prefix = options.streamPrefix ?? 'ledger';
  const chunk = options.eventsPerAppend ?? 10;
  let appended = 0;
  for (let round = 0; round < options.perStream; round += chunk) {
    const count = Math.min(chunk, options.perStream - round);
    for (let s = 0; s < options.streams; s++) {
      const events = Array.from({ length: count }, (_, i) =>
        entry(LEDGER_ENTRY, { amount: (s + 1) * (round + i + 1) }),
      );
      await store.appendToStream(`${prefix}-${s}`, events);
      appended += events.length;
    }
    await store.appendToStream(`${prefix}-noise`, [entry(LEDGER_NOISE, { round })]);
    appended += 1;
  }
  return appended;
}

function entry(type: string, data: Record<string, unknown>): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      actor: { id: 'test', role: 'system' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: new Date().toISOString(),
    },
  };
}

/** Every row of the projection's tables in a stable order, for comparing two generations. */
export async function ledgerSnapshot(db: ReadModelDb, schema: string): Promise<Record<string, unknown[]>> {
  return {
    applied_events: await db.withSchema(schema).selectFrom('applied_events').selectAll().orderBy('event_id').execute(),
    stream_totals: await db.withSchema(schema).selectFrom('stream_totals').selectAll().orderBy('stream').execute(),
  };
}
