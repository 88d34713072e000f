// The atasan pejabat penilai approves the latest submitted rating version. A rating marked for dialogue (large
// self-vs-supervisor gap) waits until a dialogue note is recorded after it. Approval fixes the predikat.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { ApproveRating } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { requireActor, requireOpenAppraisal, requirePhase } from '../appraisal/appraisal-rules.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import { requirePendingRating } from '../assessment-rules.js';

const ACTION = 'approve a rating';

export function decideApproveRating(command: ApproveRating, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  requirePhase(command.cyclePhase, ['ASSESSMENT', 'DETERMINATION'], ACTION);
  requireActor(command.actorNip, appraisal.raterSupervisorNip, "the rater's supervisor", ACTION);
  const rating = requirePendingRating(appraisal, command.data.version);
  const noteSeq = appraisal.lastDialogueNoteSeq;
  if (rating.forDialogue && (noteSeq === null || noteSeq <= rating.seq)) {
    throw new DomainError(
      'conflict',
      'DIALOGUE_REQUIRED',
      `rating version ${rating.version} differs widely from the self-assessment: ` +
        'record a performance dialogue note after it before approving',
    );
  }
  return [
    {
      type: 'RatingApproved.v1',
      data: {
        version: rating.version,
        predikat: rating.predikat,
        approvedByNip: command.actorNip as string,
        approvedAt: command.now,
      },
    },
  ];
}

export const approveRatingDecider: Decider<ApproveRating, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideApproveRating,
  evolve: evolveAppraisal,
};
