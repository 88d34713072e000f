import { describe, expect, it } from '@jest/globals';
import { fold } from '../../../shared-kernel/src/decider.js';
import { specFor } from '../../../testing/src/decider-specification.js';
import { NIP, registered, registeredV1, renamed } from '../employee/employee-fixtures.js';
import { evolveEmployee, initialEmployeeState } from '../employee/employee-state.js';
import { renameEmployeeDecider, type RenameEmployee } from './rename-employee.js';

const spec = specFor(renameEmployeeDecider);
const REASON = 'akta perkawinan 12/2026';
const command = (name: string, reason = REASON, nip = NIP): RenameEmployee => ({
  type: 'RenameEmployee',
  data: { nip, name, reason },
});

describe('rename an employee', () => {
  it('given a registered employee, when HR gives a new name with a reason, then EmployeeRenamed with the previous name', () => {
    spec
      .given([registered])
      .when(command('Siti Rahayu Mandacan'))
      .then([renamed('Siti Rahayu Mandacan', 'Siti Rahayu', REASON)]);
  });

  it('given a renamed employee, when renamed again, then the previous name is the latest one', () => {
    spec
      .given([registered, renamed('Siti Rahayu Mandacan')])
      .when(command('Siti Rahayu Mandacan, S.Pd.', 'gelar sarjana pendidikan'))
      .then([renamed('Siti Rahayu Mandacan, S.Pd.', 'Siti Rahayu Mandacan', 'gelar sarjana pendidikan')]);
  });

  it('given a foundation-era registration (v1), when renamed, then the previous name comes from it', () => {
    spec
      .given([registeredV1])
      .when(command('Siti R.'))
      .then([renamed('Siti R.', 'Siti Rahayu', REASON)]);
  });

  it('given an employee, when name and reason have surrounding spaces, then both are recorded trimmed', () => {
    spec
      .given([registered])
      .when(command('  Siti Mandacan ', `  ${REASON} `))
      .then([renamed('Siti Mandacan', 'Siti Rahayu', REASON)]);
  });

  it('given an employee, when the name is the current one, then no event (idempotent)', () => {
    spec.given([registered]).when(command('Siti Rahayu')).then([]);
    spec
      .given([registered, renamed('Siti Mandacan')])
      .when(command(' Siti Mandacan '))
      .then([]);
  });

  it('given an employee, when the name is blank or over 200 characters, then INVALID_NAME', () => {
    spec.given([registered]).when(command('   ')).thenThrows('INVALID_NAME', 'invalid');
    spec
      .given([registered])
      .when(command('x'.repeat(201)))
      .thenThrows('INVALID_NAME', 'invalid');
  });

  it('given an employee, when the reason is blank, then REASON_REQUIRED', () => {
    spec.given([registered]).when(command('Siti Mandacan', ' ')).thenThrows('REASON_REQUIRED', 'invalid');
  });

  it('given no employee, when renamed, then EMPLOYEE_NOT_FOUND', () => {
    spec.given([]).when(command('Siti Mandacan')).thenThrows('EMPLOYEE_NOT_FOUND', 'not_found');
  });

  it('the state follows the rename (the name is part of the employee state)', () => {
    const state = fold(evolveEmployee, initialEmployeeState(), [registered, renamed('Siti Mandacan')]);
    expect(state).toMatchObject({ status: 'registered', name: 'Siti Mandacan' });
  });
});
