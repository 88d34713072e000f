import type { DomainEvent } from '../../../shared-kernel/src/decider.js';
import type { Golongan, JobType } from './position.js';

export type EmploymentType = 'PNS' | 'PPPK';
export const EMPLOYMENT_TYPES: readonly EmploymentType[] = ['PNS', 'PPPK'];

export const employeeStreamName = (nip: string): string => `employee-${nip}`;

/** The foundation's registration: no grade or job type, unit and position optional. Still replayed (upcast). */
export type EmployeeRegisteredV1 = DomainEvent<
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

/** Registration since issue 3: the unit (checked to exist in the agency), position, golongan and job type. */
export type EmployeeRegistered = DomainEvent<
  'EmployeeRegistered.v2',
  Omit<EmployeeRegisteredV1['data'], 'unitId' | 'positionTitle'> & {
    unitId: string;
    positionTitle: string;
    golongan: Golongan;
    jobType: JobType;
  }
>;

/** A move to another unit of the same agency, effective on a date (a cycle in progress must respect it). */
export type EmployeeMoved = DomainEvent<
  'EmployeeMoved.v1',
  { nip: string; agencyId: string; fromUnitId: string | null; toUnitId: string; effectiveDate: string }
>;

export type EmployeePositionChanged = DomainEvent<
  'EmployeePositionChanged.v1',
  { nip: string; positionTitle: string; golongan: Golongan; jobType: JobType; effectiveDate: string }
>;

/** HR names the pejabat penilai explicitly, replacing the derived one; the reason is part of the record. */
export type RaterOverridden = DomainEvent<'RaterOverridden.v1', { nip: string; raterNip: string; reason: string }>;

export type RaterOverrideCleared = DomainEvent<
  'RaterOverrideCleared.v1',
  { nip: string; previousRaterNip: string; reason: string }
>;

/**
 * A new legal name (marriage, a corrected spelling, an academic title added): the registration keeps the old one,
 * so the history shows both. The reason is part of the record.
 */
export type EmployeeRenamed = DomainEvent<
  'EmployeeRenamed.v1',
  { nip: string; name: string; previousName: string; reason: string }
>;

export type ConflictOfInterestKind = 'FAMILY' | 'BUSINESS' | 'OTHER';
export const CONFLICT_OF_INTEREST_KINDS: readonly ConflictOfInterestKind[] = ['FAMILY', 'BUSINESS', 'OTHER'];
export type DeclaredBy = 'RATEE' | 'RATER' | 'HR';

/** Stored in the ratee's stream (nip), so an audit of the ratee's appraisal finds it. */
export type ConflictOfInterestDeclared = DomainEvent<
  'ConflictOfInterestDeclared.v1',
  {
    nip: string;
    declarationId: string;
    raterNip: string;
    kind: ConflictOfInterestKind;
    description: string;
    declaredBy: DeclaredBy;
    declaredAt: string;
  }
>;

export type ConflictOfInterestWithdrawn = DomainEvent<
  'ConflictOfInterestWithdrawn.v1',
  { nip: string; declarationId: string; raterNip: string; reason: string; withdrawnAt: string }
>;

export type EmployeeEvent =
  | EmployeeRegisteredV1
  | EmployeeRegistered
  | EmployeeMoved
  | EmployeePositionChanged
  | EmployeeRenamed
  | RaterOverridden
  | RaterOverrideCleared
  | ConflictOfInterestDeclared
  | ConflictOfInterestWithdrawn;

export const EMPLOYEE_EVENT_TYPES: readonly EmployeeEvent['type'][] = [
  'EmployeeRegistered.v1',
  'EmployeeRegistered.v2',
  'EmployeeMoved.v1',
  'EmployeePositionChanged.v1',
  'EmployeeRenamed.v1',
  'RaterOverridden.v1',
  'RaterOverrideCleared.v1',
  'ConflictOfInterestDeclared.v1',
  'ConflictOfInterestWithdrawn.v1',
];

/** A registration of either version, upcast to one shape: what v1 did not record is null. */
export type Registration = Omit<EmployeeRegistered['data'], 'unitId' | 'positionTitle' | 'golongan' | 'jobType'> & {
  unitId: string | null;
  positionTitle: string | null;
  golongan: Golongan | null;
  jobType: JobType | null;
};

export function upcastRegistration(event: EmployeeRegisteredV1 | EmployeeRegistered): Registration {
  if (event.type === 'EmployeeRegistered.v2') return event.data;
  return { ...event.data, golongan: null, jobType: null };
}
