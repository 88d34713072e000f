import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { GiveFeedback } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent, AppraisalEventOf } from '../appraisal/appraisal-events.js';
import {
  NIP,
  NOW,
  OTHER,
  PEER,
  RATER,
  appraisalEnded,
  approvedPlan,
  base,
  evidenceAttached,
  feedbackGiven,
  feedbackRequested,
} from '../appraisal/appraisal-fixtures.js';
import type { CyclePhase } from '../cycle/cycle-events.js';
import { giveFeedbackDecider } from './give-feedback.js';

const spec = specFor(giveFeedbackDecider);
type Data = GiveFeedback['data'];
const give = (
  data: Partial<Data> = {},
  actorNip: string | null = RATER,
  phase: CyclePhase = 'IN_PROGRESS',
): GiveFeedback => ({
  type: 'GiveFeedback',
  ...base(actorNip, phase),
  data: {
    feedbackId: 'fb-2',
    requestId: null,
    text: ' Rapor kelas 4 selesai tepat waktu ',
    relatesTo: null,
    evidenceIds: [],
    corrects: null,
    ...data,
  },
});
const given = (overrides: Partial<AppraisalEventOf<'FeedbackGiven.v1'>['data']> = {}): AppraisalEvent => ({
  type: 'FeedbackGiven.v1',
  data: {
    feedbackId: 'fb-2',
    giverNip: RATER,
    giverRelation: 'RATER',
    requestId: null,
    text: 'Rapor kelas 4 selesai tepat waktu',
    relatesTo: null,
    evidenceIds: [],
    corrects: null,
    givenAt: NOW,
    ...overrides,
  },
});
const selfAssessed: AppraisalEvent = {
  type: 'SelfAssessmentSubmitted.v1',
  data: {
    version: 1,
    rhk: [],
    values: [],
    hasilKerja: 'SESUAI_EKSPEKTASI',
    perilaku: 'SESUAI_EKSPEKTASI',
    submittedAt: NOW,
  },
};
const history = [
  ...approvedPlan(),
  evidenceAttached('ev-1'),
  feedbackRequested('req-1', PEER),
  feedbackGiven('fb-1', RATER),
];

describe('give feedback', () => {
  it('given an appraisal, when the rater gives feedback without a request, then FeedbackGiven from the RATER', () => {
    spec.given(history).when(give()).then([given()]);
  });

  it('given a request to PEER, when PEER answers it, then FeedbackGiven REQUESTED with the request id', () => {
    spec
      .given(history)
      .when(give({ requestId: 'req-1' }, PEER, 'ASSESSMENT'))
      .then([given({ giverNip: PEER, giverRelation: 'REQUESTED', requestId: 'req-1' })]);
  });

  it('given an IKI and evidence, when feedback relates to the IKI and cites the evidence, then FeedbackGiven with both', () => {
    const refs = { relatesTo: { kind: 'IKI' as const, id: 'iki-1' }, evidenceIds: ['ev-1'] };
    spec
      .given(history)
      .when(give(refs))
      .then([given(refs)]);
  });

  it('given a self-assessment version 1, when feedback relates to SELF_ASSESSMENT "1", then FeedbackGiven', () => {
    const refs = { relatesTo: { kind: 'SELF_ASSESSMENT' as const, id: '1' } };
    spec
      .given([...history, selfAssessed])
      .when(give(refs, RATER, 'ASSESSMENT'))
      .then([given(refs)]);
  });

  it('given feedback fb-1 by the rater, when the rater corrects it, then a new FeedbackGiven naming fb-1', () => {
    spec
      .given(history)
      .when(give({ corrects: 'fb-1' }))
      .then([given({ corrects: 'fb-1' })]);
  });

  it('given an appraisal, when the employee gives feedback without a request, then NOT_ASSIGNED', () => {
    spec.given(history).when(give({}, NIP)).thenThrows('NOT_ASSIGNED', 'forbidden');
  });

  it('given a request to PEER, when someone else answers it, then NOT_ASSIGNED', () => {
    spec
      .given(history)
      .when(give({ requestId: 'req-1' }, OTHER))
      .thenThrows('NOT_ASSIGNED', 'forbidden');
  });

  it('given a request to PEER, when the rater answers it, then NOT_ASSIGNED', () => {
    spec
      .given(history)
      .when(give({ requestId: 'req-1' }, RATER))
      .thenThrows('NOT_ASSIGNED', 'forbidden');
  });

  it('given no such request, when feedback answers it, then FEEDBACK_REQUEST_NOT_FOUND', () => {
    spec
      .given(history)
      .when(give({ requestId: 'req-9' }, PEER))
      .thenThrows('FEEDBACK_REQUEST_NOT_FOUND', 'not_found');
  });

  it('given feedback fb-1, when fb-1 is given again, then FEEDBACK_ID_TAKEN', () => {
    spec
      .given(history)
      .when(give({ feedbackId: 'fb-1' }))
      .thenThrows('FEEDBACK_ID_TAKEN', 'conflict');
  });

  it('given an appraisal, when the text is blank, then TEXT_REQUIRED', () => {
    spec
      .given(history)
      .when(give({ text: '  ' }))
      .thenThrows('TEXT_REQUIRED', 'invalid');
  });

  it.each([
    ['an RHK that does not exist', { kind: 'RHK' as const, id: 'rhk-9' }],
    ['a rating version not submitted', { kind: 'RATING' as const, id: '1' }],
    ['an id only found on the prototype', { kind: 'COMMENT' as const, id: 'constructor' }],
    ['an unknown kind', { kind: 'PLAN' as never, id: 'rhk-1' }],
  ])('given an appraisal, when feedback relates to %s, then ITEM_NOT_FOUND', (_, relatesTo) => {
    spec.given(history).when(give({ relatesTo })).thenThrows('ITEM_NOT_FOUND', 'not_found');
  });

  it('given an appraisal, when feedback cites evidence never attached, then EVIDENCE_NOT_FOUND', () => {
    spec
      .given(history)
      .when(give({ evidenceIds: ['ev-1', 'ev-9'] }))
      .thenThrows('EVIDENCE_NOT_FOUND', 'not_found');
  });

  it('given an appraisal, when feedback corrects one that does not exist, then CORRECTS_UNKNOWN', () => {
    spec
      .given(history)
      .when(give({ corrects: 'fb-9' }))
      .thenThrows('CORRECTS_UNKNOWN', 'invalid');
  });

  it("given feedback fb-1 by the rater, when PEER's answer claims to correct it, then CORRECTS_OTHERS_ENTRY", () => {
    spec
      .given(history)
      .when(give({ requestId: 'req-1', corrects: 'fb-1' }, PEER))
      .thenThrows('CORRECTS_OTHERS_ENTRY', 'forbidden');
  });

  it.each<CyclePhase>(['DETERMINATION', 'PUBLISHED', 'CLOSED'])(
    'given an appraisal, when feedback is given in %s, then WRONG_CYCLE_PHASE',
    (phase) => {
      spec
        .given(history)
        .when(give({}, RATER, phase))
        .thenThrows('WRONG_CYCLE_PHASE', 'conflict');
    },
  );

  it('given an ended appraisal, when feedback is given, then APPRAISAL_ENDED', () => {
    spec
      .given([...history, appraisalEnded()])
      .when(give())
      .thenThrows('APPRAISAL_ENDED', 'conflict');
  });

  it('given no appraisal, when feedback is given, then APPRAISAL_NOT_FOUND', () => {
    spec.given([]).when(give()).thenThrows('APPRAISAL_NOT_FOUND', 'not_found');
  });
});
