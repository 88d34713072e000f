import type { DomainEvent } from '../../../shared-kernel/src/decider.js';

export type EmploymentType = 'PNS' | 'PPPK';
export const EMPLOYMENT_TYPES: readonly EmploymentType[] = ['PNS', 'PPPK'];

export const employeeStreamName = (nip: string): string => `employee-${nip}`;

export type EmployeeRegistered = DomainEvent<
  'EmployeeRegistered.v1',
  {
    nip: string;
    name: string;
    employmentType: EmploymentType;
    agencyId: string;
    unitId: string | null;
    positionTitle: string | null;
    /** Derived from the NIP; kept for fairness audits only. */
    birthDate: string;
    gender: 'MALE' | 'FEMALE';
    appointmentMonth: string;
    registeredAt: string;
  }
>;

export type EmployeeEvent = EmployeeRegistered;
