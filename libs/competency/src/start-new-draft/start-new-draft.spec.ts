import { describe, expect, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import {
  drafted,
  draftStarted,
  FRAMEWORK_ID,
  guruRequirementSet,
  NOW,
  openedForComment,
  pedagogikAdded,
  published,
} from '../framework/framework-fixtures.js';
import { evolveFramework, initialFrameworkState } from '../framework/framework-state.js';
import { startNewDraftDecider } from './start-new-draft.js';

const spec = specFor(startNewDraftDecider);
const command = { type: 'StartNewDraft', frameworkId: FRAMEWORK_ID, now: NOW } as const;
const publishedV1 = [drafted, pedagogikAdded, guruRequirementSet, openedForComment(), published()];

describe('start a new draft version', () => {
  it('given version 1 is published, when HR starts a new draft, then draft version 2 based on version 1', () => {
    spec
      .given(publishedV1)
      .when(command)
      .then([draftStarted(2, 1)]);
  });

  it('the new draft starts as a copy of the published content', () => {
    const state = [...publishedV1, draftStarted(2, 1)].reduce(evolveFramework, initialFrameworkState());
    expect(state).toMatchObject({
      draft: {
        version: 2,
        status: 'DRAFT',
        basedOn: 1,
        content: { technical: [{ code: 'PEDAGOGIK' }], positionRequirements: [{ positionCode: 'guru-ahli-pertama' }] },
      },
      lastPublished: { version: 1 },
    });
  });

  it('given a draft already exists, then DRAFT_ALREADY_EXISTS', () => {
    spec.given([drafted]).when(command).thenThrows('DRAFT_ALREADY_EXISTS', 'conflict');
    spec
      .given([...publishedV1, draftStarted(2, 1)])
      .when(command)
      .thenThrows('DRAFT_ALREADY_EXISTS', 'conflict');
  });

  it('given no framework, then FRAMEWORK_NOT_FOUND', () => {
    spec.given([]).when(command).thenThrows('FRAMEWORK_NOT_FOUND', 'not_found');
  });
});
