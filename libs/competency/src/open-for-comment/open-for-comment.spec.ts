import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import { drafted, FRAMEWORK_ID, NOW, openedForComment, published } from '../framework/framework-fixtures.js';
import { openDraftForCommentDecider } from './open-for-comment.js';

const spec = specFor(openDraftForCommentDecider);
const command = { type: 'OpenDraftForComment', frameworkId: FRAMEWORK_ID, now: NOW } as const;

describe('open a draft for comment', () => {
  it('given a DRAFT, when HR opens it for comment, then FrameworkDraftOpenedForComment', () => {
    spec.given([drafted]).when(command).then([openedForComment()]);
  });

  it('given it is already open, then DRAFT_ALREADY_OPEN_FOR_COMMENT', () => {
    spec.given([drafted, openedForComment()]).when(command).thenThrows('DRAFT_ALREADY_OPEN_FOR_COMMENT', 'conflict');
  });

  it('given only a published version, then NO_DRAFT; given nothing, FRAMEWORK_NOT_FOUND', () => {
    spec
      .given([drafted, openedForComment(), published(1, [], [])])
      .when(command)
      .thenThrows('NO_DRAFT', 'conflict');
    spec.given([]).when(command).thenThrows('FRAMEWORK_NOT_FOUND', 'not_found');
  });
});
