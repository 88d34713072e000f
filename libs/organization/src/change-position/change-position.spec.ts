import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import { NIP, registered } from '../employee/employee-fixtures.js';
import { changePositionDecider, type ChangePosition } from './change-position.js';

const spec = specFor(changePositionDecider);
const command = (change: Partial<ChangePosition['data']> = {}): ChangePosition => ({
  type: 'ChangePosition',
  data: {
    nip: NIP,
    positionTitle: 'Kepala Sekolah',
    golongan: 'III/d',
    jobType: 'FUNGSIONAL',
    effectiveDate: '2026-07-01',
    ...change,
  },
});

describe('change position', () => {
  it('given an employee, when promoted, then EmployeePositionChanged with the effective date', () => {
    spec
      .given([registered])
      .when(command())
      .then([
        {
          type: 'EmployeePositionChanged.v1',
          data: {
            nip: NIP,
            positionTitle: 'Kepala Sekolah',
            golongan: 'III/d',
            jobType: 'FUNGSIONAL',
            effectiveDate: '2026-07-01',
          },
        },
      ]);
  });

  it('given an employee, when the same position is given, then no event', () => {
    spec
      .given([registered])
      .when(command({ positionTitle: 'Guru Ahli Pertama', golongan: 'III/a' }))
      .then([]);
  });

  it('given a PNS employee, when given a PPPK grade, then INVALID_GOLONGAN', () => {
    spec
      .given([registered])
      .when(command({ golongan: 'XI' }))
      .thenThrows('INVALID_GOLONGAN', 'invalid');
  });

  it('given no employee, when the position changes, then EMPLOYEE_NOT_FOUND', () => {
    spec.given([]).when(command()).thenThrows('EMPLOYEE_NOT_FOUND', 'not_found');
  });
});
