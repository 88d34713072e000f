import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { AddComment } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent, ItemRef } from '../appraisal/appraisal-events.js';
import {
  NIP,
  NOW,
  PEER,
  RATER,
  RATER_SUPERVISOR,
  appraisalEnded,
  approvedPlan,
  base,
  commentAdded,
  evidenceAttached,
  feedbackGiven,
} from '../appraisal/appraisal-fixtures.js';
import type { CyclePhase } from '../cycle/cycle-events.js';
import { addCommentDecider } from './add-comment.js';

const spec = specFor(addCommentDecider);
type Data = AddComment['data'];
const comment = (
  data: Partial<Data> = {},
  actorNip: string | null = NIP,
  phase: CyclePhase = 'IN_PROGRESS',
): AddComment => ({
  type: 'AddComment',
  ...base(actorNip, phase),
  data: {
    commentId: 'c-2',
    on: { kind: 'FEEDBACK', id: 'fb-1' },
    text: ' Terima kasih, akan saya perbaiki ',
    corrects: null,
    ...data,
  },
});
const added = (
  authorNip: string,
  on: ItemRef = { kind: 'FEEDBACK', id: 'fb-1' },
  corrects: string | null = null,
): AppraisalEvent => ({
  type: 'CommentAdded.v1',
  data: { commentId: 'c-2', on, text: 'Terima kasih, akan saya perbaiki', authorNip, corrects, addedAt: NOW },
});
const history = [...approvedPlan(), evidenceAttached('ev-1'), feedbackGiven('fb-1'), commentAdded('c-1', RATER)];

describe('add comment', () => {
  it('given feedback fb-1, when the employee comments on it, then CommentAdded', () => {
    spec
      .given(history)
      .when(comment())
      .then([added(NIP)]);
  });

  it.each<[string, string, ItemRef]>([
    ['the rater', RATER, { kind: 'EVIDENCE', id: 'ev-1' }],
    ["the rater's supervisor", RATER_SUPERVISOR, { kind: 'IKI', id: 'iki-2' }],
    ['the employee', NIP, { kind: 'COMMENT', id: 'c-1' }],
  ])('given an appraisal, when %s comments on an existing item, then CommentAdded', (_, actor, on) => {
    spec
      .given(history)
      .when(comment({ on }, actor))
      .then([added(actor, on)]);
  });

  it('given an appraisal in PUBLISHED, when the employee comments, then CommentAdded', () => {
    spec
      .given(history)
      .when(comment({}, NIP, 'PUBLISHED'))
      .then([added(NIP)]);
  });

  it('given comment c-1 by the rater, when the rater corrects it, then a new CommentAdded naming c-1', () => {
    spec
      .given(history)
      .when(comment({ corrects: 'c-1' }, RATER))
      .then([added(RATER, undefined, 'c-1')]);
  });

  it.each<[string, ItemRef]>([
    ['an RHK that does not exist', { kind: 'RHK', id: 'rhk-9' }],
    ['a rating never submitted', { kind: 'RATING', id: '1' }],
    ['a dialogue note never recorded', { kind: 'DIALOGUE_NOTE', id: 'note-1' }],
  ])('given an appraisal, when the comment is on %s, then ITEM_NOT_FOUND', (_, on) => {
    spec.given(history).when(comment({ on })).thenThrows('ITEM_NOT_FOUND', 'not_found');
  });

  it('given an appraisal, when the text is blank, then TEXT_REQUIRED', () => {
    spec
      .given(history)
      .when(comment({ text: ' ' }))
      .thenThrows('TEXT_REQUIRED', 'invalid');
  });

  it('given comment c-1, when c-1 is added again, then COMMENT_ID_TAKEN', () => {
    spec
      .given(history)
      .when(comment({ commentId: 'c-1' }))
      .thenThrows('COMMENT_ID_TAKEN', 'conflict');
  });

  it('given an appraisal, when a comment corrects an unknown one, then CORRECTS_UNKNOWN', () => {
    spec
      .given(history)
      .when(comment({ corrects: 'c-9' }))
      .thenThrows('CORRECTS_UNKNOWN', 'invalid');
  });

  it('given comment c-1 by the rater, when the employee claims to correct it, then CORRECTS_OTHERS_ENTRY', () => {
    spec
      .given(history)
      .when(comment({ corrects: 'c-1' }))
      .thenThrows('CORRECTS_OTHERS_ENTRY', 'forbidden');
  });

  it.each([
    ['a peer', PEER],
    ['HR (no NIP)', null],
  ])('given an appraisal, when %s comments, then NOT_ASSIGNED', (_, actor) => {
    spec.given(history).when(comment({}, actor)).thenThrows('NOT_ASSIGNED', 'forbidden');
  });

  it('given an appraisal, when a comment is added in CLOSED, then WRONG_CYCLE_PHASE', () => {
    spec
      .given(history)
      .when(comment({}, NIP, 'CLOSED'))
      .thenThrows('WRONG_CYCLE_PHASE', 'conflict');
  });

  it('given an ended appraisal, when a comment is added, then APPRAISAL_ENDED', () => {
    spec
      .given([...history, appraisalEnded()])
      .when(comment())
      .thenThrows('APPRAISAL_ENDED', 'conflict');
  });
});
