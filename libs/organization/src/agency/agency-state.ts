import type { AgencyEvent, TimeZone } from './agency-events.js';

export interface UnitState {
  name: string;
  parentUnitId: string | null;
  headNip: string | null;
}

export type AgencyState =
  | { status: 'unregistered' }
  | {
      status: 'registered';
      agencyId: string;
      name: string;
      timeZone: TimeZone;
      rootUnitId: string | null;
      units: Readonly<Record<string, UnitState>>;
    };

export const initialAgencyState = (): AgencyState => ({ status: 'unregistered' });

export function evolveAgency(state: AgencyState, event: AgencyEvent): AgencyState {
  if (event.type === 'AgencyRegistered.v1') {
    const { agencyId, name, timeZone } = event.data;
    return { status: 'registered', agencyId, name, timeZone, rootUnitId: null, units: {} };
  }
  if (state.status !== 'registered') return state;
  const withUnit = (unitId: string, change: Partial<UnitState>): AgencyState => {
    const unit = state.units[unitId];
    return unit ? { ...state, units: { ...state.units, [unitId]: { ...unit, ...change } } } : state;
  };
  switch (event.type) {
    case 'UnitCreated.v1': {
      const { unitId, name, parentUnitId } = event.data;
      return {
        ...state,
        rootUnitId: parentUnitId === null ? unitId : state.rootUnitId,
        units: { ...state.units, [unitId]: { name, parentUnitId, headNip: null } },
      };
    }
    case 'UnitRenamed.v1':
      return withUnit(event.data.unitId, { name: event.data.name });
    case 'UnitMoved.v1':
      return withUnit(event.data.unitId, { parentUnitId: event.data.toParentUnitId });
    case 'UnitHeadAssigned.v1':
      return withUnit(event.data.unitId, { headNip: event.data.nip });
    case 'UnitHeadVacated.v1':
      return withUnit(event.data.unitId, { headNip: null });
    default:
      // Unknown (newer) event types are ignored so that replay never throws.
      return state;
  }
}

/** The unit and its ancestors, nearest first. Stops on a (corrupt) cycle instead of looping. */
export function ancestorsOf(units: Readonly<Record<string, UnitState>>, unitId: string): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  for (let id: string | null = unitId; id !== null && !seen.has(id) && units[id]; id = units[id].parentUnitId) {
    seen.add(id);
    chain.push(id);
  }
  return chain;
}
