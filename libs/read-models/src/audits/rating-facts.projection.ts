// rating_facts: the per-appraisal facts the subjectivity audits need (libs/audits; docs/subjectivity-audits.md).
// Guarded by the stream revision like the other appraisal read models, so a rebuild gives the same table.
import { sql, type Transaction, type UpdateObject } from 'kysely';
import type { AppraisalEvent } from '../../../appraisal/src/appraisal/appraisal-events.js';
import type { RecordedEvent } from '../../../event-store/src/port.js';
import type { Projection } from '../../../projections/src/projection.js';
import type { RatingFactsTables } from './rating-facts.tables.js';

export const RATING_FACTS = 'rating_facts';

type Changes = UpdateObject<RatingFactsTables, 'rating_facts'>;

const HANDLED = [
  'AppraisalStarted.v1',
  'RaterChanged.v1',
  'AppraisalTransferred.v1',
  'AppraisalEnded.v1',
  'SelfAssessmentSubmitted.v1',
  'PeerInputSubmitted.v1',
  'SupervisorRatingSubmitted.v1',
  'RatingApproved.v1',
  'RatingReturned.v1',
  'ResultPublished.v1',
  'ObjectionFiled.v1',
  'ObjectionDecided.v1',
] as const;

export const ratingFactsProjection: Projection = {
  name: RATING_FACTS,
  version: 1,
  handles: [...HANDLED],

  async migrate(db, schema) {
    const s = db.schema.withSchema(schema);
    await s
      .createTable('rating_facts')
      .addColumn('stream_id', 'text', (c) => c.primaryKey())
      .addColumn('cycle_id', 'text', (c) => c.notNull())
      .addColumn('nip', 'text', (c) => c.notNull())
      .addColumn('agency_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('rating_version', 'integer')
      .addColumn('rater_nip', 'text')
      .addColumn('hasil_kerja', 'text')
      .addColumn('perilaku', 'text')
      .addColumn('predikat', 'text')
      .addColumn('competency_levels', 'jsonb', (c) => c.notNull())
      .addColumn('justification_length', 'integer', (c) => c.notNull())
      .addColumn('evidence_count', 'integer', (c) => c.notNull())
      .addColumn('conflict_of_interest', 'boolean', (c) => c.notNull())
      .addColumn('approved', 'boolean', (c) => c.notNull())
      .addColumn('revised_after_approval', 'boolean', (c) => c.notNull())
      .addColumn('revised_by_nip', 'text')
      .addColumn('self_hasil_kerja', 'text')
      .addColumn('self_perilaku', 'text')
      .addColumn('peer_ratings', 'jsonb', (c) => c.notNull())
      .addColumn('objections_filed', 'integer', (c) => c.notNull())
      .addColumn('objection_outcome', 'text')
      .addColumn('final_predikat', 'text')
      .addColumn('stream_revision', 'bigint', (c) => c.notNull())
      .execute();
    await s.createIndex('rating_facts_cycle').on('rating_facts').columns(['cycle_id', 'rater_nip']).execute();
  },

  async apply(trx, schema, events: RecordedEvent[]) {
    const db = (trx as Transaction<RatingFactsTables>).withSchema(schema);
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as unknown as AppraisalEvent;
      const revision = String(recorded.revision);
      if (event.type === 'AppraisalStarted.v1') {
        const d = event.data;
        const row = {
          stream_id: recorded.streamName,
          cycle_id: d.cycleId,
          nip: d.nip,
          agency_id: d.agencyId,
          unit_id: d.unitId,
          status: 'ACTIVE' as const,
          rating_version: null,
          rater_nip: null,
          hasil_kerja: null,
          perilaku: null,
          predikat: null,
          competency_levels: JSON.stringify([]),
          justification_length: 0,
          evidence_count: 0,
          conflict_of_interest: false,
          approved: false,
          revised_after_approval: false,
          revised_by_nip: null,
          self_hasil_kerja: null,
          self_perilaku: null,
          peer_ratings: JSON.stringify([]),
          objections_filed: 0,
          objection_outcome: null,
          final_predikat: null,
          stream_revision: revision,
        };
        const { stream_id: _key, ...reset } = row;
        await db
          .insertInto('rating_facts')
          .values(row)
          .onConflict((oc) =>
            oc.column('stream_id').doUpdateSet(reset).where('rating_facts.stream_revision', '<', revision),
          )
          .execute();
        continue;
      }
      const changes = changesFor(event);
      const update = db
        .updateTable('rating_facts')
        .where('stream_id', '=', recorded.streamName)
        .where('stream_revision', '<', revision);
      if (event.type === 'RatingApproved.v1' || event.type === 'RatingReturned.v1') {
        // Only the latest version's approval or return changes the row.
        await update.set(changes).where('rating_version', '=', event.data.version).execute();
      }
      await update
        .set(event.type.startsWith('Rating') ? {} : changes)
        .set({ stream_revision: revision })
        .execute();
    }
  },
};

function changesFor(event: AppraisalEvent): Changes {
  switch (event.type) {
    case 'RaterChanged.v1':
      return {};
    case 'AppraisalTransferred.v1':
      return { unit_id: event.data.toUnitId };
    case 'AppraisalEnded.v1':
      return { status: 'ENDED' };
    case 'SelfAssessmentSubmitted.v1':
      return { self_hasil_kerja: event.data.hasilKerja, self_perilaku: event.data.perilaku };
    case 'PeerInputSubmitted.v1':
      return {
        peer_ratings: sql`peer_ratings || ${JSON.stringify([event.data.values.map((v) => v.rating)])}::jsonb`,
      };
    case 'SupervisorRatingSubmitted.v1': {
      const d = event.data;
      return {
        // A new version after an approved one: a revision (during determination, to fit the curve).
        revised_after_approval: sql<boolean>`revised_after_approval OR approved`,
        revised_by_nip: sql<string | null>`CASE WHEN approved THEN ${d.raterNip} ELSE revised_by_nip END`,
        rating_version: d.version,
        rater_nip: d.raterNip,
        hasil_kerja: d.hasilKerja,
        perilaku: d.perilaku,
        predikat: d.predikat,
        competency_levels: JSON.stringify(d.competencyLevels),
        justification_length: (d.justification ?? '').trim().length,
        evidence_count: d.evidenceIds.length,
        conflict_of_interest: d.conflictOfInterestDeclarationIds.length > 0,
        approved: false,
      };
    }
    case 'RatingApproved.v1':
      return { approved: true };
    case 'RatingReturned.v1':
      return { approved: false };
    case 'ResultPublished.v1':
      return { final_predikat: event.data.predikat };
    case 'ObjectionFiled.v1':
      return { objections_filed: sql<number>`objections_filed + 1` };
    case 'ObjectionDecided.v1':
      return {
        objection_outcome: event.data.outcome,
        ...(event.data.outcome === 'CHANGED' ? { final_predikat: event.data.after.predikat } : {}),
      };
    default:
      return {};
  }
}
