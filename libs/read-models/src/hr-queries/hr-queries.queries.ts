// HR's work lists over the appraisals read model (README "HR queries"): what is overdue against the cycle's
// phase, and who is due a follow-up after publication. Reads only; keyset-paginated by NIP like the appraisal
// list. Names come from the employee directory at read time (appraisal-names.ts).
import type { Kysely } from 'kysely';
import { activeSchema } from '../../../projections/src/projection.js';
import type { PlanStatus } from '../../../appraisal/src/appraisal/appraisal-state.js';
import { CYCLE_PHASES, type CyclePhase } from '../../../appraisal/src/cycle/cycle-events.js';
import type { Predikat } from '../../../policy/src/policy.js';
import { directoryNames } from '../appraisals/appraisal-names.js';
import { APPRAISALS } from '../appraisals/appraisals.projection.js';
import type { AppraisalTables } from '../appraisals/appraisals.tables.js';

export const OVERDUE_APPRAISAL_KINDS = ['PLAN', 'RATING'] as const;
export type OverdueAppraisalKind = (typeof OVERDUE_APPRAISAL_KINDS)[number];

/**
 * The phase by which each step is due: a plan must be approved before the cycle leaves PLANNING (IN_PROGRESS is
 * the performance period under the agreed SKP), a rating approved before it leaves ASSESSMENT (DETERMINATION
 * applies the curve to approved predikat). The policy sets no dates for either (docs/domain-rules.md section 4).
 */
export const OVERDUE_FROM: Record<OverdueAppraisalKind, CyclePhase> = { PLAN: 'IN_PROGRESS', RATING: 'DETERMINATION' };

export const isOverdueIn = (kind: OverdueAppraisalKind, phase: CyclePhase): boolean =>
  CYCLE_PHASES.indexOf(phase) >= CYCLE_PHASES.indexOf(OVERDUE_FROM[kind]);

export interface HrAppraisalItem {
  nip: string;
  name: string | null;
  unitId: string;
  populationId: string;
  raterNip: string | null;
  raterName: string | null;
  raterSupervisorNip: string | null;
  planStatus: PlanStatus;
  ratingStatus: 'SUBMITTED' | 'APPROVED' | 'RETURNED' | null;
  predikat: Predikat | null;
  publishedPredikat: Predikat | null;
}

export interface HrAppraisalPage<T> {
  items: T[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

export const FOLLOW_UP_KINDS = ['COACHING', 'TALENT_POOL'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/** As derive-recommendations.ts recommends at publication: COACHING for BUTUH_PERBAIKAN and below. */
export const FOLLOW_UP_PREDIKAT: Record<FollowUpKind, readonly Predikat[]> = {
  COACHING: ['BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'],
  TALENT_POOL: ['SANGAT_BAIK'],
};

export interface FollowUpItem extends HrAppraisalItem {
  kind: FollowUpKind;
}

interface Page {
  cycleId: string;
  unitId?: string;
  limit: number;
  after?: string;
}

async function appraisals(db: Kysely<unknown>) {
  return (db as Kysely<AppraisalTables>).withSchema(await activeSchema(db, APPRAISALS));
}

type Narrowing = { pending: OverdueAppraisalKind } | { publishedPredikat: readonly Predikat[] };

async function fetchRows(db: Kysely<unknown>, filter: Page, narrowing: Narrowing) {
  let query = (await appraisals(db))
    .selectFrom('appraisals')
    .selectAll()
    .where('cycle_id', '=', filter.cycleId)
    // Ended (transferred out, retired) and excluded appraisals owe nothing.
    .where('status', '=', 'ACTIVE')
    .where('excluded', '=', false)
    .orderBy('nip')
    .limit(filter.limit + 1);
  if (filter.unitId !== undefined) query = query.where('unit_id', '=', filter.unitId);
  if (filter.after !== undefined) query = query.where('nip', '>', filter.after);
  if ('pending' in narrowing) {
    query =
      narrowing.pending === 'PLAN'
        ? query.where('plan_status', '!=', 'APPROVED')
        : query.where((eb) => eb.or([eb('rating_status', 'is', null), eb('rating_status', '!=', 'APPROVED')]));
  } else {
    query = query.where('published', '=', true).where('published_predikat', 'in', [...narrowing.publishedPredikat]);
  }
  return query.execute();
}

async function page<T>(
  db: Kysely<unknown>,
  rows: Awaited<ReturnType<typeof fetchRows>>,
  limit: number,
  map: (item: HrAppraisalItem) => T,
): Promise<HrAppraisalPage<T>> {
  const pageRows = rows.slice(0, limit);
  const names = await directoryNames(
    db,
    pageRows.flatMap((r) => [r.nip, r.rater_nip]),
  );
  const items = pageRows.map((r) =>
    map({
      nip: r.nip,
      name: names.get(r.nip) ?? null,
      unitId: r.unit_id,
      populationId: r.population_id,
      raterNip: r.rater_nip,
      raterName: r.rater_nip === null ? null : (names.get(r.rater_nip) ?? null),
      raterSupervisorNip: r.rater_supervisor_nip,
      planStatus: r.plan_status,
      ratingStatus: r.rating_status,
      predikat: r.predikat,
      publishedPredikat: r.published_predikat,
    }),
  );
  return { items, nextCursor: rows.length > limit ? pageRows[pageRows.length - 1].nip : null };
}

/**
 * Active appraisals whose plan is not approved (PLAN) or whose latest rating is not approved, including none
 * yet (RATING). Whether they are overdue is the caller's call (isOverdueIn the cycle's phase).
 */
export async function pendingAppraisals(
  db: Kysely<unknown>,
  filter: Page & { kind: OverdueAppraisalKind },
): Promise<HrAppraisalPage<HrAppraisalItem>> {
  const rows = await fetchRows(db, filter, { pending: filter.kind });
  return page(db, rows, filter.limit, (item) => item);
}

/** Published results that call for a follow-up: COACHING (BUTUH_PERBAIKAN and below) or TALENT_POOL. */
export async function followUps(
  db: Kysely<unknown>,
  filter: Page & { kind?: FollowUpKind },
): Promise<HrAppraisalPage<FollowUpItem>> {
  const wanted = filter.kind === undefined ? FOLLOW_UP_KINDS : [filter.kind];
  const rows = await fetchRows(db, filter, { publishedPredikat: wanted.flatMap((k) => FOLLOW_UP_PREDIKAT[k]) });
  return page(db, rows, filter.limit, (item) => ({
    ...item,
    kind: FOLLOW_UP_KINDS.find((k) => FOLLOW_UP_PREDIKAT[k].includes(item.publishedPredikat!))!,
  }));
}

/** Every page of a list, one page at a time (CSV exports: never the whole list in memory). */
export async function* everyPage<T>(
  fetch: (after: string | undefined) => Promise<HrAppraisalPage<T>>,
): AsyncGenerator<T> {
  let after: string | undefined;
  do {
    const next = await fetch(after);
    yield* next.items;
    after = next.nextCursor ?? undefined;
  } while (after !== undefined);
}
