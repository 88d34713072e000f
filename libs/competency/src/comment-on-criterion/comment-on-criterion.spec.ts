import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import {
  drafted,
  draftStarted,
  FRAMEWORK_ID,
  NOW,
  openedForComment,
  pedagogikAdded,
  published,
} from '../framework/framework-fixtures.js';
import { commentOnCriterionDecider, type CommentOnCriterion } from './comment-on-criterion.js';

const spec = specFor(commentOnCriterionDecider);
const author = { id: 'emp-1', role: 'EMPLOYEE', nip: '198503152010011002', name: 'Siti Rahayu' };
const command = (over: Partial<CommentOnCriterion> = {}): CommentOnCriterion => ({
  type: 'CommentOnCriterion',
  frameworkId: FRAMEWORK_ID,
  commentId: 'c0ffee00-0000-4000-8000-000000000001',
  criterionCode: 'PEDAGOGIK',
  text: ' Level 3 perlu contoh perilaku yang terukur ',
  author,
  now: NOW,
  ...over,
});
const commented = (version = 1, criterionCode = 'PEDAGOGIK') => ({
  type: 'CriterionCommented.v1' as const,
  data: {
    version,
    commentId: 'c0ffee00-0000-4000-8000-000000000001',
    criterionCode,
    text: 'Level 3 perlu contoh perilaku yang terukur',
    author,
    commentedAt: NOW,
  },
});

describe('comment on a criterion', () => {
  it('given a draft open for comment, when an employee comments on a technical criterion, then CriterionCommented with author and time', () => {
    spec.given([drafted, pedagogikAdded, openedForComment()]).when(command()).then([commented()]);
  });

  it('given a draft open for comment, built-in criteria (BerAKHLAK values too) may be commented on', () => {
    spec
      .given([drafted, openedForComment()])
      .when(command({ criterionCode: 'KOLABORATIF' }))
      .then([commented(1, 'KOLABORATIF')]);
  });

  it('given a DRAFT not yet open, when commenting, then NOT_OPEN_FOR_COMMENT', () => {
    spec.given([drafted, pedagogikAdded]).when(command()).thenThrows('NOT_OPEN_FOR_COMMENT', 'conflict');
  });

  it('given the version was published, when commenting, then NO_DRAFT (comment only while open)', () => {
    spec
      .given([drafted, pedagogikAdded, openedForComment(), published(1, undefined, [])])
      .when(command())
      .thenThrows('NO_DRAFT', 'conflict');
  });

  it('given a new draft version 2 not yet open, when commenting, then NOT_OPEN_FOR_COMMENT; once open, the comment is on version 2', () => {
    const history = [drafted, pedagogikAdded, openedForComment(), published(1, undefined, []), draftStarted(2, 1)];
    spec.given(history).when(command()).thenThrows('NOT_OPEN_FOR_COMMENT', 'conflict');
    spec
      .given([...history, openedForComment(2)])
      .when(command())
      .then([commented(2)]);
  });

  it('given an open draft, when the criterion is unknown or the text blank, then UNKNOWN_CRITERION / INVALID_TEXT', () => {
    spec.given([drafted, openedForComment()]).when(command()).thenThrows('UNKNOWN_CRITERION', 'invalid');
    spec
      .given([drafted, openedForComment()])
      .when(command({ criterionCode: 'INTEGRITAS', text: '   ' }))
      .thenThrows('INVALID_TEXT', 'invalid');
  });
});
