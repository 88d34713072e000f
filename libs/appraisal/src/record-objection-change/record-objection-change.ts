// After a keberatan decided CHANGED moved a member's predikat, the population's distribution is checked again
// against the pinned curve and the change recorded on the cycle, flagged when the curve is now broken. The
// decision itself is final (it is already in the appraisal's stream): nothing here can refuse or undo it.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import { validateDistribution, type PredikatCounts } from '../../../policy/src/distribution.js';
import type { Predikat } from '../../../policy/src/policy.js';
import { requireCycle } from '../advance-cycle-phase/advance-cycle-phase.js';
import type { CycleEvent } from '../cycle/cycle-events.js';
import { evolveCycle, initialCycleState, type CycleState, type PopulationState } from '../cycle/cycle-state.js';

export interface RecordObjectionChange {
  type: 'RecordObjectionChange';
  now: string;
  data: { populationId: string; objectionId: string; nip: string; from: Predikat; to: Predikat };
}

/** The counts as they stand: the determination's, moved by every change recorded since. */
export function currentCounts(population: PopulationState): PredikatCounts {
  const counts: PredikatCounts = { ...(population.determination?.counts ?? {}) };
  for (const change of population.changesByObjection ?? []) {
    counts[change.from] = (counts[change.from] ?? 0) - 1;
    counts[change.to] = (counts[change.to] ?? 0) + 1;
  }
  return counts;
}

export function decideRecordObjectionChange(command: RecordObjectionChange, state: CycleState): CycleEvent[] {
  const cycle = requireCycle(state);
  const { populationId, objectionId, nip, from, to } = command.data;
  const population = cycle.populations[populationId];
  if (!population?.determination || population.unitPredikat === null) {
    throw new DomainError('conflict', 'POPULATION_NOT_DETERMINED', `population ${populationId} has no determination`);
  }
  // One record per objection: a retry after a crash between the two appends writes nothing twice.
  if ((population.changesByObjection ?? []).some((c) => c.objectionId === objectionId) || from === to) return [];
  const counts = currentCounts(population);
  counts[from] = (counts[from] ?? 0) - 1;
  counts[to] = (counts[to] ?? 0) + 1;
  const check = validateDistribution(cycle.policy, population.unitPredikat, counts);
  return [
    {
      type: 'DistributionChangedByObjection.v1',
      data: {
        populationId,
        objectionId,
        nip,
        from,
        to,
        counts,
        violations: check.ok ? [] : check.violations,
        recordedAt: command.now,
      },
    },
  ];
}

export const recordObjectionChangeDecider: Decider<RecordObjectionChange, CycleState, CycleEvent> = {
  initialState: initialCycleState,
  decide: decideRecordObjectionChange,
  evolve: evolveCycle,
};
