// Test-only: the appraisal year of appraisals.test-history.ts (G3D's rating returned and revised, G4A's keberatan
// decided CHANGED), plus, for the score history: a realisation G3A records, and in the quarterly cycle (left in
// DETERMINATION there) G4A's approved rating revised to fit the curve, approved again, then published with a
// competency gap.
import type { Actor } from '../../../event-store/src/port.js';
import { appraisalStreamName, type AppraisalEvent } from '../../../appraisal/src/appraisal/appraisal-events.js';
import { cycleStreamName, type CycleEvent } from '../../../appraisal/src/cycle/cycle-events.js';
import { buildHistory, CYCLE, G3A, G4A, G4B, KABID, KEPSEK4, Q1 } from '../appraisals/appraisals.test-history.js';

export * from '../appraisals/appraisals.test-history.js';

export interface ScoreHistoryEntry {
  stream: string;
  event: AppraisalEvent | CycleEvent;
  occurredAt: string;
  actor?: Actor;
}

export const Q1_REVISED_AT = '2027-02-01T01:00:00.000Z';

export function buildScoreHistory(): ScoreHistoryEntry[] {
  const entries: ScoreHistoryEntry[] = buildHistory();
  // G3A records a realisation during the year (before the assessment phase's entries).
  const started = entries.findIndex(
    (e) => e.stream === appraisalStreamName(CYCLE, G3A) && e.event.type === 'FeedbackGiven.v1',
  );
  entries.splice(started + 1, 0, {
    stream: appraisalStreamName(CYCLE, G3A),
    event: {
      type: 'RealisationRecorded.v1',
      data: {
        rhkId: 'rhk-1',
        ikiId: 'iki-1',
        value: 78,
        narrative: null,
        realisationId: 'real-1',
        evidenceIds: [],
        corrects: null,
        recordedByNip: G3A,
        recordedAt: '2026-06-01T01:00:00.000Z',
      },
    },
    occurredAt: '2026-06-01T01:00:00.000Z',
    actor: { id: G3A, role: 'EMPLOYEE' },
  });
  const q1 = (event: AppraisalEvent, occurredAt: string, actor: Actor) =>
    entries.push({ stream: appraisalStreamName(Q1, G4A), event, occurredAt, actor });
  q1(
    {
      type: 'SupervisorRatingSubmitted.v1',
      data: {
        version: 2,
        raterNip: KEPSEK4,
        realisations: [{ rhkId: 'rhk-1', ikiId: 'iki-1', value: 90, narrative: null }],
        hasilKerja: 'DI_ATAS_EKSPEKTASI',
        perilaku: 'SESUAI_EKSPEKTASI',
        predikat: 'BAIK',
        valueNotes: [],
        competencyLevels: [{ code: 'INTEGRITAS', level: 2 }],
        justification: 'Disesuaikan dengan kurva unit',
        evidenceIds: [],
        conflictOfInterestDeclarationIds: [],
        forDialogue: false,
        submittedAt: Q1_REVISED_AT,
      },
    },
    Q1_REVISED_AT,
    { id: KEPSEK4, role: 'RATER' },
  );
  q1(
    {
      type: 'RatingApproved.v1',
      data: { version: 2, predikat: 'BAIK', approvedByNip: KABID, approvedAt: '2027-02-01T02:00:00.000Z' },
    },
    '2027-02-01T02:00:00.000Z',
    { id: KABID, role: 'RATER_SUPERVISOR' },
  );
  // G4B's unapproved rating is returned in DETERMINATION and revised: a revision, not one of an approved result.
  const g4b = (event: AppraisalEvent, occurredAt: string, actor: Actor) =>
    entries.push({ stream: appraisalStreamName(Q1, G4B), event, occurredAt, actor });
  g4b(
    {
      type: 'RatingReturned.v1',
      data: { version: 1, reasons: 'Lengkapi bukti', returnedByNip: KABID, returnedAt: '2027-02-01T03:00:00.000Z' },
    },
    '2027-02-01T03:00:00.000Z',
    { id: KABID, role: 'RATER_SUPERVISOR' },
  );
  g4b(
    {
      type: 'SupervisorRatingSubmitted.v1',
      data: {
        version: 2,
        raterNip: KEPSEK4,
        realisations: [],
        hasilKerja: 'SESUAI_EKSPEKTASI',
        perilaku: 'SESUAI_EKSPEKTASI',
        predikat: 'BAIK',
        valueNotes: [],
        competencyLevels: [],
        justification: null,
        evidenceIds: [],
        conflictOfInterestDeclarationIds: [],
        forDialogue: false,
        submittedAt: '2027-02-01T04:00:00.000Z',
      },
    },
    '2027-02-01T04:00:00.000Z',
    { id: KEPSEK4, role: 'RATER' },
  );
  entries.push({
    stream: cycleStreamName(Q1),
    event: {
      type: 'CyclePhaseAdvanced.v1',
      data: { from: 'DETERMINATION', to: 'PUBLISHED', reason: 'Jadwal', advancedAt: '2027-02-02T01:00:00.000Z' },
    },
    occurredAt: '2027-02-02T01:00:00.000Z',
  });
  q1(
    {
      type: 'ResultPublished.v1',
      data: {
        ratingVersion: 2,
        hasilKerja: 'DI_ATAS_EKSPEKTASI',
        perilaku: 'SESUAI_EKSPEKTASI',
        predikat: 'BAIK',
        recommendations: [
          { kind: 'TRAINING', competencyCode: 'INTEGRITAS', requiredLevel: 3, observedLevel: 2, gap: 1 },
        ],
        publishedAt: '2027-02-02T02:00:00.000Z',
      },
    },
    '2027-02-02T02:00:00.000Z',
    { id: 'hr-1', role: 'HR' },
  );
  return entries;
}
