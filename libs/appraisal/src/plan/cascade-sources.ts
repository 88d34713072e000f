// Where an employee's RHK may come from (README "Appraisal cycles", cascading): the RHK of their rater's plan in
// the same cycle, or, for a JPT and for someone whose rater has no appraisal in the cycle, the unit's Perjanjian
// Kinerja. The drafting rules (rhk-content.ts) and the route that lists the sources share this one decision, so
// what the list offers is what drafting accepts.
import type { Iki, RhkKind } from '../appraisal/appraisal-events.js';
import type { ActiveAppraisal, PlanStatus } from '../appraisal/appraisal-state.js';
import type { RaterPlanFact } from '../appraisal/appraisal-commands.js';

/** Why the RHK cite the Perjanjian Kinerja instead of cascading. */
export type PerjanjianKinerjaReason = 'JPT' | 'NO_RATER' | 'RATER_NOT_IN_CYCLE';

type Planner = Pick<ActiveAppraisal, 'jobType' | 'raterNip'>;

/** The reason to cite the Perjanjian Kinerja, or null when the RHK cascade from the rater's plan. */
export function perjanjianKinerjaReason(
  appraisal: Planner,
  raterPlan: Pick<RaterPlanFact, 'raterNip'> | null,
): PerjanjianKinerjaReason | null {
  if (appraisal.jobType === 'JPT') return 'JPT';
  if (appraisal.raterNip === null) return 'NO_RATER';
  if (raterPlan === null) return 'RATER_NOT_IN_CYCLE';
  return null;
}

/** Why, as a clause that completes "…, so each RHK derives from your unit's Perjanjian Kinerja". */
export function perjanjianKinerjaWhy(reason: PerjanjianKinerjaReason, raterNip: string | null): string {
  switch (reason) {
    case 'JPT':
      return 'you hold a JPT (pimpinan tinggi) position';
    case 'NO_RATER':
      return 'you have no rater (pejabat penilai)';
    case 'RATER_NOT_IN_CYCLE':
      return `your rater ${raterNip ?? ''} has no appraisal in this cycle`;
  }
}

/** "<why>, so each of your RHK derives from your unit's Perjanjian Kinerja", capitalised. */
export function perjanjianKinerjaSentence(reason: PerjanjianKinerjaReason, raterNip: string | null): string {
  const why = perjanjianKinerjaWhy(reason, raterNip);
  return `${why[0].toUpperCase()}${why.slice(1)}, so each of your RHK derives from your unit's Perjanjian Kinerja`;
}

/** One RHK of the rater's plan an employee may cascade from (`cascadesFrom: {raterNip, rhkId}`). */
export interface CascadeSourceRhk {
  rhkId: string;
  kind: RhkKind;
  title: string;
  iki: Iki[];
}

/** The rater's appraisal in the same cycle, as far as cascading needs it. */
export interface RaterPlan {
  raterNip: string;
  planStatus: PlanStatus;
  rhk: readonly CascadeSourceRhk[];
}

export interface CascadeSources {
  nip: string;
  raterNip: string | null;
  /** RATER_PLAN: each RHK names one of `rhk` in cascadesFrom; PERJANJIAN_KINERJA: each names a PK item. */
  source: 'RATER_PLAN' | 'PERJANJIAN_KINERJA';
  /** Why the Perjanjian Kinerja applies; null for RATER_PLAN. */
  reason: PerjanjianKinerjaReason | null;
  /** The status of the rater's plan (null without one): its RHK may still change until it is approved. */
  raterPlanStatus: PlanStatus | null;
  rhk: CascadeSourceRhk[];
  /** What to do, in one sentence. */
  message: string;
}

/** What `appraisal`'s RHK may come from, given the rater's appraisal in the same cycle (null when none). */
export function cascadeSourcesFor(appraisal: ActiveAppraisal, raterPlan: RaterPlan | null): CascadeSources {
  const reason = perjanjianKinerjaReason(appraisal, raterPlan);
  const base = { nip: appraisal.nip, raterNip: appraisal.raterNip };
  if (reason !== null || raterPlan === null) {
    const why = reason ?? 'RATER_NOT_IN_CYCLE';
    return {
      ...base,
      source: 'PERJANJIAN_KINERJA',
      reason: why,
      raterPlanStatus: raterPlan?.planStatus ?? null,
      rhk: [],
      message: `${perjanjianKinerjaSentence(why, appraisal.raterNip)}: name the item in perjanjianKinerjaRef`,
    };
  }
  const plan = raterPlan;
  const rhk = plan.rhk.map(({ rhkId, kind, title, iki }) => ({ rhkId, kind, title, iki: [...iki] }));
  return {
    ...base,
    source: 'RATER_PLAN',
    reason: null,
    raterPlanStatus: plan.planStatus,
    rhk,
    message:
      rhk.length === 0
        ? `Planning waits until the plan of your rater ${plan.raterNip} has at least one RHK: each of your RHK cascades from one of theirs`
        : `Each of your RHK cascades from one of these RHK of your rater ${plan.raterNip}: name it in cascadesFrom {raterNip, rhkId}`,
  };
}

/** The fact the drafting deciders take, from the same rater plan the list shows. */
export const raterPlanFact = (plan: RaterPlan | null): RaterPlanFact | null =>
  plan === null ? null : { raterNip: plan.raterNip, rhkIds: plan.rhk.map((r) => r.rhkId) };
