import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { AgencyEvent } from '../agency/agency-events.js';
import { requireAgency, requireName, requireSlug, requireUnit } from '../agency/agency-errors.js';
import { evolveAgency, initialAgencyState, type AgencyState } from '../agency/agency-state.js';

export interface CreateUnit {
  type: 'CreateUnit';
  /** parentUnitId null (or absent): the agency's root unit, which must be the first unit created. */
  data: { agencyId: string; unitId: string; name: string; parentUnitId?: string | null };
}

export function decideCreateUnit(command: CreateUnit, state: AgencyState): AgencyEvent[] {
  const { agencyId, unitId } = command.data;
  const parentUnitId = command.data.parentUnitId ?? null;
  const agency = requireAgency(state, agencyId);
  requireSlug(unitId, 'unitId');
  if (agency.units[unitId]) {
    throw new DomainError('conflict', 'UNIT_ALREADY_EXISTS', `agency ${agencyId} already has a unit ${unitId}`, [
      { field: 'unitId', message: 'taken' },
    ]);
  }
  if (parentUnitId === null && agency.rootUnitId !== null) {
    throw new DomainError(
      'conflict',
      'ROOT_UNIT_EXISTS',
      `agency ${agencyId} already has its root unit ${agency.rootUnitId}; give a parentUnitId`,
      [{ field: 'parentUnitId', message: 'required: the root unit exists' }],
    );
  }
  if (parentUnitId !== null) requireUnit(agency, parentUnitId, 'parentUnitId');
  const name = requireName(command.data.name);
  return [{ type: 'UnitCreated.v1', data: { agencyId, unitId, name, parentUnitId } }];
}

export const createUnitDecider: Decider<CreateUnit, AgencyState, AgencyEvent> = {
  initialState: initialAgencyState,
  decide: decideCreateUnit,
  evolve: evolveAgency,
};
