import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { RecordRealisation } from '../appraisal/appraisal-commands.js';
import {
  NIP,
  PEER,
  RATER,
  RATER_SUPERVISOR,
  appraisalEnded,
  approvedPlan,
  base,
  draftedPlan,
  evidenceAttached,
  realisationRecorded,
  returnedPlan,
  submittedPlan,
} from '../appraisal/appraisal-fixtures.js';
import type { CyclePhase } from '../cycle/cycle-events.js';
import { recordRealisationDecider } from './record-realisation.js';

const spec = specFor(recordRealisationDecider);
type Data = RecordRealisation['data'];
const record = (
  data: Partial<Data> = {},
  actorNip: string | null = NIP,
  phase: CyclePhase = 'IN_PROGRESS',
): RecordRealisation => ({
  type: 'RecordRealisation',
  ...base(actorNip, phase),
  data: {
    realisationId: 'real-1',
    rhkId: 'rhk-1',
    ikiId: 'iki-1',
    value: 80,
    narrative: null,
    evidenceIds: [],
    corrects: null,
    ...data,
  },
});
const history = [...approvedPlan(), evidenceAttached('ev-1')];
const qualitative = { ikiId: 'iki-2', value: null, narrative: ' Perangkat disetujui tanpa revisi ' };

describe('record realisation', () => {
  it('given an approved plan, when the employee records a value for a quantitative IKI, then RealisationRecorded', () => {
    spec.given(history).when(record()).then([realisationRecorded()]);
  });

  it('given an approved plan, when the rater records a value with a note and evidence in ASSESSMENT, then RealisationRecorded', () => {
    spec
      .given(history)
      .when(record({ narrative: ' sampai semester I ', evidenceIds: ['ev-1'] }, RATER, 'ASSESSMENT'))
      .then([
        realisationRecorded('real-1', { narrative: 'sampai semester I', evidenceIds: ['ev-1'], recordedByNip: RATER }),
      ]);
  });

  it('given an approved plan, when a narrative is recorded for a qualitative IKI, then RealisationRecorded trimmed', () => {
    spec
      .given(history)
      .when(record(qualitative))
      .then([
        realisationRecorded('real-1', { ikiId: 'iki-2', value: null, narrative: 'Perangkat disetujui tanpa revisi' }),
      ]);
  });

  it('given realisation real-1 by the employee, when the employee corrects it, then a new RealisationRecorded naming it', () => {
    spec
      .given([...history, realisationRecorded('real-1')])
      .when(record({ realisationId: 'real-2', value: 82, corrects: 'real-1' }))
      .then([realisationRecorded('real-2', { value: 82, corrects: 'real-1' })]);
  });

  it.each([
    ['drafted', draftedPlan()],
    ['submitted', submittedPlan()],
    ['returned', returnedPlan()],
  ])('given a %s plan, when a realisation is recorded, then PLAN_NOT_APPROVED', (_, plan) => {
    spec.given(plan).when(record()).thenThrows('PLAN_NOT_APPROVED', 'conflict');
  });

  it('given an approved plan, when the RHK does not exist, then RHK_NOT_FOUND', () => {
    spec
      .given(history)
      .when(record({ rhkId: 'rhk-9' }))
      .thenThrows('RHK_NOT_FOUND', 'not_found');
  });

  it('given an approved plan, when the IKI is not in the RHK, then IKI_NOT_FOUND', () => {
    spec
      .given(history)
      .when(record({ ikiId: 'iki-9' }))
      .thenThrows('IKI_NOT_FOUND', 'not_found');
  });

  it.each([
    ['no value', null],
    ['an infinite value', Infinity],
    ['NaN', NaN],
  ])('given a quantitative IKI, when the realisation has %s, then INVALID_REALISATION', (_, value) => {
    spec.given(history).when(record({ value })).thenThrows('INVALID_REALISATION', 'invalid');
  });

  it('given a qualitative IKI, when the realisation has no narrative, then TEXT_REQUIRED', () => {
    spec
      .given(history)
      .when(record({ ...qualitative, narrative: ' ' }))
      .thenThrows('TEXT_REQUIRED', 'invalid');
  });

  it('given a qualitative IKI, when the realisation has a value, then INVALID_REALISATION', () => {
    spec
      .given(history)
      .when(record({ ...qualitative, value: 3 }))
      .thenThrows('INVALID_REALISATION', 'invalid');
  });

  it('given realisation real-1, when real-1 is recorded again, then REALISATION_ID_TAKEN', () => {
    spec
      .given([...history, realisationRecorded('real-1')])
      .when(record())
      .thenThrows('REALISATION_ID_TAKEN', 'conflict');
  });

  it('given an approved plan, when the realisation cites unknown evidence, then EVIDENCE_NOT_FOUND', () => {
    spec
      .given(history)
      .when(record({ evidenceIds: ['ev-9'] }))
      .thenThrows('EVIDENCE_NOT_FOUND', 'not_found');
  });

  it('given an approved plan, when the realisation corrects an unknown one, then CORRECTS_UNKNOWN', () => {
    spec
      .given(history)
      .when(record({ corrects: 'real-9' }))
      .thenThrows('CORRECTS_UNKNOWN', 'invalid');
  });

  it('given realisation real-1 by the employee, when the rater corrects it, then CORRECTS_OTHERS_ENTRY', () => {
    spec
      .given([...history, realisationRecorded('real-1')])
      .when(record({ realisationId: 'real-2', corrects: 'real-1' }, RATER))
      .thenThrows('CORRECTS_OTHERS_ENTRY', 'forbidden');
  });

  it.each([
    ["the rater's supervisor", RATER_SUPERVISOR],
    ['a peer', PEER],
    ['HR (no NIP)', null],
  ])('given an approved plan, when %s records a realisation, then NOT_ASSIGNED', (_, actor) => {
    spec.given(history).when(record({}, actor)).thenThrows('NOT_ASSIGNED', 'forbidden');
  });

  it.each<CyclePhase>(['PLANNING', 'DETERMINATION', 'PUBLISHED'])(
    'given an approved plan, when a realisation is recorded in %s, then WRONG_CYCLE_PHASE',
    (phase) => {
      spec
        .given(history)
        .when(record({}, NIP, phase))
        .thenThrows('WRONG_CYCLE_PHASE', 'conflict');
    },
  );

  it('given an ended appraisal, when a realisation is recorded, then APPRAISAL_ENDED', () => {
    spec
      .given([...history, appraisalEnded()])
      .when(record())
      .thenThrows('APPRAISAL_ENDED', 'conflict');
  });
});
