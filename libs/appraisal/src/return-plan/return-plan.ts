// The rater (pejabat penilai) returns a submitted plan with comments; the employee revises and resubmits.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import type { ReturnPlan } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { requireText } from '../appraisal/appraisal-rules.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import { requireSubmittedPlan } from '../plan/plan-rules.js';

export function decideReturnPlan(command: ReturnPlan, state: AppraisalState): AppraisalEvent[] {
  const returnedByNip = requireSubmittedPlan(command, state, 'return the plan');
  const comments = requireText('comments', command.data.comments);
  return [{ type: 'PlanReturned.v1', data: { comments, returnedByNip, returnedAt: command.now } }];
}

export const returnPlanDecider: Decider<ReturnPlan, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideReturnPlan,
  evolve: evolveAppraisal,
};
