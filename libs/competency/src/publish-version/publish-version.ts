import type { Decider } from '../../../shared-kernel/src/decider.js';
import { BUILT_IN_CATALOGUE, type BuiltInCatalogue } from '../built-in/catalogue.js';
import type { FrameworkEvent } from '../framework/framework-events.js';
import { requireDraft } from '../framework/framework-rules.js';
import { evolveFramework, initialFrameworkState, type FrameworkState } from '../framework/framework-state.js';

/**
 * HR publishes the draft, after it was open for comment, as an immutable numbered version. The event
 * carries the whole content, built-ins included, so the version never changes afterwards.
 */
export interface PublishFrameworkVersion {
  type: 'PublishFrameworkVersion';
  frameworkId: string;
  now: string;
  /** The built-in catalogue to freeze in; the current one unless a test pins another. */
  builtIn?: BuiltInCatalogue;
}

export function decidePublishFrameworkVersion(
  command: PublishFrameworkVersion,
  state: FrameworkState,
): FrameworkEvent[] {
  const { framework, draft } = requireDraft(state, command.frameworkId, ['OPEN_FOR_COMMENT'], 'NOT_OPEN_FOR_COMMENT');
  return [
    {
      type: 'FrameworkVersionPublished.v1',
      data: {
        version: draft.version,
        name: framework.name,
        publishedAt: command.now,
        content: { builtIn: command.builtIn ?? BUILT_IN_CATALOGUE, ...draft.content },
      },
    },
  ];
}

export const publishFrameworkVersionDecider: Decider<PublishFrameworkVersion, FrameworkState, FrameworkEvent> = {
  initialState: initialFrameworkState,
  decide: decidePublishFrameworkVersion,
  evolve: evolveFramework,
};
