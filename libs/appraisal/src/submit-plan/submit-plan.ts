// The employee submits the SKP plan to the rater for approval: it needs at least one RHK utama, and it is
// locked until the rater returns or approves it.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { SubmitPlan } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { requireActor, requireOpenAppraisal, requirePhase } from '../appraisal/appraisal-rules.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import { PLANNING_PHASES } from '../plan/plan-rules.js';

export function decideSubmitPlan(command: SubmitPlan, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  requireActor(command.actorNip, appraisal.nip, 'the employee', 'submit the plan');
  requirePhase(command.cyclePhase, PLANNING_PHASES, 'submit the plan');
  const { status, rhk } = appraisal.plan;
  if (status === 'SUBMITTED') {
    throw new DomainError('conflict', 'PLAN_ALREADY_SUBMITTED', 'the plan is already submitted and awaits the rater');
  }
  if (status === 'APPROVED') {
    throw new DomainError('conflict', 'PLAN_ALREADY_APPROVED', 'the plan is already approved');
  }
  const all = Object.values(rhk);
  if (all.length === 0) {
    throw new DomainError('invalid', 'PLAN_EMPTY', 'the plan has no RHK: draft at least one RHK utama first', [
      { field: 'plan.rhk', message: 'empty' },
    ]);
  }
  if (!all.some((r) => r.kind === 'UTAMA')) {
    throw new DomainError('invalid', 'NO_RHK_UTAMA', 'the plan needs at least one RHK utama', [
      { field: 'plan.rhk', message: 'only RHK tambahan' },
    ]);
  }
  return [{ type: 'PlanSubmitted.v1', data: { submittedAt: command.now } }];
}

export const submitPlanDecider: Decider<SubmitPlan, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideSubmitPlan,
  evolve: evolveAppraisal,
};
