// The atasan pejabat penilai returns the latest submitted rating version with reasons; the rater then submits
// the next version (SubmitSupervisorRating). The returned version stays in the stream.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import type { ReturnRating } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { requireActor, requireOpenAppraisal, requirePhase, requireText } from '../appraisal/appraisal-rules.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import { requirePendingRating } from '../assessment-rules.js';

const ACTION = 'return a rating';

export function decideReturnRating(command: ReturnRating, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  requirePhase(command.cyclePhase, ['ASSESSMENT', 'DETERMINATION'], ACTION);
  requireActor(command.actorNip, appraisal.raterSupervisorNip, "the rater's supervisor", ACTION);
  const rating = requirePendingRating(appraisal, command.data.version);
  const reasons = requireText('reasons', command.data.reasons);
  return [
    {
      type: 'RatingReturned.v1',
      data: { version: rating.version, reasons, returnedByNip: command.actorNip as string, returnedAt: command.now },
    },
  ];
}

export const returnRatingDecider: Decider<ReturnRating, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideReturnRating,
  evolve: evolveAppraisal,
};
