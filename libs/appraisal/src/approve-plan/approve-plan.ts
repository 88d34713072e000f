// The rater (pejabat penilai) approves a submitted plan: from then on it is fixed, and realisations are
// recorded against its IKI.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import type { ApprovePlan } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import { requireSubmittedPlan } from '../plan/plan-rules.js';

export function decideApprovePlan(command: ApprovePlan, state: AppraisalState): AppraisalEvent[] {
  const approvedByNip = requireSubmittedPlan(command, state, 'approve the plan');
  return [{ type: 'PlanApproved.v1', data: { approvedByNip, approvedAt: command.now } }];
}

export const approvePlanDecider: Decider<ApprovePlan, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideApprovePlan,
  evolve: evolveAppraisal,
};
