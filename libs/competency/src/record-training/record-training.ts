// Record a training an employee completed (README "Training (JP)"). HR of the employee's agency records it from
// the certificate (the API checks the relation); the rules here: positive whole JP, a completion date that is a
// real local date and not after today on the agency's calendar, a title and a provider, an optional hash of the
// certificate's scan, a training id not recorded before for this employee.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import { localDateOf } from '../../../policy/src/local-calendar.js';
import {
  evolveTraining,
  initialTrainingState,
  type RecordTraining,
  type TrainingEvent,
  type TrainingState,
} from '../training/training-events.js';

/** One training of more than this many JP is a typing error (the longest leadership courses are a few hundred). */
export const MAX_JP = 1000;
export const TEXT_MAX = 200;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SHA256 = /^[0-9a-f]{64}$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

function requireText(value: string, field: 'title' | 'provider'): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length === 0 || text.length > TEXT_MAX) {
    throw new DomainError(
      'invalid',
      field === 'title' ? 'TRAINING_TITLE_REQUIRED' : 'TRAINING_PROVIDER_REQUIRED',
      `${field} is required (1-${TEXT_MAX} characters)`,
      [{ field, message: `1-${TEXT_MAX} characters` }],
    );
  }
  return text;
}

function isRealDate(date: string): boolean {
  const match = LOCAL_DATE.exec(date);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const parsed = new Date(Date.UTC(y, m - 1, d));
  return y >= 1950 && parsed.getUTCFullYear() === y && parsed.getUTCMonth() === m - 1 && parsed.getUTCDate() === d;
}

export function decideRecordTraining(command: RecordTraining, state: TrainingState): TrainingEvent[] {
  const { data, employee } = command;
  if (employee === null) {
    throw new DomainError('not_found', 'EMPLOYEE_NOT_FOUND', 'the employee is not registered');
  }
  if (state.trainingIds[data.trainingId]) {
    throw new DomainError(
      'conflict',
      'TRAINING_ALREADY_RECORDED',
      `training ${data.trainingId} is already recorded for ${employee.nip}`,
    );
  }
  if (!Number.isInteger(data.jp) || data.jp <= 0 || data.jp > MAX_JP) {
    throw new DomainError(
      'invalid',
      'TRAINING_JP_INVALID',
      `jp must be a whole number of lesson hours, 1 to ${MAX_JP}`,
      [{ field: 'jp', message: `a whole number 1..${MAX_JP}` }],
    );
  }
  if (!isRealDate(data.completedOn)) {
    throw new DomainError('invalid', 'TRAINING_DATE_INVALID', 'completedOn must be a real date YYYY-MM-DD (1950 on)', [
      { field: 'completedOn', message: 'YYYY-MM-DD' },
    ]);
  }
  const today = localDateOf(new Date(command.now), command.timeZone);
  if (data.completedOn > today) {
    throw new DomainError(
      'unprocessable',
      'TRAINING_DATE_IN_FUTURE',
      `completedOn ${data.completedOn} is after today (${today}, ${command.timeZone}): record a training once completed`,
      [{ field: 'completedOn', message: `not after ${today}` }],
    );
  }
  const evidenceSha256 = data.evidenceSha256 ?? null;
  if (evidenceSha256 !== null && !SHA256.test(evidenceSha256)) {
    throw new DomainError('invalid', 'TRAINING_EVIDENCE_INVALID', 'evidenceSha256 must be 64 lowercase hex digits', [
      { field: 'evidenceSha256', message: 'hex SHA-256' },
    ]);
  }
  const competencyCodes = [...new Set(data.competencyCodes ?? [])];
  if (competencyCodes.length > 20 || competencyCodes.some((c) => !CODE.test(c))) {
    throw new DomainError('invalid', 'TRAINING_COMPETENCY_INVALID', 'competencyCodes: at most 20 competency codes', [
      { field: 'competencyCodes', message: 'codes of letters, digits, dot, dash, underscore' },
    ]);
  }
  return [
    {
      type: 'TrainingRecorded.v1',
      data: {
        trainingId: data.trainingId,
        nip: employee.nip,
        agencyId: employee.agencyId,
        title: requireText(data.title, 'title'),
        provider: requireText(data.provider, 'provider'),
        jp: data.jp,
        completedOn: data.completedOn,
        competencyCodes,
        evidenceSha256,
        recordedByNip: command.recordedByNip,
        recordedAt: command.now,
      },
    },
  ];
}

export const recordTrainingDecider: Decider<RecordTraining, TrainingState, TrainingEvent> = {
  initialState: initialTrainingState,
  decide: decideRecordTraining,
  evolve: evolveTraining,
};
