// A comment on any item of the appraisal (an RHK, an IKI, feedback, evidence, a rating, another comment, …) by
// the employee, the rater or the rater's supervisor, until publication. Corrections are new comments.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import type { AddComment } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import {
  employeeOf,
  raterOf,
  raterSupervisorOf,
  requireActorAmong,
  requireCorrection,
  requireItem,
  requireNewItemId,
} from '../appraisal/appraisal-items.js';
import { requireOpenAppraisal, requirePhase, requireText } from '../appraisal/appraisal-rules.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import type { CyclePhase } from '../cycle/cycle-events.js';

const PHASES: readonly CyclePhase[] = ['PLANNING', 'IN_PROGRESS', 'ASSESSMENT', 'DETERMINATION', 'PUBLISHED'];
const ACTION = 'comment';

export function decideAddComment(command: AddComment, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  const people = [employeeOf(appraisal), raterOf(appraisal), raterSupervisorOf(appraisal)];
  const authorNip = requireActorAmong(command.actorNip, people, ACTION);
  requirePhase(command.cyclePhase, PHASES, ACTION);
  const { data } = command;
  const commentId = requireNewItemId(appraisal, 'COMMENT', 'commentId', data.commentId);
  const { kind, id } = requireItem(appraisal, data.on, 'on');
  const text = requireText('text', data.text);
  const corrects = requireCorrection(appraisal, 'COMMENT', data.corrects, authorNip);
  return [
    {
      type: 'CommentAdded.v1',
      data: { commentId, on: { kind, id }, text, authorNip, corrects, addedAt: command.now },
    },
  ];
}

export const addCommentDecider: Decider<AddComment, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideAddComment,
  evolve: evolveAppraisal,
};
