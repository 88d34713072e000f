import { describe, expect, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import { registerEmployeeDecider, type RegisterEmployee } from './register-employee.js';
import type { EmployeeRegistered } from '../employee/employee-events.js';

const spec = specFor(registerEmployeeDecider);
const NOW = '2026-11-22T03:00:00.000Z';

const command = (data: Partial<RegisterEmployee['data']> = {}): RegisterEmployee => ({
  type: 'RegisterEmployee',
  data: { nip: '198503152010011002', name: 'Siti Rahayu', employmentType: 'PNS', agencyId: 'kota-manokwari', ...data },
  now: NOW,
});

const registered: EmployeeRegistered = {
  type: 'EmployeeRegistered.v1',
  data: {
    nip: '198503152010011002',
    name: 'Siti Rahayu',
    employmentType: 'PNS',
    agencyId: 'kota-manokwari',
    unitId: null,
    positionTitle: null,
    birthDate: '1985-03-15',
    gender: 'MALE',
    appointmentMonth: '2010-01',
    registeredAt: NOW,
  },
};

describe('register employee', () => {
  it('given no history, when HR registers a valid NIP, then EmployeeRegistered with the parts read from the NIP', () => {
    spec.given([]).when(command()).then([registered]);
  });

  it('given no history, when the unit and position are given, then they are recorded and the name trimmed', () => {
    spec
      .given([])
      .when(command({ name: '  Siti Rahayu ', unitId: 'disdik-sd', positionTitle: 'Guru Ahli Pertama' }))
      .then([{ ...registered, data: { ...registered.data, unitId: 'disdik-sd', positionTitle: 'Guru Ahli Pertama' } }]);
  });

  it('given the employee is registered, when registered again, then EMPLOYEE_ALREADY_REGISTERED (conflict)', () => {
    spec.given([registered]).when(command()).thenThrows('EMPLOYEE_ALREADY_REGISTERED', 'conflict');
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
});
