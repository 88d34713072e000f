// Objection events carry neither the cycle, the NIP nor the rater: the read models that list them keep, per
// appraisal stream, who is who. One row per stream in each projection's own schema (projections run and rebuild
// independently, so none reads another's tables). Its stream_revision is the guard of every event of the stream:
// an event at or below it was applied already, which makes a replay, twice or in any batch size, change nothing.
import { sql, type Kysely } from 'kysely';
import type { RecordedEvent } from '../../../event-store/src/port.js';
import type { AppraisalEvent } from '../../../appraisal/src/appraisal/appraisal-events.js';

export interface AppraisalPartiesRow {
  stream_id: string;
  cycle_id: string;
  nip: string;
  agency_id: string;
  unit_id: string;
  rater_nip: string | null;
  rater_supervisor_nip: string | null;
  /** int8: pg returns it as a string. The last applied event of the stream. */
  stream_revision: string;
}

export const PARTY_EVENT_TYPES = ['AppraisalStarted.v1', 'RaterChanged.v1', 'AppraisalTransferred.v1'] as const;

export async function migrateAppraisalParties(db: Kysely<unknown>, schema: string): Promise<void> {
  await db.schema
    .withSchema(schema)
    .createTable('appraisal_parties')
    .addColumn('stream_id', 'text', (c) => c.primaryKey())
    .addColumn('cycle_id', 'text', (c) => c.notNull())
    .addColumn('nip', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('rater_nip', 'text')
    .addColumn('rater_supervisor_nip', 'text')
    .addColumn('stream_revision', 'bigint', (c) => c.notNull())
    .execute();
}

type Db = Kysely<{ appraisal_parties: AppraisalPartiesRow }>;

/**
 * Moves the stream's guard to this event and applies what it changes about the parties. Returns the parties as
 * they stand after the event, or undefined when the event was applied before (or its appraisal never started).
 */
export async function advanceAppraisal(
  trx: Kysely<unknown>,
  recorded: RecordedEvent,
): Promise<AppraisalPartiesRow | undefined> {
  const db = trx as unknown as Db;
  const event = { type: recorded.type, data: recorded.data } as unknown as AppraisalEvent;
  const revision = String(recorded.revision);
  if (event.type === 'AppraisalStarted.v1') {
    const d = event.data;
    const row: AppraisalPartiesRow = {
      stream_id: recorded.streamName,
      cycle_id: d.cycleId,
      nip: d.nip,
      agency_id: d.agencyId,
      unit_id: d.unitId,
      rater_nip: d.raterNip,
      rater_supervisor_nip: d.raterSupervisorNip,
      stream_revision: revision,
    };
    const { stream_id: _key, ...reset } = row;
    return db
      .insertInto('appraisal_parties')
      .values(row)
      .onConflict((oc) =>
        oc.column('stream_id').doUpdateSet(reset).where('appraisal_parties.stream_revision', '<', revision),
      )
      .returningAll()
      .executeTakeFirst();
  }
  const changes =
    event.type === 'RaterChanged.v1'
      ? { rater_nip: event.data.toRaterNip, rater_supervisor_nip: event.data.raterSupervisorNip }
      : event.type === 'AppraisalTransferred.v1'
        ? { unit_id: event.data.toUnitId }
        : {};
  return db
    .updateTable('appraisal_parties')
    .set({ ...changes, stream_revision: sql<string>`${revision}::bigint` })
    .where('stream_id', '=', recorded.streamName)
    .where('stream_revision', '<', revision)
    .returningAll()
    .executeTakeFirst();
}
