// Advisory peer input on BerAKHLAK values (DOMAIN section 9), from a reviewer the rater chose. It is stored
// per reviewer (the rater must not be able to count a reviewer twice) but only ever shown aggregated:
// peer-input/peer-aggregate.ts. Once the rating is approved it can no longer influence anything.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { SubmitPeerInput } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { hasKey } from '../appraisal/appraisal-items.js';
import { requireOpenAppraisal, requirePhase } from '../appraisal/appraisal-rules.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import { requireNoApprovedRating, requireValueRatings } from '../assessment-rules.js';

const ACTION = 'submit peer input';

export function decideSubmitPeerInput(command: SubmitPeerInput, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  requirePhase(command.cyclePhase, ['ASSESSMENT'], ACTION);
  const reviewerNip = command.actorNip;
  if (reviewerNip === null || !appraisal.peer.reviewers.includes(reviewerNip)) {
    throw new DomainError('forbidden', 'NOT_A_CHOSEN_REVIEWER', 'only a peer reviewer the rater chose may give input');
  }
  if (hasKey(appraisal.peer.inputs, reviewerNip)) {
    throw new DomainError('conflict', 'PEER_INPUT_ALREADY_SUBMITTED', 'each reviewer gives peer input once');
  }
  requireNoApprovedRating(appraisal, ACTION);
  const values = requireValueRatings(command.data.values, false);
  return [{ type: 'PeerInputSubmitted.v1', data: { reviewerNip, values, submittedAt: command.now } }];
}

export const submitPeerInputDecider: Decider<SubmitPeerInput, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideSubmitPeerInput,
  evolve: evolveAppraisal,
};
