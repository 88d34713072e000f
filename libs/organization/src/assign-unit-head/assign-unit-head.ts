import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { AgencyEvent } from '../agency/agency-events.js';
import { requireAgency, requireUnit } from '../agency/agency-errors.js';
import { evolveAgency, initialAgencyState, type AgencyState } from '../agency/agency-state.js';

export interface AssignUnitHead {
  type: 'AssignUnitHead';
  data: { agencyId: string; unitId: string; nip: string };
  /** Cross-stream fact looked up by the handler: the head's employee record, null if not registered. */
  headEmployee: { agencyId: string } | null;
}

export function decideAssignUnitHead(command: AssignUnitHead, state: AgencyState): AgencyEvent[] {
  const { agencyId, unitId, nip } = command.data;
  const agency = requireAgency(state, agencyId);
  requireUnit(agency, unitId);
  if (command.headEmployee === null) {
    throw new DomainError('not_found', 'EMPLOYEE_NOT_FOUND', `no employee ${nip}`, [
      { field: 'nip', message: 'not registered' },
    ]);
  }
  if (command.headEmployee.agencyId !== agencyId) {
    throw new DomainError('invalid', 'HEAD_NOT_IN_AGENCY', `employee ${nip} is not an employee of ${agencyId}`, [
      { field: 'nip', message: `employee of ${command.headEmployee.agencyId}` },
    ]);
  }
  const previousNip = agency.units[unitId].headNip;
  if (previousNip === nip) return []; // already the head: nothing happened
  return [{ type: 'UnitHeadAssigned.v1', data: { agencyId, unitId, nip, previousNip } }];
}

export const assignUnitHeadDecider: Decider<AssignUnitHead, AgencyState, AgencyEvent> = {
  initialState: initialAgencyState,
  decide: decideAssignUnitHead,
  evolve: evolveAgency,
};
