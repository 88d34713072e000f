// Rename and/or move a unit in one command (one PATCH, one If-Match). Moving refuses cycles: a unit cannot
// go under itself or any of its descendants, and the root unit stays the root.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { AgencyEvent } from '../agency/agency-events.js';
import { requireAgency, requireName, requireUnit } from '../agency/agency-errors.js';
import { ancestorsOf, evolveAgency, initialAgencyState, type AgencyState } from '../agency/agency-state.js';

export interface UpdateUnit {
  type: 'UpdateUnit';
  data: { agencyId: string; unitId: string; name?: string; parentUnitId?: string };
}

export function decideUpdateUnit(command: UpdateUnit, state: AgencyState): AgencyEvent[] {
  const { agencyId, unitId, parentUnitId } = command.data;
  const agency = requireAgency(state, agencyId);
  requireUnit(agency, unitId);
  const unit = agency.units[unitId];
  const events: AgencyEvent[] = [];
  if (command.data.name !== undefined) {
    const name = requireName(command.data.name);
    if (name !== unit.name) events.push({ type: 'UnitRenamed.v1', data: { agencyId, unitId, name } });
  }
  if (parentUnitId !== undefined && parentUnitId !== unit.parentUnitId) {
    if (unit.parentUnitId === null) {
      throw new DomainError('conflict', 'ROOT_UNIT_CANNOT_MOVE', `${unitId} is the agency's root unit`, [
        { field: 'parentUnitId', message: 'the root unit has no parent' },
      ]);
    }
    requireUnit(agency, parentUnitId, 'parentUnitId');
    if (ancestorsOf(agency.units, parentUnitId).includes(unitId)) {
      throw new DomainError(
        'conflict',
        'UNIT_CYCLE',
        `moving ${unitId} under ${parentUnitId} would make it its own ancestor`,
        [{ field: 'parentUnitId', message: `${parentUnitId} is ${unitId} or one of its descendants` }],
      );
    }
    events.push({
      type: 'UnitMoved.v1',
      data: { agencyId, unitId, fromParentUnitId: unit.parentUnitId, toParentUnitId: parentUnitId },
    });
  }
  return events;
}

export const updateUnitDecider: Decider<UpdateUnit, AgencyState, AgencyEvent> = {
  initialState: initialAgencyState,
  decide: decideUpdateUnit,
  evolve: evolveAgency,
};
