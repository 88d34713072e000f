import type { Kysely, Selectable } from 'kysely';
import { activeSchema } from '../../../projections/src/projection.js';
import type { FrameworkRef } from '../../../appraisal/src/appraisal/appraisal-events.js';
import type { CycleKind, CyclePhase } from '../../../appraisal/src/cycle/cycle-events.js';
import type { DistributionViolation, PredikatCounts } from '../../../policy/src/distribution.js';
import { PREDIKATS, type DistributionScope, type Predikat, type UnitPredikat } from '../../../policy/src/policy.js';
import type { PolicyRef } from '../../../policy/src/versions/policy-events.js';
import { APPRAISALS } from './appraisals.projection.js';
import type { AppraisalTables } from './appraisals.tables.js';
import { CYCLES } from './cycles.projection.js';
import type { CyclePopulationRow, CycleRow, CycleTables, PhaseChange } from './cycles.tables.js';

export interface CycleSummary {
  cycleId: string;
  agencyId: string;
  name: string;
  kind: CycleKind;
  periodStart: string;
  periodEnd: string;
  timeZone: string;
  rootUnitId: string;
  unitIds: string[];
  frameworkRef: FrameworkRef | null;
  policyRef: PolicyRef;
  distributionScope: DistributionScope;
  phase: CyclePhase;
  openedAt: string;
  phaseHistory: PhaseChange[];
  /** Revision of the cycle stream (its ETag). */
  revision: string;
}

export interface CyclePopulationView {
  populationId: string;
  unitPredikat: UnitPredikat | null;
  unitPredikatReason: string | null;
  determined: boolean;
  /** As determined; null before. */
  counts: PredikatCounts | null;
  /** The bounds broken at determination (non-empty only with an override); null before. */
  violations: DistributionViolation[] | null;
  /** Set when determined against a violated curve: flagged for audit. */
  override: { justification: string } | null;
  determinedByNip: string | null;
  /** Who determined it (the event's actor: HR and ADMIN act without a NIP); null before. */
  determinedBy: { id: string; role: string } | null;
  determinedAt: string | null;
  /** Predikat changed by keberatan after the determination (counts above are as they now stand). */
  changesByObjection: DistributionChange[];
  /** A change by objection left the curve violated: for HR to look at (the decisions stand). */
  flaggedAfterDetermination: boolean;
}

export interface DistributionChange {
  objectionId: string;
  nip: string;
  from: Predikat;
  to: Predikat;
  violations: DistributionViolation[];
  recordedAt: string;
}

export interface CycleView extends CycleSummary {
  /** Populations whose unit predikat was set or whose distribution was determined, by id. */
  populations: CyclePopulationView[];
}

export interface CyclePage {
  items: CycleSummary[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface PopulationDistribution {
  populationId: string;
  unitPredikat: UnitPredikat | null;
  determined: boolean;
  /** Every predikat, zeros included: as determined, or (before) the approved predikat of active appraisals now. */
  counts: Required<PredikatCounts>;
  /** Active appraisals in the population now, and how many of them have an approved rating. */
  activeAppraisals: number;
  approvedAppraisals: number;
  violations: DistributionViolation[];
  override: { justification: string } | null;
  determinedAt: string | null;
  /** Who determined it (the event's actor); null before. */
  determinedBy: { id: string; role: string } | null;
  /** A keberatan decision changed a predikat after the determination and the curve is now broken. */
  flaggedAfterDetermination: boolean;
  /** Predikat changed by keberatan after the determination (names NIPs: HR and auditors only). */
  changesByObjection: DistributionChange[];
}

export interface CycleDistribution {
  cycleId: string;
  phase: CyclePhase;
  distributionScope: DistributionScope;
  /** Every population with active appraisals or a unit predikat, by id. */
  populations: PopulationDistribution[];
}

const iso = (value: string | Date | null): string | null => (value === null ? null : new Date(value).toISOString());

const toSummary = (row: CycleRow): CycleSummary => ({
  cycleId: row.cycle_id,
  agencyId: row.agency_id,
  name: row.name,
  kind: row.kind,
  periodStart: row.period_start,
  periodEnd: row.period_end,
  timeZone: row.time_zone,
  rootUnitId: row.root_unit_id,
  unitIds: row.unit_ids as string[],
  frameworkRef: row.framework_ref as FrameworkRef | null,
  policyRef: row.policy_ref as PolicyRef,
  distributionScope: row.distribution_scope,
  phase: row.phase,
  openedAt: iso(row.opened_at) as string,
  phaseHistory: row.phase_history as PhaseChange[],
  revision: row.revision,
});

const toPopulation = (row: Selectable<CyclePopulationRow>): CyclePopulationView => ({
  populationId: row.population_id,
  unitPredikat: row.unit_predikat,
  unitPredikatReason: row.unit_predikat_reason,
  determined: row.determined,
  counts: row.counts as PredikatCounts | null,
  violations: row.violations as DistributionViolation[] | null,
  override: row.override_justification === null ? null : { justification: row.override_justification },
  determinedByNip: row.determined_by_nip,
  determinedBy: (row.determined_by as { id: string; role: string } | null) ?? null,
  determinedAt: iso(row.determined_at),
  changesByObjection: ((row.changes_by_objection as DistributionChange[] | null) ?? []).map(
    ({ objectionId, nip, from, to, violations, recordedAt }) => ({
      objectionId,
      nip,
      from,
      to,
      violations,
      recordedAt,
    }),
  ),
  flaggedAfterDetermination: row.flagged_after_determination,
});

async function tables(db: Kysely<unknown>) {
  return (db as Kysely<CycleTables>).withSchema(await activeSchema(db, CYCLES));
}

async function populationRows(db: Awaited<ReturnType<typeof tables>>, cycleId: string) {
  return db
    .selectFrom('cycle_populations')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .orderBy('population_id')
    .execute();
}

/** Cycles, filtered, keyset-paginated by cycle id. */
export async function listCycles(
  db: Kysely<unknown>,
  filter: { agencyId?: string; phase?: CyclePhase; limit: number; after?: string },
): Promise<CyclePage> {
  let query = (await tables(db))
    .selectFrom('cycles')
    .selectAll()
    .orderBy('cycle_id')
    .limit(filter.limit + 1);
  if (filter.agencyId !== undefined) query = query.where('agency_id', '=', filter.agencyId);
  if (filter.phase !== undefined) query = query.where('phase', '=', filter.phase);
  if (filter.after !== undefined) query = query.where('cycle_id', '>', filter.after);
  const rows = await query.execute();
  const page = rows.slice(0, filter.limit).map(toSummary);
  return { items: page, nextCursor: rows.length > filter.limit ? page[page.length - 1].cycleId : null };
}

export async function getCycle(db: Kysely<unknown>, cycleId: string): Promise<CycleView | undefined> {
  const t = await tables(db);
  const row = await t.selectFrom('cycles').selectAll().where('cycle_id', '=', cycleId).executeTakeFirst();
  if (!row) return undefined;
  return { ...toSummary(row), populations: (await populationRows(t, cycleId)).map(toPopulation) };
}

/**
 * Per population: the unit predikat and the determination from the cycle, with the counts as determined, or,
 * before determination, as the approved ratings of the active appraisals stand now (the appraisals read model).
 */
export async function cycleDistribution(db: Kysely<unknown>, cycleId: string): Promise<CycleDistribution | undefined> {
  const t = await tables(db);
  const cycle = await t
    .selectFrom('cycles')
    .select(['phase', 'distribution_scope'])
    .where('cycle_id', '=', cycleId)
    .executeTakeFirst();
  if (!cycle) return undefined;
  const populations = new Map((await populationRows(t, cycleId)).map((row) => [row.population_id, row]));
  const live = await (db as Kysely<AppraisalTables>)
    .withSchema(await activeSchema(db, APPRAISALS))
    .selectFrom('appraisals')
    .select((eb) => ['population_id', 'predikat', eb.fn.countAll<string>().as('people')])
    .where('cycle_id', '=', cycleId)
    .where('status', '=', 'ACTIVE')
    .where('excluded', '=', false)
    .groupBy(['population_id', 'predikat'])
    .execute();
  const ids = [...new Set([...populations.keys(), ...live.map((r) => r.population_id)])].sort();
  return {
    cycleId,
    phase: cycle.phase,
    distributionScope: cycle.distribution_scope,
    populations: ids.map((populationId) => {
      const row = populations.get(populationId);
      const mine = live.filter((r) => r.population_id === populationId);
      const current = zeroCounts();
      for (const r of mine) if (r.predikat !== null) current[r.predikat] += Number(r.people);
      const determined = row?.determined ?? false;
      return {
        populationId,
        unitPredikat: row?.unit_predikat ?? null,
        determined,
        counts: determined ? { ...zeroCounts(), ...(row!.counts as PredikatCounts) } : current,
        activeAppraisals: mine.reduce((sum, r) => sum + Number(r.people), 0),
        approvedAppraisals: mine.reduce((sum, r) => sum + (r.predikat === null ? 0 : Number(r.people)), 0),
        violations: (row?.violations as DistributionViolation[] | null) ?? [],
        override: row?.override_justification ? { justification: row.override_justification } : null,
        determinedAt: iso(row?.determined_at ?? null),
        determinedBy: (row?.determined_by as { id: string; role: string } | null | undefined) ?? null,
        flaggedAfterDetermination: row?.flagged_after_determination ?? false,
        changesByObjection: row ? toPopulation(row).changesByObjection : [],
      };
    }),
  };
}

const zeroCounts = (): Required<PredikatCounts> =>
  Object.fromEntries(PREDIKATS.map((p) => [p, 0])) as Required<PredikatCounts>;
