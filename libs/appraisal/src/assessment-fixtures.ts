// Events and command data for the assessment, approval and publication specs (test-only). Built on the
// appraisal fixtures: rhk-1 (iki-1 quantitative, iki-2 qualitative), approved by RATER.
import type { Rating } from '../../policy/src/policy.js';
import type { SubmitSelfAssessment, SubmitSupervisorRating } from './appraisal/appraisal-commands.js';
import {
  BERAKHLAK_VALUES,
  type AppraisalEvent,
  type AppraisalEventOf,
  type ValueRating,
} from './appraisal/appraisal-events.js';
import { NOW, RATER, RATER_SUPERVISOR, approvedPlan, evidenceAttached } from './appraisal/appraisal-fixtures.js';

export const LATER = '2026-12-15T02:00:00.000Z';
export const PEERS = ['199001012015012004', '199102022016012005', '199203032017012006'];

/** The approved plan, with evidence ev-1 attached by the employee: ready for assessment. */
export const assessable = (): AppraisalEvent[] => [...approvedPlan(), evidenceAttached('ev-1')];

export const allValues = (rating: Rating = 'SESUAI_EKSPEKTASI', note = ''): ValueRating[] =>
  BERAKHLAK_VALUES.map((value) => ({ value, rating, note }));

export const selfAssessmentData = (
  overrides: Partial<SubmitSelfAssessment['data']> = {},
): SubmitSelfAssessment['data'] => ({
  rhk: [{ rhkId: 'rhk-1', rating: 'SESUAI_EKSPEKTASI', note: 'Target tercapai', evidenceIds: ['ev-1'] }],
  values: allValues(),
  hasilKerja: 'SESUAI_EKSPEKTASI',
  perilaku: 'SESUAI_EKSPEKTASI',
  ...overrides,
});

export const selfAssessed = (
  version = 1,
  overrides: Partial<SubmitSelfAssessment['data']> = {},
  at = NOW,
): AppraisalEvent => ({
  type: 'SelfAssessmentSubmitted.v1',
  data: { version, ...selfAssessmentData(overrides), submittedAt: at },
});

export const ratingData = (
  overrides: Partial<SubmitSupervisorRating['data']> = {},
): SubmitSupervisorRating['data'] => ({
  realisations: [
    { rhkId: 'rhk-1', ikiId: 'iki-1', value: 88, narrative: null },
    { rhkId: 'rhk-1', ikiId: 'iki-2', value: null, narrative: 'Perangkat disetujui tanpa revisi' },
  ],
  hasilKerja: 'SESUAI_EKSPEKTASI',
  perilaku: 'SESUAI_EKSPEKTASI',
  valueNotes: [{ value: 'KOLABORATIF', note: 'Aktif di KKG' }],
  competencyLevels: [{ code: 'KERJA_SAMA', level: 3 }],
  justification: null,
  evidenceIds: [],
  ...overrides,
});

type RatingEventData = AppraisalEventOf<'SupervisorRatingSubmitted.v1'>['data'];

/** A rating as SubmitSupervisorRating writes it (BAIK for the default SESUAI x SESUAI). */
export const rated = (version = 1, overrides: Partial<RatingEventData> = {}): AppraisalEvent => ({
  type: 'SupervisorRatingSubmitted.v1',
  data: {
    version,
    raterNip: RATER,
    ...ratingData(),
    predikat: 'BAIK',
    conflictOfInterestDeclarationIds: [],
    forDialogue: false,
    submittedAt: NOW,
    ...overrides,
  },
});

export const ratingApproved = (version = 1, predikat: RatingEventData['predikat'] = 'BAIK'): AppraisalEvent => ({
  type: 'RatingApproved.v1',
  data: { version, predikat, approvedByNip: RATER_SUPERVISOR, approvedAt: NOW },
});

export const ratingReturned = (version = 1, reasons = 'Realisasi IKI-1 tidak didukung bukti'): AppraisalEvent => ({
  type: 'RatingReturned.v1',
  data: { version, reasons, returnedByNip: RATER_SUPERVISOR, returnedAt: NOW },
});

export const reviewersChosen = (reviewerNips = PEERS): AppraisalEvent => ({
  type: 'PeerReviewersChosen.v1',
  data: { reviewerNips, chosenByNip: RATER, chosenAt: NOW },
});

export const peerInput = (reviewerNip = PEERS[0], values = allValues().slice(0, 2)): AppraisalEvent => ({
  type: 'PeerInputSubmitted.v1',
  data: { reviewerNip, values, submittedAt: NOW },
});

/** Assessed by the employee, rated BAIK by the rater and approved by the rater's supervisor. */
export const approved = (): AppraisalEvent[] => [...assessable(), selfAssessed(), rated(1), ratingApproved(1)];

export const published = (overrides: Partial<AppraisalEventOf<'ResultPublished.v1'>['data']> = {}): AppraisalEvent => ({
  type: 'ResultPublished.v1',
  data: {
    ratingVersion: 1,
    hasilKerja: 'SESUAI_EKSPEKTASI',
    perilaku: 'SESUAI_EKSPEKTASI',
    predikat: 'BAIK',
    recommendations: [],
    publishedAt: NOW,
    ...overrides,
  },
});
