// The employee removes an RHK from a plan that is still a draft (or returned), saying why; the RHK stays in the
// stream's history and its ids are never reused.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import type { RemoveRhk } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { requireText } from '../appraisal/appraisal-rules.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import { requireEditablePlan, requirePlanRhk } from '../plan/plan-rules.js';

export function decideRemoveRhk(command: RemoveRhk, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireEditablePlan(command, state, 'remove an RHK');
  const { rhkId } = requirePlanRhk(appraisal, command.data.rhkId);
  const reason = requireText('reason', command.data.reason, 2000);
  return [{ type: 'RhkRemoved.v1', data: { rhkId, reason, removedAt: command.now } }];
}

export const removeRhkDecider: Decider<RemoveRhk, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideRemoveRhk,
  evolve: evolveAppraisal,
};
