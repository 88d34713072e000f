// The employee revises an RHK of their plan while it is a draft or returned: the whole RHK is restated (the
// previous content stays in the stream). It may keep its own IKI ids; new ones must be unused.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import type { ReviseRhk } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import { requireEditablePlan, requirePlanRhk } from '../plan/plan-rules.js';
import { requireCascade, requireCascadeSource, requireFreeIkiIds, requireValidRhk } from '../plan/rhk-content.js';

export function decideReviseRhk(command: ReviseRhk, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireEditablePlan(command, state, 'revise an RHK');
  const source = requireCascadeSource(appraisal, command.raterPlan);
  const rhk = requireValidRhk(command.data);
  const current = requirePlanRhk(appraisal, rhk.rhkId);
  requireFreeIkiIds(appraisal, rhk.iki, current);
  const origin = requireCascade(source, command.data);
  return [{ type: 'RhkRevised.v1', data: { ...rhk, ...origin, revisedAt: command.now } }];
}

export const reviseRhkDecider: Decider<ReviseRhk, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideReviseRhk,
  evolve: evolveAppraisal,
};
