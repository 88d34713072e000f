import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { AgencyState } from './agency-state.js';

export type RegisteredAgency = Extract<AgencyState, { status: 'registered' }>;

export function requireAgency(state: AgencyState, agencyId: string): RegisteredAgency {
  if (state.status !== 'registered') {
    throw new DomainError('not_found', 'AGENCY_NOT_FOUND', `no agency ${agencyId}`, [
      { field: 'agencyId', message: 'not registered' },
    ]);
  }
  return state;
}

export function requireUnit(state: RegisteredAgency, unitId: string, field = 'unitId'): void {
  if (!state.units[unitId]) {
    throw new DomainError('not_found', 'UNIT_NOT_FOUND', `agency ${state.agencyId} has no unit ${unitId}`, [
      { field, message: `no unit ${unitId} in agency ${state.agencyId}` },
    ]);
  }
}

export function requireName(raw: string, field = 'name'): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > 200) {
    throw new DomainError('invalid', 'INVALID_NAME', `${field} must be 1-200 characters, not blank`, [
      { field, message: 'blank or too long' },
    ]);
  }
  return name;
}

export function requireSlug(id: string, field: string): void {
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) {
    throw new DomainError('invalid', 'INVALID_ID', `${field} must be lowercase letters, digits and dashes (max 64)`, [
      { field, message: `"${id}" is not a slug` },
    ]);
  }
}
