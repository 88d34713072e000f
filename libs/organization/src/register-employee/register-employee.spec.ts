import { describe, expect, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import { registerEmployeeDecider, type RegisterEmployee } from './register-employee.js';
import { NOW, registered, registeredV1, unitOk } from '../employee/employee-fixtures.js';
import type { JobType } from '../employee/position.js';

const spec = specFor(registerEmployeeDecider);

const command = (data: Partial<RegisterEmployee['data']> = {}, unit = unitOk): RegisterEmployee => ({
  type: 'RegisterEmployee',
  data: {
    nip: '198503152010011002',
    name: 'Siti Rahayu',
    employmentType: 'PNS',
    agencyId: 'kota-manokwari',
    unitId: 'sd-3',
    positionTitle: 'Guru Ahli Pertama',
    golongan: 'III/a',
    jobType: 'FUNGSIONAL',
    ...data,
  },
  unit,
  now: NOW,
});

describe('register employee', () => {
  it('given no history, when HR registers a valid NIP, then EmployeeRegistered.v2 with the parts read from the NIP', () => {
    spec.given([]).when(command()).then([registered]);
  });

  it('given no history, when name and position have spaces around them, then they are trimmed', () => {
    spec
      .given([])
      .when(command({ name: '  Siti Rahayu ', positionTitle: ' Guru Ahli Pertama ' }))
      .then([registered]);
  });

  it('given no history, when a PPPK employee gets a PPPK grade, then it is recorded', () => {
    const event = spec.given([]).when(command({ employmentType: 'PPPK', golongan: 'IX' }));
    event.then([{ ...registered, data: { ...registered.data, employmentType: 'PPPK', golongan: 'IX' } }]);
  });

  it('given the employee is registered (by either event version), when registered again, then EMPLOYEE_ALREADY_REGISTERED', () => {
    spec.given([registered]).when(command()).thenThrows('EMPLOYEE_ALREADY_REGISTERED', 'conflict');
    spec.given([registeredV1]).when(command()).thenThrows('EMPLOYEE_ALREADY_REGISTERED', 'conflict');
  });

  it('given no history, when the NIP is not a real one, then INVALID_NIP naming each bad part', () => {
    const error = spec
      .given([])
      .when(command({ nip: '198502302010013002' }))
      .thenThrows('INVALID_NIP', 'invalid');
    expect(error.details.map((d) => d.part)).toEqual(['birthDate', 'gender']);
  });

  it('given no history, when the name is blank, then INVALID_NAME', () => {
    spec
      .given([])
      .when(command({ name: '   ' }))
      .thenThrows('INVALID_NAME', 'invalid');
  });

  it('given no history, when the golongan does not fit the employment type, then INVALID_GOLONGAN', () => {
    spec
      .given([])
      .when(command({ golongan: 'IX' }))
      .thenThrows('INVALID_GOLONGAN', 'invalid');
    spec
      .given([])
      .when(command({ golongan: 'III/e' }))
      .thenThrows('INVALID_GOLONGAN', 'invalid');
    spec
      .given([])
      .when(command({ employmentType: 'PPPK', golongan: 'III/a' }))
      .thenThrows('INVALID_GOLONGAN', 'invalid');
    spec
      .given([])
      .when(command({ employmentType: 'PPPK', golongan: 'XVIII' }))
      .thenThrows('INVALID_GOLONGAN', 'invalid');
  });

  it('given no history, when the job type or the position title is wrong, then INVALID_JOB_TYPE / INVALID_POSITION', () => {
    spec
      .given([])
      .when(command({ jobType: 'HONORER' as JobType }))
      .thenThrows('INVALID_JOB_TYPE', 'invalid');
    spec
      .given([])
      .when(command({ positionTitle: ' ' }))
      .thenThrows('INVALID_POSITION', 'invalid');
  });

  it('given no history, when the unit is not in the agency (or the agency does not exist), then UNIT_NOT_FOUND / AGENCY_NOT_FOUND', () => {
    spec
      .given([])
      .when(command({}, { agencyRegistered: true, unitExists: false }))
      .thenThrows('UNIT_NOT_FOUND', 'not_found');
    spec
      .given([])
      .when(command({}, { agencyRegistered: false, unitExists: false }))
      .thenThrows('AGENCY_NOT_FOUND', 'not_found');
  });
});
