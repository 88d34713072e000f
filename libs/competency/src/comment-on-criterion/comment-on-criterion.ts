import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { CommentAuthor, FrameworkEvent } from '../framework/framework-events.js';
import { criterionCodes, requireDraft } from '../framework/framework-rules.js';
import { evolveFramework, initialFrameworkState, type FrameworkState } from '../framework/framework-state.js';

/**
 * Anyone in the agency comments on one criterion of the draft while it is open for comment. Whether the
 * author belongs to the agency is checked at the edge; the id and time come in with the command.
 */
export interface CommentOnCriterion {
  type: 'CommentOnCriterion';
  frameworkId: string;
  commentId: string;
  criterionCode: string;
  text: string;
  author: CommentAuthor;
  now: string;
}

export function decideCommentOnCriterion(command: CommentOnCriterion, state: FrameworkState): FrameworkEvent[] {
  const { draft } = requireDraft(state, command.frameworkId, ['OPEN_FOR_COMMENT'], 'NOT_OPEN_FOR_COMMENT');
  if (!criterionCodes(draft).has(command.criterionCode)) {
    throw new DomainError(
      'invalid',
      'UNKNOWN_CRITERION',
      `${command.criterionCode} is not a criterion of draft version ${draft.version} of ${command.frameworkId}`,
      [{ field: 'criterionCode', message: 'unknown criterion' }],
    );
  }
  const text = command.text.trim();
  if (text.length === 0) {
    throw new DomainError('invalid', 'INVALID_TEXT', 'text must not be blank', [{ field: 'text', message: 'blank' }]);
  }
  return [
    {
      type: 'CriterionCommented.v1',
      data: {
        version: draft.version,
        commentId: command.commentId,
        criterionCode: command.criterionCode,
        text,
        author: command.author,
        commentedAt: command.now,
      },
    },
  ];
}

export const commentOnCriterionDecider: Decider<CommentOnCriterion, FrameworkState, FrameworkEvent> = {
  initialState: initialFrameworkState,
  decide: decideCommentOnCriterion,
  evolve: evolveFramework,
};
