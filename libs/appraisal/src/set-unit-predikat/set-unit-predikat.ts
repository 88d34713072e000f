// Step 1 of the penetapan (DOMAIN section 6): the leader one level up sets the population's organizational
// predikat, which fixes the curve its employees' predikat must meet. It may be changed until determination.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import { UNIT_PREDIKATS, type DistributionScope } from '../../../policy/src/policy.js';
import { requirePhase, requireText } from '../appraisal/appraisal-rules.js';
import type { SetUnitPredikat } from '../cycle/cycle-commands.js';
import type { CycleEvent } from '../cycle/cycle-events.js';
import { evolveCycle, initialCycleState, type CycleState, type OpenedCycle } from '../cycle/cycle-state.js';
import { requireCycle } from '../advance-cycle-phase/advance-cycle-phase.js';

/**
 * The population id cycle events use for an employee: the unit id under the policy's UNIT scope, the agency id
 * under AGENCY scope (distributionPopulation's key without its `unit:`/`agency:` prefix; the scope is pinned
 * with the cycle's policy, so the bare id is unambiguous within a cycle).
 */
export function cyclePopulationId(scope: DistributionScope, appraisal: { agencyId: string; unitId: string }): string {
  return scope === 'AGENCY' ? appraisal.agencyId : appraisal.unitId;
}

/** The population is one the cycle's policy scope knows: a unit of the cycle (UNIT) or its agency (AGENCY). */
export function requirePopulation(cycle: OpenedCycle, populationId: string): void {
  const known =
    cycle.policy.distribution.scope === 'AGENCY'
      ? populationId === cycle.agencyId
      : cycle.unitIds.includes(populationId);
  if (!known) {
    const expected = cycle.policy.distribution.scope === 'AGENCY' ? 'the agency id' : 'a unit of the cycle';
    throw new DomainError(
      'not_found',
      'POPULATION_NOT_FOUND',
      `cycle ${cycle.cycleId} has no population ${populationId} (the policy's distribution scope is ` +
        `${cycle.policy.distribution.scope}: ${expected})`,
      [{ field: 'populationId', message: `must be ${expected}` }],
    );
  }
}

export function decideSetUnitPredikat(command: SetUnitPredikat, state: CycleState): CycleEvent[] {
  const cycle = requireCycle(state);
  const { populationId, unitPredikat } = command.data;
  requirePhase(cycle.phase, ['ASSESSMENT', 'DETERMINATION'], 'set a unit predikat');
  requirePopulation(cycle, populationId);
  if (!UNIT_PREDIKATS.includes(unitPredikat)) {
    throw new DomainError(
      'invalid',
      'INVALID_UNIT_PREDIKAT',
      `unitPredikat must be one of ${UNIT_PREDIKATS.join(', ')}`,
      [{ field: 'unitPredikat', message: `unknown predikat ${String(unitPredikat)}` }],
    );
  }
  const reason = requireText('reason', command.data.reason);
  const population = cycle.populations[populationId];
  if (population?.determination) {
    throw new DomainError(
      'conflict',
      'ALREADY_DETERMINED',
      `the distribution of ${populationId} is determined under ${population.determination.unitPredikat}; ` +
        'its unit predikat can no longer change',
    );
  }
  if (population?.unitPredikat === unitPredikat) return [];
  return [
    {
      type: 'UnitPredikatSet.v1',
      data: { populationId, unitPredikat, setByNip: command.actorNip, reason, setAt: command.now },
    },
  ];
}

export const setUnitPredikatDecider: Decider<SetUnitPredikat, CycleState, CycleEvent> = {
  initialState: initialCycleState,
  decide: decideSetUnitPredikat,
  evolve: evolveCycle,
};
