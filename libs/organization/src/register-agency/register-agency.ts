import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import { TIME_ZONES, type AgencyEvent, type TimeZone } from '../agency/agency-events.js';
import { requireName, requireSlug } from '../agency/agency-errors.js';
import { evolveAgency, initialAgencyState, type AgencyState } from '../agency/agency-state.js';

export interface RegisterAgency {
  type: 'RegisterAgency';
  data: { agencyId: string; name: string; timeZone: TimeZone };
  /** Injected clock: ISO instant of the request. */
  now: string;
}

export function decideRegisterAgency(command: RegisterAgency, state: AgencyState): AgencyEvent[] {
  const { agencyId, timeZone } = command.data;
  if (state.status === 'registered') {
    throw new DomainError('conflict', 'AGENCY_ALREADY_REGISTERED', `agency ${agencyId} is already registered`);
  }
  requireSlug(agencyId, 'agencyId');
  if (!TIME_ZONES.includes(timeZone)) {
    throw new DomainError('invalid', 'INVALID_TIME_ZONE', `timeZone must be one of ${TIME_ZONES.join(', ')}`, [
      { field: 'timeZone', message: `got ${String(timeZone)}` },
    ]);
  }
  const name = requireName(command.data.name);
  return [{ type: 'AgencyRegistered.v1', data: { agencyId, name, timeZone, registeredAt: command.now } }];
}

export const registerAgencyDecider: Decider<RegisterAgency, AgencyState, AgencyEvent> = {
  initialState: initialAgencyState,
  decide: decideRegisterAgency,
  evolve: evolveAgency,
};
