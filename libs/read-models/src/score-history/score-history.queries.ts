// Reads of score_history: one appraisal's history (keyset by stream revision) and one employee's published
// results across cycles (keyset by period start, then cycle id). Access is the caller's (apps/api score-history).
import type { Kysely } from 'kysely';
import { activeSchema } from '../../../projections/src/projection.js';
import type { Predikat, Rating } from '../../../policy/src/policy.js';
import type { CycleKind, CyclePhase } from '../../../appraisal/src/cycle/cycle-events.js';
import { appraisalStreamName } from '../../../appraisal/src/appraisal/appraisal-events.js';
import { SCORE_HISTORY } from './score-history.projection.js';
import type { CompetencyGap, ScoreChange, ScoreHistoryTables, ScoreMove } from './score-history.tables.js';

export interface ScoreHistoryEntry {
  /** The event's revision in the appraisal stream: GET .../events shows the event itself. */
  revision: string;
  change: ScoreChange;
  phase: CyclePhase | null;
  ratingVersion: number | null;
  scores: ScoreMove[];
  /** The predikat standing after this change. */
  predikat: Predikat | null;
  by: { nip: string | null; role: string };
  reason: string | null;
  at: string;
}

export interface ScoreHistoryPage {
  items: ScoreHistoryEntry[];
  nextCursor: string | null;
}

export interface ScoreTrendItem {
  cycleId: string;
  agencyId: string;
  kind: CycleKind | null;
  periodStart: string | null;
  periodEnd: string | null;
  ratingVersion: number;
  hasilKerja: Rating;
  perilaku: Rating;
  predikat: Predikat;
  publishedAt: string;
  /** A keberatan decided CHANGED replaced the published result. */
  changedOnObjection: boolean;
  /** The levels (1-5) the rater observed in the published rating, by competency code. */
  competencyLevels: { code: string; level: number }[];
  /**
   * Competencies observed below the level the position requires in the cycle's pinned framework, each with its
   * training recommendation (derived at publication: libs/appraisal/src/recommendations).
   */
  competencyGaps: (CompetencyGap & { recommendation: 'TRAINING' })[];
}

export interface ScoreTrendPage {
  items: ScoreTrendItem[];
  nextCursor: string | null;
}

const iso = (value: string | Date): string => new Date(value).toISOString();

/** One appraisal's score history in stream order; `after` is the revision of the previous page's last entry. */
export async function scoreHistory(
  db: Kysely<unknown>,
  cycleId: string,
  nip: string,
  page: { after?: string; limit: number },
): Promise<ScoreHistoryPage> {
  let query = (db as Kysely<ScoreHistoryTables>)
    .withSchema(await activeSchema(db, SCORE_HISTORY))
    .selectFrom('score_entries')
    .selectAll()
    .where('stream_id', '=', appraisalStreamName(cycleId, nip))
    .orderBy('stream_revision')
    .limit(page.limit + 1);
  if (page.after !== undefined) query = query.where('stream_revision', '>', page.after);
  const rows = await query.execute();
  const items = rows.slice(0, page.limit);
  return {
    items: items.map((r) => ({
      revision: String(r.stream_revision),
      change: r.change,
      phase: r.phase,
      ratingVersion: r.rating_version,
      scores: r.scores,
      predikat: r.predikat,
      by: { nip: r.by_nip, role: r.by_role },
      reason: r.reason,
      at: iso(r.occurred_at),
    })),
    nextCursor: rows.length > page.limit ? String(items[items.length - 1].stream_revision) : null,
  };
}

/** Cursors of the trend: `periodStart|cycleId`, base64url. */
const encode = (key: string) => Buffer.from(key, 'utf8').toString('base64url');
const decode = (cursor: string) => Buffer.from(cursor, 'base64url').toString('utf8');

/**
 * An employee's published results, oldest period first. `agencyId` limits them to one agency's cycles (HR reads
 * its own agency's); omitted, every agency's (the employee themself, AUDITOR).
 */
export async function scoreTrend(
  db: Kysely<unknown>,
  nip: string,
  filter: { agencyId?: string; after?: string; limit: number },
): Promise<ScoreTrendPage> {
  let query = (db as Kysely<ScoreHistoryTables>)
    .withSchema(await activeSchema(db, SCORE_HISTORY))
    .selectFrom('score_results as r')
    .innerJoin('score_current as c', 'c.stream_id', 'r.stream_id')
    .leftJoin('score_cycles as y', 'y.cycle_id', 'r.cycle_id')
    .select([
      'r.cycle_id',
      'r.agency_id',
      'r.rating_version',
      'r.hasil_kerja',
      'r.perilaku',
      'r.predikat',
      'r.published_at',
      'r.changed_on_objection',
      'r.competency_gaps',
      'r.competency_levels',
      'c.period_start',
      'c.period_end',
      'y.kind',
    ])
    .where('r.nip', '=', nip)
    .orderBy('c.period_start')
    .orderBy('r.cycle_id')
    .limit(filter.limit + 1);
  if (filter.agencyId !== undefined) query = query.where('r.agency_id', '=', filter.agencyId);
  if (filter.after !== undefined) {
    const [start, cycleId = ''] = decode(filter.after).split('|');
    query = query.where((eb) =>
      eb.or([
        eb('c.period_start', '>', start),
        eb.and([eb('c.period_start', '=', start), eb('r.cycle_id', '>', cycleId)]),
      ]),
    );
  }
  const rows = await query.execute();
  const items = rows.slice(0, filter.limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => ({
      cycleId: r.cycle_id,
      agencyId: r.agency_id,
      kind: r.kind ?? null,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      ratingVersion: r.rating_version,
      hasilKerja: r.hasil_kerja,
      perilaku: r.perilaku,
      predikat: r.predikat,
      publishedAt: iso(r.published_at),
      changedOnObjection: r.changed_on_objection,
      competencyLevels: r.competency_levels,
      competencyGaps: r.competency_gaps.map((g) => ({ ...g, recommendation: 'TRAINING' as const })),
    })),
    nextCursor: rows.length > filter.limit ? encode(`${last.period_start}|${last.cycle_id}`) : null,
  };
}
