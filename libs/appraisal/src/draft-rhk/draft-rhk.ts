// The employee drafts an RHK of their SKP plan, with its IKI and targets, cascading from an RHK of the rater's
// plan (or, for a JPT or without a rater plan, from the unit's Perjanjian Kinerja).
import type { Decider } from '../../../shared-kernel/src/decider.js';
import type { DraftRhk } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { requireNewItemId } from '../appraisal/appraisal-items.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import { requireEditablePlan } from '../plan/plan-rules.js';
import { requireCascade, requireCascadeSource, requireFreeIkiIds, requireValidRhk } from '../plan/rhk-content.js';

export function decideDraftRhk(command: DraftRhk, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireEditablePlan(command, state, 'draft an RHK');
  const source = requireCascadeSource(appraisal, command.raterPlan);
  const rhk = requireValidRhk(command.data);
  requireNewItemId(appraisal, 'RHK', 'rhkId', rhk.rhkId);
  requireFreeIkiIds(appraisal, rhk.iki, null);
  const origin = requireCascade(source, command.data);
  return [{ type: 'RhkDrafted.v1', data: { ...rhk, ...origin, draftedAt: command.now } }];
}

export const draftRhkDecider: Decider<DraftRhk, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideDraftRhk,
  evolve: evolveAppraisal,
};
