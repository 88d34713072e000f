import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { FrameworkEvent } from '../framework/framework-events.js';
import { requireFramework } from '../framework/framework-rules.js';
import { evolveFramework, initialFrameworkState, type FrameworkState } from '../framework/framework-state.js';

/** Edits after publication start a new draft version, a copy of the latest published one. */
export interface StartNewDraft {
  type: 'StartNewDraft';
  frameworkId: string;
  now: string;
}

export function decideStartNewDraft(command: StartNewDraft, state: FrameworkState): FrameworkEvent[] {
  const framework = requireFramework(state, command.frameworkId);
  if (framework.draft) {
    throw new DomainError(
      'conflict',
      'DRAFT_ALREADY_EXISTS',
      `framework ${command.frameworkId} already has draft version ${framework.draft.version} (${framework.draft.status})`,
    );
  }
  const basedOn = framework.lastPublished?.version ?? 0;
  return [{ type: 'FrameworkDraftStarted.v1', data: { version: basedOn + 1, basedOn, startedAt: command.now } }];
}

export const startNewDraftDecider: Decider<StartNewDraft, FrameworkState, FrameworkEvent> = {
  initialState: initialFrameworkState,
  decide: decideStartNewDraft,
  evolve: evolveFramework,
};
