// The rater chooses who gives peer input (DOMAIN section 9: peers at the same level and/or direct
// subordinates, never self). Choosing replaces the list, but a reviewer who has already given input stays:
// dropping them would silently discard advisory input already on record.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { ChoosePeerReviewers } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { requireActor, requireOpenAppraisal, requirePhase } from '../appraisal/appraisal-rules.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import { requireEligibleReviewers, setProblems } from '../assessment-rules.js';

const ACTION = 'choose peer reviewers';
export const MAX_PEER_REVIEWERS = 10;

export function decideChoosePeerReviewers(command: ChoosePeerReviewers, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  requirePhase(command.cyclePhase, ['IN_PROGRESS', 'ASSESSMENT'], ACTION);
  requireActor(command.actorNip, appraisal.raterNip, 'the rater', ACTION);
  const nips = command.data.reviewerNips;
  if (nips.length < 1 || nips.length > MAX_PEER_REVIEWERS) {
    throw new DomainError('invalid', 'REVIEWER_COUNT', `choose 1 to ${MAX_PEER_REVIEWERS} peer reviewers`, [
      { field: 'reviewerNips', message: `${nips.length} given` },
    ]);
  }
  const duplicates = setProblems('reviewerNips', nips, nips);
  if (duplicates.length > 0) {
    throw new DomainError('invalid', 'DUPLICATE_REVIEWER', 'each reviewer may be chosen once', duplicates);
  }
  // command.reviewers[i] is the caller's fact about reviewerNips[i].
  requireEligibleReviewers(
    appraisal,
    nips.map((nip, i) => ({ field: `reviewerNips[${i}]`, nip, fact: command.reviewers[i] })),
  );
  const dropped = Object.keys(appraisal.peer.inputs).filter((nip) => !nips.includes(nip));
  if (dropped.length > 0) {
    throw new DomainError(
      'conflict',
      'PEER_INPUT_SUBMITTED',
      `${dropped.join(', ')} already gave peer input and cannot be dropped`,
      dropped.map((nip) => ({ field: 'reviewerNips', message: 'already gave input', nip })),
    );
  }
  const current = appraisal.peer.reviewers;
  if (current.length === nips.length && nips.every((nip) => current.includes(nip))) return [];
  return [
    {
      type: 'PeerReviewersChosen.v1',
      data: { reviewerNips: [...nips], chosenByNip: appraisal.raterNip as string, chosenAt: command.now },
    },
  ];
}

export const choosePeerReviewersDecider: Decider<ChoosePeerReviewers, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideChoosePeerReviewers,
  evolve: evolveAppraisal,
};
