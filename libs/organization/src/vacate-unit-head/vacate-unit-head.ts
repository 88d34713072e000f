// HR records that a unit's head has left the post without a successor yet. The unit stays vacant until a new
// head is assigned; meanwhile its people are rated by the nearest head above (derive-rater.ts). A decision
// about people's reporting lines, so it must say why.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { AgencyEvent } from '../agency/agency-events.js';
import { requireAgency, requireUnit } from '../agency/agency-errors.js';
import { evolveAgency, initialAgencyState, type AgencyState } from '../agency/agency-state.js';
import { requireReason } from '../employee/employee-rules.js';

export interface VacateUnitHead {
  type: 'VacateUnitHead';
  data: { agencyId: string; unitId: string; reason: string };
}

export function decideVacateUnitHead(command: VacateUnitHead, state: AgencyState): AgencyEvent[] {
  const { agencyId, unitId } = command.data;
  const agency = requireAgency(state, agencyId);
  requireUnit(agency, unitId);
  const reason = requireReason(command.data.reason);
  const previousNip = agency.units[unitId].headNip;
  if (previousNip === null) {
    throw new DomainError('conflict', 'UNIT_HEAD_VACANT', `unit ${unitId} has no head to vacate`, [
      { field: 'unitId', message: 'already vacant' },
    ]);
  }
  return [{ type: 'UnitHeadVacated.v1', data: { agencyId, unitId, previousNip, reason } }];
}

export const vacateUnitHeadDecider: Decider<VacateUnitHead, AgencyState, AgencyEvent> = {
  initialState: initialAgencyState,
  decide: decideVacateUnitHead,
  evolve: evolveAgency,
};
