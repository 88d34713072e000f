import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { RecordTraining, TrainingEvent } from '../training/training-events.js';
import { recordTrainingDecider } from './record-training.js';

const NIP = '198503152010011002';
const employee = { nip: NIP, agencyId: 'kota-manokwari' };
// 15:30 UTC on 31 December is already 1 January 2027 in Manokwari (WIT, UTC+9).
const NOW = '2026-12-31T15:30:00.000Z';

const command = (data: Partial<RecordTraining['data']> = {}, extra: Partial<RecordTraining> = {}): RecordTraining => ({
  type: 'RecordTraining',
  data: {
    trainingId: 'tr-1',
    title: 'Pelatihan Kurikulum Merdeka',
    provider: 'BPSDM Papua Barat',
    jp: 24,
    completedOn: '2026-11-20',
    ...data,
  },
  employee,
  timeZone: 'Asia/Jayapura',
  recordedByNip: '197001012000011009',
  now: NOW,
  ...extra,
});

const recorded = (
  data: Partial<Extract<TrainingEvent, { type: 'TrainingRecorded.v1' }>['data']> = {},
): TrainingEvent => ({
  type: 'TrainingRecorded.v1',
  data: {
    trainingId: 'tr-1',
    nip: NIP,
    agencyId: 'kota-manokwari',
    title: 'Pelatihan Kurikulum Merdeka',
    provider: 'BPSDM Papua Barat',
    jp: 24,
    completedOn: '2026-11-20',
    competencyCodes: [],
    evidenceSha256: null,
    recordedByNip: '197001012000011009',
    recordedAt: NOW,
    ...data,
  },
});

const spec = specFor(recordTrainingDecider);

describe('record a training (JP toward the yearly target)', () => {
  it('records it with trimmed texts, the competencies it develops and the certificate hash', () => {
    spec
      .given([])
      .when(
        command({
          title: '  Pelatihan Kurikulum Merdeka ',
          competencyCodes: ['INTEGRITAS', 'INTEGRITAS'],
          evidenceSha256: 'a'.repeat(64),
        }),
      )
      .then([recorded({ competencyCodes: ['INTEGRITAS'], evidenceSha256: 'a'.repeat(64) })]);
  });

  it("accepts today on the agency's calendar (already 1 January in WIT while UTC is still 31 December)", () => {
    spec
      .given([])
      .when(command({ completedOn: '2027-01-01' }))
      .then([recorded({ completedOn: '2027-01-01' })]);
  });

  it("refuses a completion date after today on the agency's calendar (422)", () => {
    spec
      .given([])
      .when(command({ completedOn: '2027-01-02' }))
      .thenThrows('TRAINING_DATE_IN_FUTURE', 'unprocessable');
  });

  it('refuses an impossible or malformed date', () => {
    spec
      .given([])
      .when(command({ completedOn: '2026-02-30' }))
      .thenThrows('TRAINING_DATE_INVALID', 'invalid');
    spec
      .given([])
      .when(command({ completedOn: '20-11-2026' }))
      .thenThrows('TRAINING_DATE_INVALID', 'invalid');
    spec
      .given([])
      .when(command({ completedOn: '1900-01-01' }))
      .thenThrows('TRAINING_DATE_INVALID', 'invalid');
  });

  it('refuses JP that are not a positive whole number up to 1000', () => {
    for (const jp of [0, -2, 1.5, 1001, Number.NaN]) {
      spec.given([]).when(command({ jp })).thenThrows('TRAINING_JP_INVALID', 'invalid');
    }
  });

  it('refuses a blank or overlong title or provider', () => {
    spec
      .given([])
      .when(command({ title: '   ' }))
      .thenThrows('TRAINING_TITLE_REQUIRED', 'invalid');
    spec
      .given([])
      .when(command({ title: 'x'.repeat(201) }))
      .thenThrows('TRAINING_TITLE_REQUIRED', 'invalid');
    spec
      .given([])
      .when(command({ provider: '' }))
      .thenThrows('TRAINING_PROVIDER_REQUIRED', 'invalid');
  });

  it('refuses an evidence hash that is not a hex SHA-256, and malformed competency codes', () => {
    spec
      .given([])
      .when(command({ evidenceSha256: 'abc' }))
      .thenThrows('TRAINING_EVIDENCE_INVALID', 'invalid');
    spec
      .given([])
      .when(command({ competencyCodes: ['bad code'] }))
      .thenThrows('TRAINING_COMPETENCY_INVALID');
  });

  it('refuses the same training id twice for the employee (409); another id is recorded', () => {
    spec.given([recorded()]).when(command()).thenThrows('TRAINING_ALREADY_RECORDED', 'conflict');
    spec
      .given([recorded()])
      .when(command({ trainingId: 'tr-2' }))
      .then([recorded({ trainingId: 'tr-2' })]);
  });

  it('refuses an employee who is not registered (404)', () => {
    spec
      .given([])
      .when(command({}, { employee: null }))
      .thenThrows('EMPLOYEE_NOT_FOUND', 'not_found');
  });
});
