// The employee may propose a peer reviewer (DOMAIN section 9); the rater chooses. A proposal is only a
// suggestion, so proposing the same colleague twice changes nothing.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import type { ProposePeerReviewer } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { requireActor, requireOpenAppraisal, requirePhase } from '../appraisal/appraisal-rules.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import { requireEligibleReviewers } from '../assessment-rules.js';

const ACTION = 'propose a peer reviewer';

export function decideProposePeerReviewer(command: ProposePeerReviewer, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  requirePhase(command.cyclePhase, ['IN_PROGRESS', 'ASSESSMENT'], ACTION);
  requireActor(command.actorNip, appraisal.nip, 'the employee', ACTION);
  const { reviewerNip } = command.data;
  requireEligibleReviewers(appraisal, [{ field: 'reviewerNip', nip: reviewerNip, fact: command.reviewer }]);
  if (appraisal.peer.proposed.includes(reviewerNip)) return [];
  return [{ type: 'PeerReviewerProposed.v1', data: { reviewerNip, proposedAt: command.now } }];
}

export const proposePeerReviewerDecider: Decider<ProposePeerReviewer, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideProposePeerReviewer,
  evolve: evolveAppraisal,
};
