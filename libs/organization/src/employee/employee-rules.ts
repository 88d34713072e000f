// Checks shared by the employee use cases; each error names the field it concerns.
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { EmployeeState, RegisteredEmployee } from './employee-state.js';

export function requireRegistered(state: EmployeeState, nip: string): RegisteredEmployee {
  if (state.status !== 'registered') {
    throw new DomainError('not_found', 'EMPLOYEE_NOT_FOUND', `no employee ${nip}`, [
      { field: 'nip', message: 'not registered' },
    ]);
  }
  return state;
}

/** A person's decision (override, withdrawal) must say why: the reason is part of the audited record. */
export function requireReason(raw: string | undefined, field = 'reason'): string {
  const reason = (raw ?? '').trim();
  if (reason.length === 0 || reason.length > 2000) {
    throw new DomainError('invalid', 'REASON_REQUIRED', `${field} is required (1-2000 characters, not blank)`, [
      { field, message: 'blank or too long' },
    ]);
  }
  return reason;
}

export function requireEffectiveDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const parsed = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : undefined;
  if (!parsed || parsed.toISOString().slice(0, 10) !== date) {
    throw new DomainError('invalid', 'INVALID_EFFECTIVE_DATE', `effectiveDate must be a real date YYYY-MM-DD`, [
      { field: 'effectiveDate', message: `got ${date}` },
    ]);
  }
  return date;
}

/**
 * Cross-stream fact a handler reads from the agency stream and passes in: does the unit exist in the
 * employee's agency?
 */
export interface UnitFact {
  agencyRegistered: boolean;
  unitExists: boolean;
}

export function requireUnitInAgency(fact: UnitFact, agencyId: string, unitId: string): void {
  if (!fact.agencyRegistered) {
    throw new DomainError('not_found', 'AGENCY_NOT_FOUND', `no agency ${agencyId}`, [
      { field: 'agencyId', message: 'not registered' },
    ]);
  }
  if (!fact.unitExists) {
    throw new DomainError('not_found', 'UNIT_NOT_FOUND', `agency ${agencyId} has no unit ${unitId}`, [
      { field: 'unitId', message: `no unit ${unitId} in agency ${agencyId}` },
    ]);
  }
}

/** Cross-stream fact: the other employee named by a command (a rater), null if not registered. */
export type OtherEmployeeFact = { agencyId: string } | null;
