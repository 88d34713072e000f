// When and by whom the SKP plan may be changed: the employee edits it in planning or in progress, while it is a
// draft or has been returned; once submitted or approved it is locked.
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { RhkContent } from '../appraisal/appraisal-events.js';
import { hasKey, raterOf, requireActorAmong } from '../appraisal/appraisal-items.js';
import { requireActor, requireOpenAppraisal, requirePhase } from '../appraisal/appraisal-rules.js';
import type { ActiveAppraisal, AppraisalState } from '../appraisal/appraisal-state.js';
import type { CyclePhase } from '../cycle/cycle-events.js';

/** The plan is drafted, submitted, returned and approved in these phases. */
export const PLANNING_PHASES: readonly CyclePhase[] = ['PLANNING', 'IN_PROGRESS'];

interface PlanCommand {
  actorNip: string | null;
  cyclePhase: CyclePhase;
}

/** Open appraisal, the employee acting, a planning phase, and a plan in DRAFT or RETURNED. */
export function requireEditablePlan(command: PlanCommand, state: AppraisalState, action: string): ActiveAppraisal {
  const appraisal = requireOpenAppraisal(state);
  requireActor(command.actorNip, appraisal.nip, 'the employee', action);
  requirePhase(command.cyclePhase, PLANNING_PHASES, action);
  const status = appraisal.plan.status;
  if (status === 'SUBMITTED' || status === 'APPROVED') {
    throw new DomainError(
      'conflict',
      'PLAN_LOCKED',
      `cannot ${action}: the plan is ${status.toLowerCase()}; it can change only while a draft or after the rater returns it`,
      [{ field: 'plan.status', message: status }],
    );
  }
  return appraisal;
}

/** An RHK currently in the plan (removed ones are gone). */
export function requirePlanRhk(appraisal: ActiveAppraisal, rhkId: string): RhkContent {
  if (!hasKey(appraisal.plan.rhk, rhkId)) {
    throw new DomainError('not_found', 'RHK_NOT_FOUND', `the plan has no RHK ${rhkId}`, [
      { field: 'rhkId', message: `no RHK ${rhkId}` },
    ]);
  }
  return appraisal.plan.rhk[rhkId];
}

/** Open appraisal, the rater acting, a planning phase, and a plan awaiting the rater's decision; the rater's NIP. */
export function requireSubmittedPlan(command: PlanCommand, state: AppraisalState, action: string): string {
  const appraisal = requireOpenAppraisal(state);
  const raterNip = requireActorAmong(command.actorNip, [raterOf(appraisal)], action);
  requirePhase(command.cyclePhase, PLANNING_PHASES, action);
  const status = appraisal.plan.status;
  if (status === 'APPROVED') {
    throw new DomainError('conflict', 'PLAN_ALREADY_APPROVED', `cannot ${action}: it is already approved`);
  }
  if (status !== 'SUBMITTED') {
    throw new DomainError('conflict', 'PLAN_NOT_SUBMITTED', `cannot ${action}: the employee has not submitted it`, [
      { field: 'plan.status', message: status },
    ]);
  }
  return raterNip;
}
