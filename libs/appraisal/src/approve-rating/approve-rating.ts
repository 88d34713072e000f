// The atasan pejabat penilai approves the latest submitted rating version. Approval fixes the predikat. Two gates:
// a rating marked for dialogue waits for a dialogue that counts (dialogue/dialogue-rules.ts), and a rating made
// under a declared conflict of interest needs the approver's explicit acknowledgement with a reason. Both are
// recorded on the approval.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { ApproveRating } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { requireActor, requireOpenAppraisal, requirePhase, requireText } from '../appraisal/appraisal-rules.js';
import {
  evolveAppraisal,
  initialAppraisalState,
  type ActiveAppraisal,
  type AppraisalState,
  type RatingVersion,
} from '../appraisal/appraisal-state.js';
import { requirePendingRating } from '../assessment-rules.js';
import { dialogueStatus } from '../dialogue/dialogue-rules.js';

const ACTION = 'approve a rating';

export function decideApproveRating(command: ApproveRating, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  requirePhase(command.cyclePhase, ['ASSESSMENT', 'DETERMINATION'], ACTION);
  requireActor(command.actorNip, appraisal.raterSupervisorNip, "the rater's supervisor", ACTION);
  const rating = requirePendingRating(appraisal, command.data.version);
  const dialogue = requireSettledDialogue(appraisal, rating, command.now);
  const conflictOfInterest = requireConflictAcknowledged(rating, command.data.conflictOfInterestAcknowledgement);
  return [
    {
      type: 'RatingApproved.v1',
      data: {
        version: rating.version,
        predikat: rating.predikat,
        approvedByNip: command.actorNip as string,
        ...(dialogue ? { dialogue } : {}),
        ...(conflictOfInterest ? { conflictOfInterest } : {}),
        approvedAt: command.now,
      },
    },
  ];
}

function requireSettledDialogue(appraisal: ActiveAppraisal, rating: RatingVersion, now: string) {
  const status = dialogueStatus(appraisal, rating, now);
  if (!status.required) return null;
  if (status.settled) return status.settled;
  const waiting = status.awaitingAcknowledgement;
  const next =
    waiting.length === 0
      ? 'the rater must record a dialogue note after it, and the employee acknowledge it'
      : `the employee has not acknowledged the rater's note ${waiting[0].noteId} yet; it counts unacknowledged ` +
        `after ${waiting[0].until.lastDay} (${waiting[0].until.timeZone})`;
  throw new DomainError(
    'conflict',
    'DIALOGUE_REQUIRED',
    `rating version ${rating.version} differs widely from the self-assessment: a performance dialogue must come ` +
      `first (${next})`,
    waiting.map((w) => ({
      field: 'dialogue',
      message: `note ${w.noteId} awaits acknowledgement`,
      noteId: w.noteId,
      lastDay: w.until.lastDay,
    })),
  );
}

function requireConflictAcknowledged(rating: RatingVersion, acknowledgement: string | null | undefined) {
  const declarationIds = rating.conflictOfInterestDeclarationIds;
  if (declarationIds.length === 0) return null;
  if (acknowledgement == null || acknowledgement.trim() === '') {
    throw new DomainError(
      'conflict',
      'CONFLICT_OF_INTEREST_ACKNOWLEDGEMENT_REQUIRED',
      `rating version ${rating.version} was made under declared conflict(s) of interest ${declarationIds.join(', ')}: ` +
        'approve it only with conflictOfInterestAcknowledgement, saying why the rating stands',
      declarationIds.map((id) => ({
        field: 'conflictOfInterestAcknowledgement',
        message: `declaration ${id}`,
        declarationId: id,
      })),
    );
  }
  return {
    declarationIds: [...declarationIds],
    acknowledgement: requireText('conflictOfInterestAcknowledgement', acknowledgement, 2000),
  };
}

export const approveRatingDecider: Decider<ApproveRating, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideApproveRating,
  evolve: evolveAppraisal,
};
