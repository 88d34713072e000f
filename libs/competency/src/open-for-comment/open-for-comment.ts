import type { Decider } from '../../../shared-kernel/src/decider.js';
import type { FrameworkEvent } from '../framework/framework-events.js';
import { requireDraft } from '../framework/framework-rules.js';
import { evolveFramework, initialFrameworkState, type FrameworkState } from '../framework/framework-state.js';

/** HR opens the draft to the agency's employees for comment (the seeds ask that ASN help draft criteria). */
export interface OpenDraftForComment {
  type: 'OpenDraftForComment';
  frameworkId: string;
  now: string;
}

export function decideOpenDraftForComment(command: OpenDraftForComment, state: FrameworkState): FrameworkEvent[] {
  const { draft } = requireDraft(state, command.frameworkId, ['DRAFT'], 'DRAFT_ALREADY_OPEN_FOR_COMMENT');
  return [{ type: 'FrameworkDraftOpenedForComment.v1', data: { version: draft.version, openedAt: command.now } }];
}

export const openDraftForCommentDecider: Decider<OpenDraftForComment, FrameworkState, FrameworkEvent> = {
  initialState: initialFrameworkState,
  decide: decideOpenDraftForComment,
  evolve: evolveFramework,
};
