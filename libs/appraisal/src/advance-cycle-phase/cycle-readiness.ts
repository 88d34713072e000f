// Readiness of a phase change (README "Appraisal cycles", readiness report): which active, not excluded
// appraisals are not where the next phase needs them. Moving on with some unready strands them (plans are refused
// after IN_PROGRESS, ratings need an approved plan, determination every rating approved, publication every
// population determined), so the change needs HR's explicit confirmation (advance-cycle-phase.ts).
import type { PlanStatus } from '../appraisal/appraisal-state.js';
import type { CyclePhase } from '../cycle/cycle-events.js';

/** What each appraisal must have reached before the cycle enters a phase; null: nothing. */
export type ReadinessRequirement = 'PLAN_APPROVED' | 'RATING_APPROVED' | 'POPULATION_DETERMINED';

export function readinessRequirement(to: CyclePhase): ReadinessRequirement | null {
  switch (to) {
    case 'IN_PROGRESS':
    case 'ASSESSMENT':
      return 'PLAN_APPROVED';
    case 'DETERMINATION':
      return 'RATING_APPROVED';
    case 'PUBLISHED':
      return 'POPULATION_DETERMINED';
    default:
      return null;
  }
}

/** One appraisal as the readiness report sees it (from the appraisals read model and the cycle). */
export interface AppraisalReadinessFact {
  active: boolean;
  excluded: boolean;
  planStatus: PlanStatus;
  ratingStatus: 'SUBMITTED' | 'APPROVED' | 'RETURNED' | null;
  populationDetermined: boolean;
}

/**
 * Where an unready appraisal stands, as the report groups it: its plan status (DRAFT, SUBMITTED, RETURNED), its
 * latest rating's status or NOT_RATED, or POPULATION_NOT_DETERMINED. null when it is ready, ended or excluded.
 */
export function unreadyStatus(requirement: ReadinessRequirement | null, a: AppraisalReadinessFact): string | null {
  if (requirement === null || !a.active || a.excluded) return null;
  switch (requirement) {
    case 'PLAN_APPROVED':
      return a.planStatus === 'APPROVED' ? null : a.planStatus;
    case 'RATING_APPROVED':
      return a.ratingStatus === 'APPROVED' ? null : (a.ratingStatus ?? 'NOT_RATED');
    case 'POPULATION_DETERMINED':
      return a.populationDetermined ? null : 'POPULATION_NOT_DETERMINED';
  }
}

/** The counts of a readiness report; `notReady` 0 means the phase change needs no confirmation. */
export interface ReadinessCounts {
  to: CyclePhase;
  requirement: ReadinessRequirement | null;
  notReady: number;
  byStatus: { status: string; count: number }[];
  byUnit: { unitId: string; status: string; count: number }[];
}

/** Counts the unready appraisals by status and by unit and status (sorted, so the report is stable). */
export function countUnready(
  to: CyclePhase,
  appraisals: Iterable<AppraisalReadinessFact & { unitId: string }>,
): ReadinessCounts {
  const requirement = readinessRequirement(to);
  const byStatus = new Map<string, number>();
  const byUnit = new Map<string, { unitId: string; status: string; count: number }>();
  let notReady = 0;
  for (const a of appraisals) {
    const status = unreadyStatus(requirement, a);
    if (status === null) continue;
    notReady++;
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    const key = `${a.unitId}\u0000${status}`;
    const entry = byUnit.get(key) ?? { unitId: a.unitId, status, count: 0 };
    entry.count++;
    byUnit.set(key, entry);
  }
  return {
    to,
    requirement,
    notReady,
    byStatus: [...byStatus]
      .map(([status, count]) => ({ status, count }))
      .sort((x, y) => x.status.localeCompare(y.status)),
    byUnit: [...byUnit.values()].sort((x, y) => x.unitId.localeCompare(y.unitId) || x.status.localeCompare(y.status)),
  };
}
