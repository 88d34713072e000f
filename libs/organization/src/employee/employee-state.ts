import type { Golongan, JobType } from './position.js';
import {
  upcastRegistration,
  type ConflictOfInterestKind,
  type EmployeeEvent,
  type EmploymentType,
} from './employee-events.js';

export interface DeclarationState {
  raterNip: string;
  kind: ConflictOfInterestKind;
  active: boolean;
}

export interface RegisteredEmployee {
  status: 'registered';
  nip: string;
  /** The current name: from the registration, then from each EmployeeRenamed. */
  name: string;
  agencyId: string;
  employmentType: EmploymentType;
  unitId: string | null;
  positionTitle: string | null;
  golongan: Golongan | null;
  jobType: JobType | null;
  raterOverride: { raterNip: string; reason: string } | null;
  conflictsOfInterest: Readonly<Record<string, DeclarationState>>;
}

export type EmployeeState = { status: 'unregistered' } | RegisteredEmployee;

export const initialEmployeeState = (): EmployeeState => ({ status: 'unregistered' });

export function evolveEmployee(state: EmployeeState, event: EmployeeEvent): EmployeeState {
  if (event.type === 'EmployeeRegistered.v1' || event.type === 'EmployeeRegistered.v2') {
    const r = upcastRegistration(event);
    return {
      status: 'registered',
      nip: r.nip,
      name: r.name,
      agencyId: r.agencyId,
      employmentType: r.employmentType,
      unitId: r.unitId,
      positionTitle: r.positionTitle,
      golongan: r.golongan,
      jobType: r.jobType,
      raterOverride: null,
      conflictsOfInterest: {},
    };
  }
  if (state.status !== 'registered') return state;
  switch (event.type) {
    case 'EmployeeMoved.v1':
      return { ...state, unitId: event.data.toUnitId };
    case 'EmployeePositionChanged.v1': {
      const { positionTitle, golongan, jobType } = event.data;
      return { ...state, positionTitle, golongan, jobType };
    }
    case 'EmployeeRenamed.v1':
      return { ...state, name: event.data.name };
    case 'RaterOverridden.v1':
      return { ...state, raterOverride: { raterNip: event.data.raterNip, reason: event.data.reason } };
    case 'RaterOverrideCleared.v1':
      return { ...state, raterOverride: null };
    case 'ConflictOfInterestDeclared.v1': {
      const { declarationId, raterNip, kind } = event.data;
      const conflictsOfInterest = { ...state.conflictsOfInterest, [declarationId]: { raterNip, kind, active: true } };
      return { ...state, conflictsOfInterest };
    }
    case 'ConflictOfInterestWithdrawn.v1': {
      const declaration = state.conflictsOfInterest[event.data.declarationId];
      if (!declaration) return state;
      const conflictsOfInterest = {
        ...state.conflictsOfInterest,
        [event.data.declarationId]: { ...declaration, active: false },
      };
      return { ...state, conflictsOfInterest };
    }
    default:
      // Unknown (newer) event types are ignored so that replay never throws.
      return state;
  }
}
