// objections: HR's keberatan queue, one row per objection (README "Keberatan"). Rows hold the state, the people,
// the deadlines and the outcome, never the reasons or the statement texts (HR does not read those). Whether an
// open objection is overdue depends on the clock, so the queries compute it; the row keeps the deadline.
//
// Every event of an appraisal stream passes the stream's guard in appraisal_parties first (appraisal-parties.ts):
// applied twice or in other batches, the tables come out the same.
import { type Kysely, type Transaction, type UpdateObject } from 'kysely';
import type { RecordedEvent } from '../../../event-store/src/port.js';
import type { ObjectionEvent as E } from '../../../appraisal/src/objection/objection-events.js';
import type { Projection } from '../../../projections/src/projection.js';
import {
  advanceAppraisal,
  migrateAppraisalParties,
  PARTY_EVENT_TYPES,
  type AppraisalPartiesRow,
} from './appraisal-parties.js';
import type { ObjectionRow, ObjectionTables } from './objections.tables.js';

export const OBJECTIONS = 'objections';

// A Record over the union, so a new objection event type fails to compile until it is listed here.
const OBJECTION_EVENTS: Record<E['type'], true> = {
  'ObjectionFiled.v1': true,
  'ObjectionDeciderAssigned.v1': true,
  'ObjectionStatementRequested.v1': true,
  'ObjectionStatementGiven.v1': true,
  'ObjectionDecided.v1': true,
  'ObjectionWithdrawn.v1': true,
};

type Db = Kysely<ObjectionTables>;
type Changes = UpdateObject<ObjectionTables, 'objections'>;

export const objectionsProjection: Projection = {
  name: OBJECTIONS,
  version: 1,
  handles: [...PARTY_EVENT_TYPES, ...(Object.keys(OBJECTION_EVENTS) as E['type'][])],

  async migrate(db, schema) {
    await migrateAppraisalParties(db, schema);
    await db.schema
      .withSchema(schema)
      .createTable('objections')
      .addColumn('stream_id', 'text', (c) => c.notNull())
      .addColumn('objection_id', 'text', (c) => c.notNull())
      .addColumn('cycle_id', 'text', (c) => c.notNull())
      .addColumn('nip', 'text', (c) => c.notNull())
      .addColumn('agency_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('filed_at', 'timestamptz', (c) => c.notNull())
      .addColumn('recorded_by_hr', 'boolean', (c) => c.notNull())
      .addColumn('decider_nip', 'text')
      .addColumn('decision_due_last_day', 'text', (c) => c.notNull())
      .addColumn('decision_due_closes_at', 'timestamptz', (c) => c.notNull())
      .addColumn('decision_due_time_zone', 'text', (c) => c.notNull())
      .addColumn('rater_statement_requested_at', 'timestamptz')
      .addColumn('rater_statement_due_last_day', 'text')
      .addColumn('rater_statement_due_closes_at', 'timestamptz')
      .addColumn('rater_statement_given_at', 'timestamptz')
      .addColumn('employee_statement_requested_at', 'timestamptz')
      .addColumn('employee_statement_due_last_day', 'text')
      .addColumn('employee_statement_due_closes_at', 'timestamptz')
      .addColumn('employee_statement_given_at', 'timestamptz')
      .addColumn('outcome', 'text')
      .addColumn('before_predikat', 'text')
      .addColumn('after_predikat', 'text')
      .addColumn('decided_at', 'timestamptz')
      .addColumn('decided_overdue', 'boolean', (c) => c.notNull())
      .addColumn('withdrawn_at', 'timestamptz')
      .addColumn('sort_key', 'text', (c) => c.notNull())
      .addColumn('stream_revision', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('objections_pk', ['stream_id', 'objection_id'])
      .execute();
    // The queue is keyset-paginated by sort_key within an agency, filtered by these.
    for (const column of ['status', 'decider_nip', 'unit_id', 'cycle_id'] as const) {
      await db.schema
        .withSchema(schema)
        .createIndex(`objections_agency_${column}`)
        .on('objections')
        .columns(['agency_id', column, 'sort_key'])
        .execute();
    }
    await db.schema.withSchema(schema).createIndex('objections_sort').on('objections').column('sort_key').execute();
  },

  async apply(trx, schema, events: RecordedEvent[]) {
    const db = (trx as Transaction<ObjectionTables>).withSchema(schema) as unknown as Db;
    for (const recorded of events) {
      const parties = await advanceAppraisal(db as unknown as Kysely<unknown>, recorded);
      if (!parties || !(recorded.type in OBJECTION_EVENTS)) {
        // A transfer moves the appraisal's objections to the new unit in the queue.
        if (parties && recorded.type === 'AppraisalTransferred.v1') {
          await db
            .updateTable('objections')
            .set({ unit_id: parties.unit_id })
            .where('stream_id', '=', parties.stream_id)
            .execute();
        }
        continue;
      }
      const event = { type: recorded.type, data: recorded.data } as unknown as E;
      const revision = String(recorded.revision);
      const updatedAt = recorded.metadata.occurredAt;
      if (event.type === 'ObjectionFiled.v1') {
        await db
          .insertInto('objections')
          .values(filedRow(parties, event.data, revision, updatedAt))
          .execute();
        continue;
      }
      await db
        .updateTable('objections')
        .set({ ...changesFor(event), stream_revision: revision, updated_at: updatedAt })
        .where('stream_id', '=', recorded.streamName)
        .where('objection_id', '=', event.data.objectionId)
        .execute();
    }
  },
};

type Data<T extends E['type']> = Extract<E, { type: T }>['data'];

function filedRow(
  parties: AppraisalPartiesRow,
  d: Data<'ObjectionFiled.v1'>,
  revision: string,
  updatedAt: string,
): ObjectionRow {
  return {
    stream_id: parties.stream_id,
    objection_id: d.objectionId,
    cycle_id: parties.cycle_id,
    nip: parties.nip,
    agency_id: parties.agency_id,
    unit_id: parties.unit_id,
    status: 'OPEN',
    filed_at: d.filedAt,
    recorded_by_hr: d.recordedByHr,
    decider_nip: d.deciderNip,
    decision_due_last_day: d.decisionDue.lastDay,
    decision_due_closes_at: d.decisionDue.closesAt,
    decision_due_time_zone: d.decisionDue.timeZone,
    rater_statement_requested_at: null,
    rater_statement_due_last_day: null,
    rater_statement_due_closes_at: null,
    rater_statement_given_at: null,
    employee_statement_requested_at: null,
    employee_statement_due_last_day: null,
    employee_statement_due_closes_at: null,
    employee_statement_given_at: null,
    outcome: null,
    before_predikat: null,
    after_predikat: null,
    decided_at: null,
    decided_overdue: false,
    withdrawn_at: null,
    sort_key: `${new Date(d.filedAt).toISOString()}|${parties.stream_id}|${d.objectionId}`,
    stream_revision: revision,
    updated_at: updatedAt,
  };
}

function changesFor(event: Exclude<E, { type: 'ObjectionFiled.v1' }>): Changes {
  switch (event.type) {
    case 'ObjectionDeciderAssigned.v1':
      return { decider_nip: event.data.deciderNip };
    case 'ObjectionStatementRequested.v1': {
      const { party, due, requestedAt } = event.data;
      return party === 'RATER'
        ? {
            rater_statement_requested_at: requestedAt,
            rater_statement_due_last_day: due.lastDay,
            rater_statement_due_closes_at: due.closesAt,
          }
        : {
            employee_statement_requested_at: requestedAt,
            employee_statement_due_last_day: due.lastDay,
            employee_statement_due_closes_at: due.closesAt,
          };
    }
    case 'ObjectionStatementGiven.v1':
      return event.data.party === 'RATER'
        ? { rater_statement_given_at: event.data.givenAt }
        : { employee_statement_given_at: event.data.givenAt };
    case 'ObjectionDecided.v1': {
      const d = event.data;
      return {
        status: 'DECIDED',
        outcome: d.outcome,
        before_predikat: d.before.predikat,
        after_predikat: d.after.predikat,
        decided_at: d.decidedAt,
        decided_overdue: d.overdue,
        // the decider of record, also when HR's assignment came after a change of line
        decider_nip: d.decidedByNip,
      };
    }
    case 'ObjectionWithdrawn.v1':
      return { status: 'WITHDRAWN', withdrawn_at: event.data.withdrawnAt };
  }
}
