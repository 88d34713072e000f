// The state cycle decisions (and the API's phase checks) fold from `cycle-{cycleId}`. evolve never throws.
import type { Policy, UnitPredikat } from '../../../policy/src/policy.js';
import type { PolicyRef } from '../../../policy/src/versions/policy-events.js';
import type { FrameworkRef } from '../appraisal/appraisal-events.js';
import type { CycleEvent, CycleEventOf, CycleKind, CyclePhase } from './cycle-events.js';

export interface PopulationState {
  unitPredikat: UnitPredikat | null;
  determination: CycleEventOf<'DistributionDetermined.v1'>['data'] | null;
  /** Predikat changed by keberatan decisions after the determination, oldest first. */
  changesByObjection?: readonly CycleEventOf<'DistributionChangedByObjection.v1'>['data'][];
}

export interface OpenedCycle {
  status: 'opened';
  cycleId: string;
  agencyId: string;
  name: string;
  kind: CycleKind;
  periodStart: string;
  periodEnd: string;
  timeZone: string;
  rootUnitId: string;
  unitIds: readonly string[];
  frameworkRef: FrameworkRef | null;
  policyRef: PolicyRef;
  policy: Policy;
  phase: CyclePhase;
  populations: Readonly<Record<string, PopulationState>>;
}

export type CycleState = { status: 'none' } | OpenedCycle;

export const initialCycleState = (): CycleState => ({ status: 'none' });

export function evolveCycle(state: CycleState, event: CycleEvent): CycleState {
  if (event.type === 'CycleOpened.v1') {
    const { openedAt: _openedAt, ...d } = event.data;
    return { status: 'opened', ...d, phase: 'PLANNING', populations: {} };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'CyclePhaseAdvanced.v1':
      return { ...state, phase: event.data.to };
    case 'UnitPredikatSet.v1': {
      const current = state.populations[event.data.populationId] ?? { unitPredikat: null, determination: null };
      return {
        ...state,
        populations: {
          ...state.populations,
          [event.data.populationId]: { ...current, unitPredikat: event.data.unitPredikat },
        },
      };
    }
    case 'DistributionDetermined.v1': {
      const current = state.populations[event.data.populationId] ?? { unitPredikat: null, determination: null };
      return {
        ...state,
        populations: {
          ...state.populations,
          [event.data.populationId]: { ...current, unitPredikat: event.data.unitPredikat, determination: event.data },
        },
      };
    }
    case 'DistributionChangedByObjection.v1': {
      const current = state.populations[event.data.populationId];
      if (!current) return state;
      const changesByObjection = [...(current.changesByObjection ?? []), event.data];
      return {
        ...state,
        populations: { ...state.populations, [event.data.populationId]: { ...current, changesByObjection } },
      };
    }
  }
}
