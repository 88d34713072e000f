import type { Kysely } from 'kysely';
import { activeSchema } from '../../../projections/src/projection.js';
import type { PlanStatus } from '../../../appraisal/src/appraisal/appraisal-state.js';
import type { Predikat, Rating } from '../../../policy/src/policy.js';
import { appraisalNames, directoryNames, type AppraisalNames } from './appraisal-names.js';
import { APPRAISALS } from './appraisals.projection.js';
import type { AppraisalRow, AppraisalTables } from './appraisals.tables.js';

/** One row; the names (AppraisalNames) are the employee directory's at read time, the appraisal keeps NIPs. */
export interface AppraisalSummary extends AppraisalNames {
  cycleId: string;
  nip: string;
  agencyId: string;
  unitId: string;
  raterNip: string | null;
  raterSupervisorNip: string | null;
  status: 'ACTIVE' | 'ENDED';
  planStatus: PlanStatus;
  selfAssessed: boolean;
  /** The latest supervisor rating's version and status; null before the first rating. */
  ratingVersion: number | null;
  ratingStatus: 'SUBMITTED' | 'APPROVED' | 'RETURNED' | null;
  forDialogue: boolean;
  conflictOfInterest: boolean;
  /** Of the approved rating (null until approved). */
  predikat: Predikat | null;
  hasilKerja: Rating | null;
  perilaku: Rating | null;
  published: boolean;
  publishedPredikat: Predikat | null;
  receivedAt: string | null;
  /** Last local date (YYYY-MM-DD) to file a keberatan; null until the result is received. */
  objectionLastDay: string | null;
  populationId: string;
  /** Taken out of the cycle's assessment by HR: not assessed, not in the population's curve. */
  excluded: boolean;
  /** Revision of the appraisal stream (its ETag). */
  revision: string;
  updatedAt: string;
}

export const RATING_STATUS_FILTERS = ['NOT_RATED', 'SUBMITTED', 'APPROVED', 'RETURNED'] as const;
export type RatingStatusFilter = (typeof RATING_STATUS_FILTERS)[number];

export interface AppraisalPage {
  items: AppraisalSummary[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface AppraisalListFilter {
  cycleId: string;
  unitId?: string;
  raterNip?: string;
  raterSupervisorNip?: string;
  nip?: string;
  populationId?: string;
  status?: 'ACTIVE' | 'ENDED';
  /**
   * Rows matching at least one of these (each given one), on top of the filters above: relation-based access,
   * e.g. a principal who is both a rater and an atasan sees `{ raterNip: me, raterSupervisorNip: me }`.
   */
  anyOf?: { raterNip?: string; raterSupervisorNip?: string; nip?: string };
  /** Only rows nobody can rate (no rater) or approve (no rater's supervisor). */
  missing?: 'RATER' | 'RATER_SUPERVISOR';
  planStatus?: PlanStatus;
  /** The latest rating's status; NOT_RATED: no rating submitted yet. */
  ratingStatus?: RatingStatusFilter;
  /** The approved rating's predikat. */
  predikat?: Predikat;
  forDialogue?: boolean;
  conflictOfInterest?: boolean;
  limit: number;
  /** The nextCursor of the previous page: the last NIP seen. */
  after?: string;
}

export interface PopulationMember {
  nip: string;
  /** Of the approved rating; null when none is approved. */
  predikat: Predikat | null;
  ratingVersion: number | null;
  ratingStatus: 'SUBMITTED' | 'APPROVED' | 'RETURNED' | null;
}

const iso = (value: string | Date | null): string | null => (value === null ? null : new Date(value).toISOString());

const toSummary = (row: AppraisalRow, names: ReadonlyMap<string, string>): AppraisalSummary => ({
  ...appraisalNames(names, { nip: row.nip, raterNip: row.rater_nip, raterSupervisorNip: row.rater_supervisor_nip }),
  cycleId: row.cycle_id,
  nip: row.nip,
  agencyId: row.agency_id,
  unitId: row.unit_id,
  raterNip: row.rater_nip,
  raterSupervisorNip: row.rater_supervisor_nip,
  status: row.status,
  planStatus: row.plan_status,
  selfAssessed: row.self_assessed,
  ratingVersion: row.rating_version,
  ratingStatus: row.rating_status,
  forDialogue: row.for_dialogue,
  conflictOfInterest: row.conflict_of_interest,
  predikat: row.predikat,
  hasilKerja: row.hasil_kerja,
  perilaku: row.perilaku,
  published: row.published,
  publishedPredikat: row.published_predikat,
  receivedAt: iso(row.received_at),
  objectionLastDay: row.objection_last_day,
  populationId: row.population_id,
  excluded: row.excluded,
  revision: row.stream_revision,
  updatedAt: iso(row.updated_at) as string,
});

async function tables(db: Kysely<unknown>) {
  return (db as Kysely<AppraisalTables>).withSchema(await activeSchema(db, APPRAISALS));
}

/** A cycle's appraisals, filtered, keyset-paginated by NIP (stable while appraisals are added). */
export async function listAppraisals(db: Kysely<unknown>, filter: AppraisalListFilter): Promise<AppraisalPage> {
  let query = (await tables(db))
    .selectFrom('appraisals')
    .selectAll()
    .where('cycle_id', '=', filter.cycleId)
    .orderBy('nip')
    .limit(filter.limit + 1);
  const exact = ['unitId', 'raterNip', 'raterSupervisorNip', 'nip', 'populationId', 'status'] as const;
  const columns = {
    unitId: 'unit_id',
    raterNip: 'rater_nip',
    raterSupervisorNip: 'rater_supervisor_nip',
    nip: 'nip',
    populationId: 'population_id',
    status: 'status',
  } as const;
  for (const key of exact) {
    const value = filter[key];
    if (value !== undefined) query = query.where(columns[key], '=', value);
  }
  const anyOf = Object.entries(filter.anyOf ?? {}).filter(([, value]) => value !== undefined) as [
    'raterNip' | 'raterSupervisorNip' | 'nip',
    string,
  ][];
  if (filter.anyOf !== undefined) {
    // An empty anyOf matches nothing (deny by default), never everything.
    query = query.where((eb) => eb.or(anyOf.map(([key, value]) => eb(columns[key], '=', value))));
  }
  if (filter.missing !== undefined) {
    query = query.where(filter.missing === 'RATER' ? 'rater_nip' : 'rater_supervisor_nip', 'is', null);
  }
  if (filter.planStatus !== undefined) query = query.where('plan_status', '=', filter.planStatus);
  if (filter.ratingStatus === 'NOT_RATED') query = query.where('rating_status', 'is', null);
  else if (filter.ratingStatus !== undefined) query = query.where('rating_status', '=', filter.ratingStatus);
  if (filter.predikat !== undefined) query = query.where('predikat', '=', filter.predikat);
  if (filter.forDialogue !== undefined) query = query.where('for_dialogue', '=', filter.forDialogue);
  if (filter.conflictOfInterest !== undefined) {
    query = query.where('conflict_of_interest', '=', filter.conflictOfInterest);
  }
  if (filter.after !== undefined) query = query.where('nip', '>', filter.after);
  const rows = await query.execute();
  const pageRows = rows.slice(0, filter.limit);
  const names = await namesOf(db, pageRows);
  const page = pageRows.map((row) => toSummary(row, names));
  return { items: page, nextCursor: rows.length > filter.limit ? page[page.length - 1].nip : null };
}

/** One query for the names of every person on the rows (employee, rater, rater's supervisor). */
const namesOf = (db: Kysely<unknown>, rows: readonly AppraisalRow[]) =>
  directoryNames(
    db,
    rows.flatMap((r) => [r.nip, r.rater_nip, r.rater_supervisor_nip]),
  );

export async function getAppraisalSummary(
  db: Kysely<unknown>,
  cycleId: string,
  nip: string,
): Promise<AppraisalSummary | undefined> {
  const row = await (
    await tables(db)
  )
    .selectFrom('appraisals')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .where('nip', '=', nip)
    .executeTakeFirst();
  return row ? toSummary(row, await namesOf(db, [row])) : undefined;
}

/** The active, not excluded appraisals of one cycle population, by NIP: whose predikat the curve is checked against. */
export async function populationMembers(
  db: Kysely<unknown>,
  cycleId: string,
  populationId: string,
): Promise<PopulationMember[]> {
  const rows = await (
    await tables(db)
  )
    .selectFrom('appraisals')
    .select(['nip', 'predikat', 'rating_version', 'rating_status'])
    .where('cycle_id', '=', cycleId)
    .where('population_id', '=', populationId)
    .where('status', '=', 'ACTIVE')
    .where('excluded', '=', false)
    .orderBy('nip')
    .execute();
  return rows.map((r) => ({
    nip: r.nip,
    predikat: r.predikat,
    ratingVersion: r.rating_version,
    ratingStatus: r.rating_status,
  }));
}

/** The populations that have active appraisals in the cycle, sorted: all must be determined before publication. */
export async function populationIdsOf(db: Kysely<unknown>, cycleId: string): Promise<string[]> {
  const rows = await (
    await tables(db)
  )
    .selectFrom('appraisals')
    .select('population_id')
    .distinct()
    .where('cycle_id', '=', cycleId)
    .where('status', '=', 'ACTIVE')
    .where('excluded', '=', false)
    .orderBy('population_id')
    .execute();
  return rows.map((r) => r.population_id);
}
