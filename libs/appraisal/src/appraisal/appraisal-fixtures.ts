// Events and command bases for the given/when/then specs of appraisal streams (test-only). Shared by every
// appraisal use case's spec: keep the exports stable.
import { DEFAULT_POLICY } from '../../../policy/src/default-policy.js';
import type { CyclePhase } from '../cycle/cycle-events.js';
import type { AppraisalEvent, AppraisalEventOf, Iki, RhkContent } from './appraisal-events.js';

export const CYCLE_ID = 'kota-manokwari-2026';
export const AGENCY_ID = 'kota-manokwari';
export const UNIT_ID = 'sd-3';
/** The appraised employee. */
export const NIP = '198503152010011002';
/** The pejabat penilai (rater). */
export const RATER = '197501012000031001';
/** The atasan pejabat penilai (the rater's supervisor). */
export const RATER_SUPERVISOR = '196802021990031003';
/** Someone else: a colleague the employee may ask for feedback, or an outsider. */
export const PEER = '199001012015012004';
export const OTHER = '198801012012011005';
export const NOW = '2026-03-10T03:00:00.000Z';

/** The command fields every appraisal command but StartAppraisal carries. */
export const base = (actorNip: string | null, cyclePhase: CyclePhase = 'PLANNING', now = NOW) => ({
  now,
  actorNip,
  cyclePhase,
});

export const startedData = (
  overrides: Partial<AppraisalEventOf<'AppraisalStarted.v1'>['data']> = {},
): AppraisalEventOf<'AppraisalStarted.v1'>['data'] => ({
  cycleId: CYCLE_ID,
  nip: NIP,
  agencyId: AGENCY_ID,
  unitId: UNIT_ID,
  jobType: 'FUNGSIONAL',
  raterNip: RATER,
  raterSupervisorNip: RATER_SUPERVISOR,
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  timeZone: 'Asia/Jayapura',
  frameworkRef: null,
  policyRef: { scope: 'national', version: 1 },
  policy: DEFAULT_POLICY,
  reason: 'CYCLE_OPENED',
  startedAt: NOW,
  ...overrides,
});

/** An appraisal opened with the cycle, rated by RATER, pinned to the built-in default policy. */
export const started = (overrides: Partial<AppraisalEventOf<'AppraisalStarted.v1'>['data']> = {}): AppraisalEvent => ({
  type: 'AppraisalStarted.v1',
  data: startedData(overrides),
});

/** The rater's RHK the fixtures' RHK cascade from. */
export const RATER_RHK_ID = 'rhk-rater-1';
export const raterPlan = { raterNip: RATER, rhkIds: [RATER_RHK_ID, 'rhk-rater-2'] };

export type QuantitativeIki = Extract<Iki, { type: 'QUANTITATIVE' }>;
export type QualitativeIki = Extract<Iki, { type: 'QUALITATIVE' }>;

export const quantitativeIki = (ikiId = 'iki-1'): QuantitativeIki => ({
  ikiId,
  description: 'Persentase siswa tuntas KKM',
  type: 'QUANTITATIVE',
  aspect: 'KUANTITAS',
  target: 85,
  unit: 'persen',
});
export const qualitativeIki = (ikiId = 'iki-2'): QualitativeIki => ({
  ikiId,
  description: 'Kualitas perangkat pembelajaran',
  type: 'QUALITATIVE',
  target: 'Perangkat pembelajaran disetujui kepala sekolah tanpa revisi',
});

/** An RHK utama cascading from RATER_RHK_ID with one quantitative and one qualitative IKI. */
export const rhkContent = (overrides: Partial<RhkContent> = {}): RhkContent => ({
  rhkId: 'rhk-1',
  kind: 'UTAMA',
  title: 'Terlaksananya pembelajaran kelas 4 sesuai kurikulum',
  cascadesFrom: { raterNip: RATER, rhkId: RATER_RHK_ID },
  perjanjianKinerjaRef: null,
  iki: [quantitativeIki('iki-1'), qualitativeIki('iki-2')],
  ...overrides,
});

export const rhkDrafted = (overrides: Partial<RhkContent> = {}, at = NOW): AppraisalEvent => ({
  type: 'RhkDrafted.v1',
  data: { ...rhkContent(overrides), draftedAt: at },
});
export const rhkRevised = (overrides: Partial<RhkContent> = {}, at = NOW): AppraisalEvent => ({
  type: 'RhkRevised.v1',
  data: { ...rhkContent(overrides), revisedAt: at },
});
export const planSubmitted = (at = NOW): AppraisalEvent => ({ type: 'PlanSubmitted.v1', data: { submittedAt: at } });
export const planReturned = (comments = 'Target IKI-1 terlalu rendah', at = NOW): AppraisalEvent => ({
  type: 'PlanReturned.v1',
  data: { comments, returnedByNip: RATER, returnedAt: at },
});
export const planApproved = (at = NOW): AppraisalEvent => ({
  type: 'PlanApproved.v1',
  data: { approvedByNip: RATER, approvedAt: at },
});

/** Started, with one RHK utama (rhk-1: iki-1 quantitative, iki-2 qualitative) in DRAFT. */
export const draftedPlan = (): AppraisalEvent[] => [started(), rhkDrafted()];
/** The drafted plan, submitted to the rater. */
export const submittedPlan = (): AppraisalEvent[] => [...draftedPlan(), planSubmitted()];
/** The drafted plan, submitted and returned with comments. */
export const returnedPlan = (): AppraisalEvent[] => [...submittedPlan(), planReturned()];
/** The drafted plan, submitted and approved by the rater: realisation and assessment may start. */
export const approvedPlan = (): AppraisalEvent[] => [...submittedPlan(), planApproved()];

export const evidenceAttached = (evidenceId = 'ev-1', attachedByNip = NIP, at = NOW): AppraisalEvent => ({
  type: 'EvidenceAttached.v1',
  data: {
    evidenceId,
    kind: 'LINK',
    url: 'https://drive.example.go.id/laporan-kelas-4.pdf',
    file: null,
    description: 'Laporan hasil belajar kelas 4',
    attachedByNip,
    attachedAt: at,
  },
});

export const feedbackRequested = (requestId = 'req-1', askedNip = PEER, at = NOW): AppraisalEvent => ({
  type: 'FeedbackRequested.v1',
  data: { requestId, askedNip, note: 'Mohon masukan tentang kolaborasi kita', requestedAt: at },
});

/** Feedback from the rater (no request). */
export const feedbackGiven = (feedbackId = 'fb-1', giverNip = RATER, at = NOW): AppraisalEvent => ({
  type: 'FeedbackGiven.v1',
  data: {
    feedbackId,
    giverNip,
    giverRelation: 'RATER',
    requestId: null,
    text: 'Pembelajaran berjalan baik',
    relatesTo: null,
    evidenceIds: [],
    corrects: null,
    givenAt: at,
  },
});

export const realisationRecorded = (
  realisationId = 'real-1',
  overrides: Partial<AppraisalEventOf<'RealisationRecorded.v1'>['data']> = {},
): AppraisalEvent => ({
  type: 'RealisationRecorded.v1',
  data: {
    realisationId,
    rhkId: 'rhk-1',
    ikiId: 'iki-1',
    value: 80,
    narrative: null,
    evidenceIds: [],
    corrects: null,
    recordedByNip: NIP,
    recordedAt: NOW,
    ...overrides,
  },
});

export const commentAdded = (commentId = 'c-1', authorNip = RATER, at = NOW): AppraisalEvent => ({
  type: 'CommentAdded.v1',
  data: {
    commentId,
    on: { kind: 'RHK', id: 'rhk-1' },
    text: 'Perlu bukti dukung',
    authorNip,
    corrects: null,
    addedAt: at,
  },
});

export const dialogueNoteRecorded = (noteId = 'note-1', recordedByNip = RATER, at = NOW): AppraisalEvent => ({
  type: 'DialogueNoteRecorded.v1',
  data: {
    noteId,
    heldOn: '2026-06-15',
    text: 'Dialog kinerja semester I',
    recordedByNip,
    corrects: null,
    recordedAt: at,
  },
});

export const appraisalEnded = (reason = 'moved out of the cycle units', at = NOW): AppraisalEvent => ({
  type: 'AppraisalEnded.v1',
  data: { reason, endedAt: at },
});
