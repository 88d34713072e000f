// Events for the given/when/then specs of employee streams (test-only).
import type { EmployeeEvent, EmployeeRegistered, EmployeeRegisteredV1 } from './employee-events.js';

export const NIP = '198503152010011002';
export const RATER = '197501012000031001';
export const NOW = '2026-11-22T03:00:00.000Z';
export const unitOk = { agencyRegistered: true, unitExists: true };

export const registered: EmployeeRegistered = {
  type: 'EmployeeRegistered.v2',
  data: {
    nip: NIP,
    name: 'Siti Rahayu',
    employmentType: 'PNS',
    agencyId: 'kota-manokwari',
    unitId: 'sd-3',
    positionTitle: 'Guru Ahli Pertama',
    golongan: 'III/a',
    jobType: 'FUNGSIONAL',
    birthDate: '1985-03-15',
    gender: 'MALE',
    appointmentMonth: '2010-01',
    registeredAt: NOW,
  },
};

/** A registration as the foundation wrote it, before issue 3: must still replay. */
export const registeredV1: EmployeeRegisteredV1 = {
  type: 'EmployeeRegistered.v1',
  data: {
    nip: NIP,
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

export const renamed = (
  name: string,
  previousName = 'Siti Rahayu',
  reason = 'akta perkawinan 12/2026',
): EmployeeEvent => ({
  type: 'EmployeeRenamed.v1',
  data: { nip: NIP, name, previousName, reason },
});

export const overridden = (raterNip = RATER, reason = 'acting head (Plt.) of SD 3'): EmployeeEvent => ({
  type: 'RaterOverridden.v1',
  data: { nip: NIP, raterNip, reason },
});

export const declared = (declarationId = 'd-1', kind: 'FAMILY' | 'BUSINESS' | 'OTHER' = 'FAMILY'): EmployeeEvent => ({
  type: 'ConflictOfInterestDeclared.v1',
  data: {
    nip: NIP,
    declarationId,
    raterNip: RATER,
    kind,
    description: 'the rater is my uncle',
    declaredBy: 'RATEE',
    declaredAt: NOW,
  },
});
