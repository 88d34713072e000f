import { emptyContent, applyToContent } from './framework-content.js';
import type { DraftStatus, FrameworkContent, FrameworkEvent } from './framework-events.js';

export interface DraftVersion {
  version: number;
  status: DraftStatus;
  basedOn: number | null;
  content: FrameworkContent;
}

export type FrameworkState =
  | { status: 'none' }
  | {
      status: 'exists';
      frameworkId: string;
      agencyId: string;
      name: string;
      draft: DraftVersion | null;
      lastPublished: { version: number; content: FrameworkContent } | null;
    };

export const initialFrameworkState = (): FrameworkState => ({ status: 'none' });

export function evolveFramework(state: FrameworkState, event: FrameworkEvent): FrameworkState {
  if (event.type === 'FrameworkDrafted.v1') {
    return {
      status: 'exists',
      frameworkId: event.data.frameworkId,
      agencyId: event.data.agencyId,
      name: event.data.name,
      draft: { version: event.data.version, status: 'DRAFT', basedOn: null, content: emptyContent() },
      lastPublished: null,
    };
  }
  // Never throw on replay: an event that does not fit the state is ignored.
  if (state.status !== 'exists') return state;
  switch (event.type) {
    case 'FrameworkDraftOpenedForComment.v1':
      return state.draft ? { ...state, draft: { ...state.draft, status: 'OPEN_FOR_COMMENT' } } : state;
    case 'FrameworkVersionPublished.v1': {
      const { builtIn: _builtIn, ...content } = event.data.content;
      return { ...state, draft: null, lastPublished: { version: event.data.version, content } };
    }
    case 'FrameworkDraftStarted.v1':
      return {
        ...state,
        draft: {
          version: event.data.version,
          status: 'DRAFT',
          basedOn: event.data.basedOn,
          content: state.lastPublished?.content ?? emptyContent(),
        },
      };
    case 'CriterionCommented.v1':
      return state;
    default:
      return state.draft
        ? { ...state, draft: { ...state.draft, content: applyToContent(state.draft.content, event) } }
        : state;
  }
}
