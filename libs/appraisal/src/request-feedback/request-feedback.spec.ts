import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { RequestFeedback } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import {
  NIP,
  NOW,
  PEER,
  RATER,
  appraisalEnded,
  base,
  feedbackRequested,
  started,
} from '../appraisal/appraisal-fixtures.js';
import type { CyclePhase } from '../cycle/cycle-events.js';
import { requestFeedbackDecider } from './request-feedback.js';

const spec = specFor(requestFeedbackDecider);
const request = (
  data: Partial<RequestFeedback['data']> = {},
  actorNip: string | null = NIP,
  phase: CyclePhase = 'IN_PROGRESS',
): RequestFeedback => ({
  type: 'RequestFeedback',
  ...base(actorNip, phase),
  data: { requestId: 'req-1', askedNip: PEER, note: ' Mohon masukan tentang kolaborasi kita ', ...data },
});
const requested = (note: string): AppraisalEvent => ({
  type: 'FeedbackRequested.v1',
  data: { requestId: 'req-1', askedNip: PEER, note, requestedAt: NOW },
});

describe('request feedback', () => {
  it('given an appraisal, when the employee asks a colleague, then FeedbackRequested', () => {
    spec
      .given([started()])
      .when(request())
      .then([feedbackRequested('req-1', PEER, NOW)]);
  });

  it('given an appraisal in ASSESSMENT, when the employee asks without a note, then FeedbackRequested with an empty note', () => {
    spec
      .given([started()])
      .when(request({ note: '' }, NIP, 'ASSESSMENT'))
      .then([requested('')]);
  });

  it('given an appraisal, when the employee asks themself, then FEEDBACK_FROM_SELF', () => {
    spec
      .given([started()])
      .when(request({ askedNip: NIP }))
      .thenThrows('FEEDBACK_FROM_SELF', 'invalid');
  });

  it('given an appraisal, when nobody is named, then TEXT_REQUIRED', () => {
    spec
      .given([started()])
      .when(request({ askedNip: ' ' }))
      .thenThrows('TEXT_REQUIRED', 'invalid');
  });

  it('given an appraisal, when the note is over 2000 characters, then TEXT_TOO_LONG', () => {
    spec
      .given([started()])
      .when(request({ note: 'x'.repeat(2001) }))
      .thenThrows('TEXT_TOO_LONG', 'invalid');
  });

  it('given request req-1, when req-1 is requested again, then FEEDBACK_REQUEST_ID_TAKEN', () => {
    spec
      .given([started(), feedbackRequested('req-1', PEER)])
      .when(request())
      .thenThrows('FEEDBACK_REQUEST_ID_TAKEN', 'conflict');
  });

  it('given an appraisal, when the rater asks on the employee behalf, then NOT_ASSIGNED', () => {
    spec.given([started()]).when(request({}, RATER)).thenThrows('NOT_ASSIGNED', 'forbidden');
  });

  it.each<CyclePhase>(['DETERMINATION', 'PUBLISHED', 'CLOSED'])(
    'given an appraisal, when feedback is requested in %s, then WRONG_CYCLE_PHASE',
    (phase) => {
      spec
        .given([started()])
        .when(request({}, NIP, phase))
        .thenThrows('WRONG_CYCLE_PHASE', 'conflict');
    },
  );

  it('given an ended appraisal, when feedback is requested, then APPRAISAL_ENDED', () => {
    spec.given([started(), appraisalEnded()]).when(request()).thenThrows('APPRAISAL_ENDED', 'conflict');
  });
});
