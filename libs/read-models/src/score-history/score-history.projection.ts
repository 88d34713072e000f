// score_history: every value an appraisal's scores ever had (README "Score histories"): the supervisor's rating
// and each revised version, returns with their reasons, approvals, revisions in DETERMINATION (to fit the
// curve), the published result and a keberatan's decision, each with who, when and why; and per appraisal the
// published result as it finally stands (the employee's trend across cycles, with the competency gaps).
//
// Appraisal events pass the stream's guard in appraisal_parties first (../objections/appraisal-parties.ts), cycle
// events the cycle row's stream_revision: applied twice or in other batches, the tables come out the same. The
// cycle's phase is read from score_cycles as it stands at the event's place in $all, so a rebuild sees the same.
import type { Kysely, Transaction } from 'kysely';
import type { RecordedEvent } from '../../../event-store/src/port.js';
import type { AppraisalEvent, AppraisalEventOf } from '../../../appraisal/src/appraisal/appraisal-events.js';
import type { CycleEvent } from '../../../appraisal/src/cycle/cycle-events.js';
import type { Projection } from '../../../projections/src/projection.js';
import type { Predikat } from '../../../policy/src/policy.js';
import { advanceAppraisal, migrateAppraisalParties, PARTY_EVENT_TYPES } from '../objections/appraisal-parties.js';
import type {
  CompetencyGap,
  ScoreChange,
  ScoreEntryRow,
  ScoreHistoryTables,
  ScoreItem,
  ScoreMove,
  ScoreValue,
} from './score-history.tables.js';

export const SCORE_HISTORY = 'score_history';

const SCORE_EVENTS = [
  'RealisationRecorded.v1',
  'SupervisorRatingSubmitted.v1',
  'RatingReturned.v1',
  'RatingApproved.v1',
  'ResultPublished.v1',
  'ObjectionDecided.v1',
] as const satisfies readonly AppraisalEvent['type'][];
const CYCLE_EVENTS = ['CycleOpened.v1', 'CyclePhaseAdvanced.v1'] as const satisfies readonly CycleEvent['type'][];

type Db = Kysely<ScoreHistoryTables>;

/** The key of one score in score_current: stable text per item. */
export function scoreKey(item: ScoreItem): string {
  switch (item.kind) {
    case 'REALISATION':
      return `REALISATION:${item.rhkId}/${item.ikiId}`;
    case 'COMPETENCY':
      return `COMPETENCY:${item.code}`;
    default:
      return item.kind;
  }
}

function itemOf(key: string): ScoreItem {
  if (key.startsWith('REALISATION:')) {
    const [rhkId, ikiId] = key.slice('REALISATION:'.length).split('/');
    return { kind: 'REALISATION', rhkId, ikiId };
  }
  if (key.startsWith('COMPETENCY:')) return { kind: 'COMPETENCY', code: key.slice('COMPETENCY:'.length) };
  return { kind: key as 'HASIL_KERJA' | 'PERILAKU' | 'PREDIKAT' };
}

const realisationValue = (r: { value: number | null; narrative: string | null }): ScoreValue => r.value ?? r.narrative;

/** The scores a supervisor rating sets, in a stable order: overall ratings, realisations, competencies. */
function ratingScores(d: AppraisalEventOf<'SupervisorRatingSubmitted.v1'>['data']): [string, ScoreValue][] {
  return [
    ['HASIL_KERJA', d.hasilKerja],
    ['PERILAKU', d.perilaku],
    ['PREDIKAT', d.predikat],
    ...d.realisations.map((r): [string, ScoreValue] => [
      scoreKey({ kind: 'REALISATION', rhkId: r.rhkId, ikiId: r.ikiId }),
      realisationValue(r),
    ]),
    ...d.competencyLevels.map((c): [string, ScoreValue] => [scoreKey({ kind: 'COMPETENCY', code: c.code }), c.level]),
  ];
}

/**
 * Moves from `current` to `next`: every key of `next`, plus (when `replaces`) the competency levels of the previous
 * version the new one no longer carries, as null (a revised rating replaces the version's observations).
 * Realisations stay: the employee records them outside the rating too (RealisationRecorded.v1).
 */
function moves(current: Record<string, ScoreValue>, next: [string, ScoreValue][], replaces: boolean): ScoreMove[] {
  const listed = new Set(next.map(([key]) => key));
  const dropped: [string, ScoreValue][] = replaces
    ? Object.keys(current)
        .filter((key) => !listed.has(key) && key.startsWith('COMPETENCY:'))
        .sort()
        .map((key) => [key, null])
    : [];
  return [...next, ...dropped].map(([key, value]) => ({ item: itemOf(key), value, previous: current[key] ?? null }));
}

const gapsOf = (recommendations: AppraisalEventOf<'ResultPublished.v1'>['data']['recommendations']): CompetencyGap[] =>
  recommendations.flatMap((r) =>
    r.kind === 'TRAINING'
      ? [
          {
            competencyCode: r.competencyCode,
            requiredLevel: r.requiredLevel,
            observedLevel: r.observedLevel,
            gap: r.gap,
          },
        ]
      : [],
  );

export const scoreHistoryProjection: Projection = {
  name: SCORE_HISTORY,
  version: 1,
  handles: [...PARTY_EVENT_TYPES, ...SCORE_EVENTS, ...CYCLE_EVENTS],

  async migrate(db, schema) {
    await migrateAppraisalParties(db, schema);
    const s = db.schema.withSchema(schema);
    await s
      .createTable('score_entries')
      .addColumn('stream_id', 'text', (c) => c.notNull())
      .addColumn('stream_revision', 'bigint', (c) => c.notNull())
      .addColumn('cycle_id', 'text', (c) => c.notNull())
      .addColumn('nip', 'text', (c) => c.notNull())
      .addColumn('agency_id', 'text', (c) => c.notNull())
      .addColumn('change', 'text', (c) => c.notNull())
      .addColumn('phase', 'text')
      .addColumn('rating_version', 'integer')
      .addColumn('scores', 'jsonb', (c) => c.notNull())
      .addColumn('predikat', 'text')
      .addColumn('by_nip', 'text')
      .addColumn('by_role', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('score_entries_pk', ['stream_id', 'stream_revision'])
      .execute();
    await s
      .createTable('score_current')
      .addColumn('stream_id', 'text', (c) => c.primaryKey())
      .addColumn('period_start', 'text', (c) => c.notNull())
      .addColumn('period_end', 'text', (c) => c.notNull())
      .addColumn('scores', 'jsonb', (c) => c.notNull())
      .addColumn('approved', 'boolean', (c) => c.notNull())
      .execute();
    await s
      .createTable('score_cycles')
      .addColumn('cycle_id', 'text', (c) => c.primaryKey())
      .addColumn('agency_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('period_start', 'text', (c) => c.notNull())
      .addColumn('period_end', 'text', (c) => c.notNull())
      .addColumn('phase', 'text', (c) => c.notNull())
      .addColumn('stream_revision', 'bigint', (c) => c.notNull())
      .execute();
    await s
      .createTable('score_results')
      .addColumn('stream_id', 'text', (c) => c.primaryKey())
      .addColumn('cycle_id', 'text', (c) => c.notNull())
      .addColumn('nip', 'text', (c) => c.notNull())
      .addColumn('agency_id', 'text', (c) => c.notNull())
      .addColumn('rating_version', 'integer', (c) => c.notNull())
      .addColumn('hasil_kerja', 'text', (c) => c.notNull())
      .addColumn('perilaku', 'text', (c) => c.notNull())
      .addColumn('predikat', 'text', (c) => c.notNull())
      .addColumn('published_at', 'timestamptz', (c) => c.notNull())
      .addColumn('changed_on_objection', 'boolean', (c) => c.notNull())
      .addColumn('competency_gaps', 'jsonb', (c) => c.notNull())
      .addColumn('competency_levels', 'jsonb', (c) => c.notNull())
      .execute();
    await s.createIndex('score_results_nip').on('score_results').columns(['nip', 'cycle_id']).execute();
  },

  async apply(trx, schema, events: RecordedEvent[]) {
    const db = (trx as Transaction<ScoreHistoryTables>).withSchema(schema) as unknown as Db;
    for (const recorded of events) {
      if ((CYCLE_EVENTS as readonly string[]).includes(recorded.type)) {
        await applyCycleEvent(db, recorded);
        continue;
      }
      const parties = await advanceAppraisal(db as unknown as Kysely<unknown>, recorded);
      if (!parties) continue;
      const event = { type: recorded.type, data: recorded.data } as unknown as AppraisalEvent;
      if (event.type === 'AppraisalStarted.v1') {
        const { periodStart, periodEnd } = event.data;
        const fresh = { period_start: periodStart, period_end: periodEnd, scores: JSON.stringify({}), approved: false };
        await db
          .insertInto('score_current')
          .values({ stream_id: recorded.streamName, ...fresh } as never)
          .onConflict((oc) => oc.column('stream_id').doUpdateSet(fresh as never))
          .execute();
        continue;
      }
      if (!(SCORE_EVENTS as readonly string[]).includes(event.type)) continue;
      const current = await db
        .selectFrom('score_current')
        .select(['scores', 'approved'])
        .where('stream_id', '=', recorded.streamName)
        .executeTakeFirst();
      const cycle = await db
        .selectFrom('score_cycles')
        .select('phase')
        .where('cycle_id', '=', parties.cycle_id)
        .executeTakeFirst();
      const entry = entryFor(event, current?.scores ?? {}, current?.approved ?? false);
      if (!entry) continue;
      const after = { ...(current?.scores ?? {}) };
      for (const move of entry.scores) {
        const key = scoreKey(move.item);
        if (move.value === null) delete after[key];
        else after[key] = move.value;
      }
      const row: ScoreEntryRow = {
        stream_id: recorded.streamName,
        stream_revision: String(recorded.revision),
        cycle_id: parties.cycle_id,
        nip: parties.nip,
        agency_id: parties.agency_id,
        change: entry.change,
        phase: cycle?.phase ?? null,
        rating_version: entry.ratingVersion,
        scores: entry.scores,
        predikat: (after.PREDIKAT as Predikat | undefined) ?? null,
        by_nip: entry.byNip,
        by_role: recorded.metadata.actor.role,
        reason: entry.reason,
        occurred_at: recorded.metadata.occurredAt,
      };
      await db
        .insertInto('score_entries')
        .values({ ...row, scores: JSON.stringify(row.scores) } as never)
        .execute();
      await db
        .updateTable('score_current')
        .set({
          scores: JSON.stringify(after),
          approved: (current?.approved ?? false) || entry.change === 'APPROVED',
        } as never)
        .where('stream_id', '=', recorded.streamName)
        .execute();
      await applyResult(db, event, row, after);
    }
  },
};

interface Entry {
  change: ScoreChange;
  ratingVersion: number | null;
  scores: ScoreMove[];
  byNip: string | null;
  reason: string | null;
}

function entryFor(event: AppraisalEvent, current: Record<string, ScoreValue>, approved: boolean): Entry | null {
  switch (event.type) {
    case 'RealisationRecorded.v1': {
      const d = event.data;
      const key = scoreKey({ kind: 'REALISATION', rhkId: d.rhkId, ikiId: d.ikiId });
      return {
        change: 'REALISATION_RECORDED',
        ratingVersion: null,
        scores: moves(current, [[key, realisationValue(d)]], false),
        byNip: d.recordedByNip,
        reason: null,
      };
    }
    case 'SupervisorRatingSubmitted.v1': {
      const d = event.data;
      // A version after an approved one revises an approved result, which the rater may do in DETERMINATION
      // only (submit-supervisor-rating.ts): a revision to fit the curve. Told from the stream itself, not from
      // the cycle's phase, so a rating racing a phase change is labelled by what it did.
      const change: ScoreChange = d.version === 1 ? 'RATED' : approved ? 'REVISED_IN_DETERMINATION' : 'REVISED';
      return {
        change,
        ratingVersion: d.version,
        scores: moves(current, ratingScores(d), d.version > 1),
        byNip: d.raterNip,
        reason: d.justification,
      };
    }
    case 'RatingReturned.v1':
      return {
        change: 'RETURNED',
        ratingVersion: event.data.version,
        scores: [],
        byNip: event.data.returnedByNip,
        reason: event.data.reasons,
      };
    case 'RatingApproved.v1':
      return {
        change: 'APPROVED',
        ratingVersion: event.data.version,
        scores: [],
        byNip: event.data.approvedByNip,
        reason: event.data.conflictOfInterest?.acknowledgement ?? null,
      };
    case 'ResultPublished.v1': {
      const d = event.data;
      return {
        change: 'PUBLISHED',
        ratingVersion: d.ratingVersion,
        scores: moves(
          current,
          [
            ['HASIL_KERJA', d.hasilKerja],
            ['PERILAKU', d.perilaku],
            ['PREDIKAT', d.predikat],
          ],
          false,
        ),
        byNip: null,
        reason: null,
      };
    }
    case 'ObjectionDecided.v1': {
      const d = event.data;
      const changed = d.outcome === 'CHANGED';
      // The decision states the result before and after: the history shows those, not our running copy.
      const scores: ScoreMove[] = changed
        ? [
            { item: { kind: 'HASIL_KERJA' }, value: d.after.hasilKerja, previous: d.before.hasilKerja },
            { item: { kind: 'PERILAKU' }, value: d.after.perilaku, previous: d.before.perilaku },
            { item: { kind: 'PREDIKAT' }, value: d.after.predikat, previous: d.before.predikat },
          ]
        : [];
      return {
        change: changed ? 'OBJECTION_CHANGED' : 'OBJECTION_UPHELD',
        ratingVersion: null,
        scores,
        byNip: d.decidedByNip,
        reason: d.reasons,
      };
    }
    default:
      return null;
  }
}

/** The observed competency levels among the standing scores, by code. */
const levelsOf = (scores: Record<string, ScoreValue>) =>
  Object.entries(scores)
    .filter(([key]) => key.startsWith('COMPETENCY:'))
    .map(([key, level]) => ({ code: key.slice('COMPETENCY:'.length), level: Number(level) }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

async function applyResult(
  db: Db,
  event: AppraisalEvent,
  row: ScoreEntryRow,
  scores: Record<string, ScoreValue>,
): Promise<void> {
  if (event.type === 'ResultPublished.v1') {
    const d = event.data;
    const result = {
      cycle_id: row.cycle_id,
      nip: row.nip,
      agency_id: row.agency_id,
      rating_version: d.ratingVersion,
      hasil_kerja: d.hasilKerja,
      perilaku: d.perilaku,
      predikat: d.predikat,
      published_at: d.publishedAt,
      changed_on_objection: false,
      competency_gaps: JSON.stringify(gapsOf(d.recommendations)),
      // The standing levels are the published version's: publication follows the approved rating.
      competency_levels: JSON.stringify(levelsOf(scores)),
    };
    await db
      .insertInto('score_results')
      .values({ stream_id: row.stream_id, ...result } as never)
      .onConflict((oc) => oc.column('stream_id').doUpdateSet(result as never))
      .execute();
  } else if (event.type === 'ObjectionDecided.v1' && event.data.outcome === 'CHANGED') {
    const { after, recommendations } = event.data;
    await db
      .updateTable('score_results')
      .set({
        hasil_kerja: after.hasilKerja,
        perilaku: after.perilaku,
        predikat: after.predikat,
        changed_on_objection: true,
        competency_gaps: JSON.stringify(gapsOf(recommendations)),
      } as never)
      .where('stream_id', '=', row.stream_id)
      .execute();
  }
}

async function applyCycleEvent(db: Db, recorded: RecordedEvent): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as unknown as CycleEvent;
  const revision = String(recorded.revision);
  if (event.type === 'CycleOpened.v1') {
    const d = event.data;
    await db
      .insertInto('score_cycles')
      .values({
        cycle_id: d.cycleId,
        agency_id: d.agencyId,
        kind: d.kind,
        period_start: d.periodStart,
        period_end: d.periodEnd,
        phase: 'PLANNING',
        stream_revision: revision,
      })
      .onConflict((oc) => oc.column('cycle_id').doNothing())
      .execute();
  } else if (event.type === 'CyclePhaseAdvanced.v1') {
    await db
      .updateTable('score_cycles')
      .set({ phase: event.data.to, stream_revision: revision })
      .where('cycle_id', '=', recorded.streamName.slice('cycle-'.length))
      .where('stream_revision', '<', revision)
      .execute();
  }
}
