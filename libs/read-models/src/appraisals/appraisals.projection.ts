// appraisals: one row per appraisal stream (`appraisal-{cycleId}-{nip}`), what HR lists and filters: who rates
// whom, how far the plan and the rating are, the approved and published predikat, and the cycle population the
// appraisal counts in. Every appraisal event moves stream_revision (the stream's ETag), so every type is handled.
//
// Each update is guarded by `stream_revision < the event's revision`: an event applied twice changes nothing,
// and the result depends only on the events, not on how they were batched (a rebuild gives the same table).
import { sql, type Transaction, type UpdateObject } from 'kysely';
import type { PlanStatus } from '../../../appraisal/src/appraisal/appraisal-state.js';
import type { RecordedEvent } from '../../../event-store/src/port.js';
import type { AppraisalEvent, AppraisalEventType } from '../../../appraisal/src/appraisal/appraisal-events.js';
import { cyclePopulationId } from '../../../appraisal/src/set-unit-predikat/set-unit-predikat.js';
import type { Projection } from '../../../projections/src/projection.js';
import type { AppraisalRow, AppraisalTables } from './appraisals.tables.js';

export const APPRAISALS = 'appraisals';

type Db = ReturnType<Transaction<AppraisalTables>['withSchema']>;
type Changes = UpdateObject<AppraisalTables, 'appraisals'>;

// A Record over the union, so a new appraisal event type fails to compile until it is listed here.
const HANDLED: Record<AppraisalEventType, true> = {
  'AppraisalStarted.v1': true,
  'RaterChanged.v1': true,
  'AppraisalTransferred.v1': true,
  'AppraisalEnded.v1': true,
  'AppraisalExcluded.v1': true,
  'AppraisalIncluded.v1': true,
  'RhkDrafted.v1': true,
  'RhkRevised.v1': true,
  'RhkRemoved.v1': true,
  'PlanSubmitted.v1': true,
  'PlanReturned.v1': true,
  'PlanApproved.v1': true,
  'BehaviourExpectationSet.v1': true,
  'FeedbackRequested.v1': true,
  'FeedbackGiven.v1': true,
  'RealisationRecorded.v1': true,
  'EvidenceAttached.v1': true,
  'CommentAdded.v1': true,
  'DialogueNoteRecorded.v1': true,
  'DialogueNoteAcknowledged.v1': true,
  'SelfAssessmentSubmitted.v1': true,
  'PeerReviewerProposed.v1': true,
  'PeerReviewersChosen.v1': true,
  'PeerInputSubmitted.v1': true,
  'SupervisorRatingSubmitted.v1': true,
  'RatingApproved.v1': true,
  'RatingReturned.v1': true,
  'ResultPublished.v1': true,
  'ResultReceived.v1': true,
  'ObjectionFiled.v1': true,
  'ObjectionDeciderAssigned.v1': true,
  'ObjectionStatementRequested.v1': true,
  'ObjectionStatementGiven.v1': true,
  'ObjectionDecided.v1': true,
  'ObjectionWithdrawn.v1': true,
};
export const APPRAISAL_EVENT_TYPES = Object.keys(HANDLED) as AppraisalEventType[];

export const appraisalsProjection: Projection = {
  name: APPRAISALS,
  // 2: for_dialogue follows the dialogue gate (set by a self-assessment after a rating, cleared by the
  // employee's acknowledgement or the approval, no longer by any note). 3: `excluded` (AppraisalExcluded/Included).
  version: 3,
  handles: APPRAISAL_EVENT_TYPES,

  async migrate(db, schema) {
    const s = db.schema.withSchema(schema);
    await s
      .createTable('appraisals')
      .addColumn('stream_id', 'text', (c) => c.primaryKey())
      .addColumn('cycle_id', 'text', (c) => c.notNull())
      .addColumn('nip', 'text', (c) => c.notNull())
      .addColumn('agency_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('rater_nip', 'text')
      .addColumn('rater_supervisor_nip', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('plan_status', 'text', (c) => c.notNull())
      .addColumn('self_assessed', 'boolean', (c) => c.notNull())
      .addColumn('rating_version', 'integer')
      .addColumn('rating_status', 'text')
      .addColumn('rating_hasil_kerja', 'text')
      .addColumn('rating_perilaku', 'text')
      .addColumn('for_dialogue', 'boolean', (c) => c.notNull())
      .addColumn('conflict_of_interest', 'boolean', (c) => c.notNull())
      .addColumn('predikat', 'text')
      .addColumn('hasil_kerja', 'text')
      .addColumn('perilaku', 'text')
      .addColumn('published', 'boolean', (c) => c.notNull())
      .addColumn('published_predikat', 'text')
      .addColumn('received_at', 'timestamptz')
      .addColumn('objection_last_day', 'text')
      .addColumn('distribution_scope', 'text', (c) => c.notNull())
      .addColumn('population_id', 'text', (c) => c.notNull())
      .addColumn('excluded', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('stream_revision', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addUniqueConstraint('appraisals_cycle_nip', ['cycle_id', 'nip'])
      .execute();
    // Listing is keyset-paginated by NIP within a cycle, filtered by these columns.
    for (const column of ['unit_id', 'rater_nip', 'rater_supervisor_nip', 'population_id'] as const) {
      await s.createIndex(`appraisals_cycle_${column}`).on('appraisals').columns(['cycle_id', column, 'nip']).execute();
    }
  },

  async apply(trx, schema, events: RecordedEvent[]) {
    const db = (trx as Transaction<AppraisalTables>).withSchema(schema);
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as unknown as AppraisalEvent;
      const revision = String(recorded.revision);
      const updatedAt = recorded.metadata.occurredAt;
      if (event.type === 'AppraisalStarted.v1') {
        await start(db, recorded.streamName, event, revision, updatedAt);
        continue;
      }
      const changes = await changesFor(db, recorded.streamName, event);
      const update = db
        .updateTable('appraisals')
        .where('stream_id', '=', recorded.streamName)
        .where('stream_revision', '<', revision);
      if (event.type === 'RatingApproved.v1' || event.type === 'RatingReturned.v1') {
        // An approval or return concerns one rating version: it changes the row only if that is the latest.
        await update.set(changes).where('rating_version', '=', event.data.version).execute();
        await update.set({ stream_revision: revision, updated_at: updatedAt }).execute();
      } else {
        await update.set({ ...changes, stream_revision: revision, updated_at: updatedAt }).execute();
      }
    }
  },
};

/** A (re)start resets the row, as evolveAppraisal resets the state. */
async function start(
  db: Db,
  streamId: string,
  event: Extract<AppraisalEvent, { type: 'AppraisalStarted.v1' }>,
  revision: string,
  updatedAt: string,
): Promise<void> {
  const d = event.data;
  const scope = d.policy.distribution.scope;
  const row: AppraisalRow = {
    stream_id: streamId,
    cycle_id: d.cycleId,
    nip: d.nip,
    agency_id: d.agencyId,
    unit_id: d.unitId,
    rater_nip: d.raterNip,
    rater_supervisor_nip: d.raterSupervisorNip,
    status: 'ACTIVE',
    plan_status: 'DRAFT',
    self_assessed: false,
    rating_version: null,
    rating_status: null,
    rating_hasil_kerja: null,
    rating_perilaku: null,
    for_dialogue: false,
    conflict_of_interest: false,
    predikat: null,
    hasil_kerja: null,
    perilaku: null,
    published: false,
    published_predikat: null,
    received_at: null,
    objection_last_day: null,
    distribution_scope: scope,
    population_id: cyclePopulationId(scope, d),
    excluded: false,
    stream_revision: revision,
    updated_at: updatedAt,
  };
  const { stream_id: _key, ...reset } = row;
  await db
    .insertInto('appraisals')
    .values(row)
    .onConflict((oc) => oc.column('stream_id').doUpdateSet(reset).where('appraisals.stream_revision', '<', revision))
    .execute();
}

async function changesFor(db: Db, streamId: string, event: AppraisalEvent): Promise<Changes> {
  switch (event.type) {
    case 'RaterChanged.v1':
      return { rater_nip: event.data.toRaterNip, rater_supervisor_nip: event.data.raterSupervisorNip };
    case 'AppraisalTransferred.v1': {
      const row = await db
        .selectFrom('appraisals')
        .select(['agency_id', 'distribution_scope'])
        .where('stream_id', '=', streamId)
        .executeTakeFirst();
      if (!row) return {};
      const unitId = event.data.toUnitId;
      return {
        unit_id: unitId,
        population_id: cyclePopulationId(row.distribution_scope, { agencyId: row.agency_id, unitId }),
      };
    }
    case 'AppraisalEnded.v1':
      return { status: 'ENDED' };
    case 'AppraisalExcluded.v1':
      return { excluded: true };
    case 'AppraisalIncluded.v1':
      return { excluded: false };
    case 'RhkDrafted.v1':
    case 'RhkRevised.v1':
    case 'RhkRemoved.v1':
      // Changing a returned plan makes it a draft again (evolveAppraisal).
      return {
        plan_status: sql<PlanStatus>`CASE WHEN plan_status = 'RETURNED' THEN 'DRAFT' ELSE plan_status END`,
      };
    case 'PlanSubmitted.v1':
      return { plan_status: 'SUBMITTED' };
    case 'PlanReturned.v1':
      return { plan_status: 'RETURNED' };
    case 'PlanApproved.v1':
      return { plan_status: 'APPROVED' };
    case 'SelfAssessmentSubmitted.v1': {
      // A self-assessment after a rating whose gap is wide marks that version (if still the latest) for dialogue.
      const marked = event.data.ratingGap?.forDialogue ? event.data.ratingGap.version : null;
      if (marked === null) return { self_assessed: true };
      return {
        self_assessed: true,
        for_dialogue: sql<boolean>`CASE WHEN rating_version = ${marked} THEN true ELSE for_dialogue END`,
      };
    }
    case 'SupervisorRatingSubmitted.v1': {
      const d = event.data;
      return {
        rating_version: d.version,
        rating_status: 'SUBMITTED',
        // a revision during determination un-approves until approved again
        predikat: null,
        rating_hasil_kerja: d.hasilKerja,
        rating_perilaku: d.perilaku,
        for_dialogue: d.forDialogue,
        conflict_of_interest: d.conflictOfInterestDeclarationIds.length > 0,
      };
    }
    case 'DialogueNoteAcknowledged.v1':
      // The employee's acknowledgement of the rater's note is the dialogue a flagged rating waits for. (A
      // note left unacknowledged past its deadline also counts; the approval that follows clears the flag.)
      return { for_dialogue: false };
    case 'RatingApproved.v1':
      return {
        for_dialogue: false,
        rating_status: 'APPROVED',
        predikat: event.data.predikat,
        hasil_kerja: (eb) => eb.ref('rating_hasil_kerja'),
        perilaku: (eb) => eb.ref('rating_perilaku'),
      };
    case 'RatingReturned.v1':
      return { rating_status: 'RETURNED' };
    case 'ResultPublished.v1':
      return { published: true, published_predikat: event.data.predikat };
    case 'ResultReceived.v1':
      return { received_at: event.data.receivedAt, objection_last_day: event.data.objectionDeadline.lastDay };
    case 'ObjectionDecided.v1':
      // A decision that changes the result changes the published predikat (the objection is final).
      return event.data.outcome === 'CHANGED' ? { published_predikat: event.data.after.predikat } : {};
    default:
      // Feedback, evidence, comments, peer input...: only the revision moves.
      return {};
  }
}
