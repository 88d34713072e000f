import type { UnitFact } from '../employee/employee-rules.js';
import type { AgencyState } from './agency-state.js';

/** What an employee command needs to know from the agency stream about a unit. */
export function unitFactFrom(agency: AgencyState, unitId: string): UnitFact {
  return {
    agencyRegistered: agency.status === 'registered',
    unitExists: agency.status === 'registered' && agency.units[unitId] !== undefined,
  };
}
