import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import { NIP, registered, registeredV1, unitOk } from '../employee/employee-fixtures.js';
import { moveEmployeeDecider, type MoveEmployee } from './move-employee.js';

const spec = specFor(moveEmployeeDecider);
const command = (unitId = 'sd-5', effectiveDate = '2026-07-01', unit = unitOk): MoveEmployee => ({
  type: 'MoveEmployee',
  data: { nip: NIP, unitId, effectiveDate },
  unit,
});

describe('move employee', () => {
  it('given an employee in sd-3, when moved to sd-5, then EmployeeMoved with both units and the effective date', () => {
    spec
      .given([registered])
      .when(command())
      .then([
        {
          type: 'EmployeeMoved.v1',
          data: {
            nip: NIP,
            agencyId: 'kota-manokwari',
            fromUnitId: 'sd-3',
            toUnitId: 'sd-5',
            effectiveDate: '2026-07-01',
          },
        },
      ]);
  });

  it('given a v1 registration without a unit, when moved, then EmployeeMoved from null', () => {
    spec
      .given([registeredV1])
      .when(command())
      .then([
        {
          type: 'EmployeeMoved.v1',
          data: {
            nip: NIP,
            agencyId: 'kota-manokwari',
            fromUnitId: null,
            toUnitId: 'sd-5',
            effectiveDate: '2026-07-01',
          },
        },
      ]);
  });

  it('given an employee already in the unit, when moved there, then no event', () => {
    spec.given([registered]).when(command('sd-3')).then([]);
  });

  it('given no employee, when moved, then EMPLOYEE_NOT_FOUND', () => {
    spec.given([]).when(command()).thenThrows('EMPLOYEE_NOT_FOUND', 'not_found');
  });

  it('given an employee, when the unit is not in their agency, then UNIT_NOT_FOUND', () => {
    spec
      .given([registered])
      .when(command('sd-9', '2026-07-01', { agencyRegistered: true, unitExists: false }))
      .thenThrows('UNIT_NOT_FOUND', 'not_found');
  });

  it('given an employee, when the effective date is not a real date, then INVALID_EFFECTIVE_DATE', () => {
    spec.given([registered]).when(command('sd-5', '2026-02-30')).thenThrows('INVALID_EFFECTIVE_DATE', 'invalid');
  });
});
