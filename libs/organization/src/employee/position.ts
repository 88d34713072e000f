// Position data: golongan (grade) depends on the employment type, and the job type (jenis jabatan).
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { EmploymentType } from './employee-events.js';

/** PNS: I/a .. IV/e (ruang a-d, golongan IV up to e). PPPK: I .. XVII. */
export type Golongan = string;

const ROMAN_PNS = ['I', 'II', 'III', 'IV'];
export const PNS_GOLONGAN: readonly string[] = ROMAN_PNS.flatMap((g) =>
  (g === 'IV' ? ['a', 'b', 'c', 'd', 'e'] : ['a', 'b', 'c', 'd']).map((r) => `${g}/${r}`),
);
// prettier-ignore
export const PPPK_GOLONGAN: readonly string[] = [
  'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII',
];

export type JobType = 'JPT' | 'ADMINISTRATOR' | 'PENGAWAS' | 'PELAKSANA' | 'FUNGSIONAL';
export const JOB_TYPES: readonly JobType[] = ['JPT', 'ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA', 'FUNGSIONAL'];

export interface Position {
  positionTitle: string;
  golongan: Golongan;
  jobType: JobType;
}

/** Validates and normalises a position for an employment type; errors name the field. */
export function requirePosition(employmentType: EmploymentType, position: Position): Position {
  const positionTitle = position.positionTitle.trim();
  if (positionTitle.length === 0 || positionTitle.length > 200) {
    throw new DomainError('invalid', 'INVALID_POSITION', 'positionTitle must be 1-200 characters, not blank', [
      { field: 'positionTitle', message: 'blank or too long' },
    ]);
  }
  const grades = employmentType === 'PNS' ? PNS_GOLONGAN : PPPK_GOLONGAN;
  if (!grades.includes(position.golongan)) {
    throw new DomainError(
      'invalid',
      'INVALID_GOLONGAN',
      `golongan ${position.golongan} is not a ${employmentType} grade (${grades[0]} .. ${grades[grades.length - 1]})`,
      [{ field: 'golongan', message: `not a ${employmentType} grade` }],
    );
  }
  if (!JOB_TYPES.includes(position.jobType)) {
    throw new DomainError('invalid', 'INVALID_JOB_TYPE', `jobType must be one of ${JOB_TYPES.join(', ')}`, [
      { field: 'jobType', message: `got ${String(position.jobType)}` },
    ]);
  }
  return { positionTitle, golongan: position.golongan, jobType: position.jobType };
}
