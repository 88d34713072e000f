import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { FrameworkEvent } from '../framework/framework-events.js';
import { evolveFramework, initialFrameworkState, type FrameworkState } from '../framework/framework-state.js';

/** HR starts its agency's framework: version 1, a DRAFT that includes the built-in competencies. */
export interface DraftFramework {
  type: 'DraftFramework';
  data: { frameworkId: string; agencyId: string; name: string; description?: string };
  now: string;
}

export function decideDraftFramework(command: DraftFramework, state: FrameworkState): FrameworkEvent[] {
  if (state.status === 'exists') {
    throw new DomainError(
      'conflict',
      'FRAMEWORK_ALREADY_EXISTS',
      `competency framework ${command.data.frameworkId} already exists`,
    );
  }
  const name = command.data.name.trim();
  if (name.length === 0) {
    throw new DomainError('invalid', 'INVALID_TEXT', 'name must not be blank', [{ field: 'name', message: 'blank' }]);
  }
  const description = command.data.description?.trim() || null;
  return [
    {
      type: 'FrameworkDrafted.v1',
      data: {
        frameworkId: command.data.frameworkId,
        agencyId: command.data.agencyId,
        name,
        description,
        version: 1,
        draftedAt: command.now,
      },
    },
  ];
}

export const draftFrameworkDecider: Decider<DraftFramework, FrameworkState, FrameworkEvent> = {
  initialState: initialFrameworkState,
  decide: decideDraftFramework,
  evolve: evolveFramework,
};
