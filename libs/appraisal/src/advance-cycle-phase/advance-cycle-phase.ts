// A cycle moves through its phases one step at a time, each step an event with a reason (issue 4, Cycles).
// Publication waits until every population with open appraisals has its distribution determined. A change that
// would strand appraisals (the readiness report is not empty) needs HR's confirmation, recorded on the event.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import { requireText } from '../appraisal/appraisal-rules.js';
import type { AdvanceCyclePhase } from '../cycle/cycle-commands.js';
import { CYCLE_PHASES, type CycleEvent, type CyclePhase } from '../cycle/cycle-events.js';
import { evolveCycle, initialCycleState, type CycleState, type OpenedCycle } from '../cycle/cycle-state.js';

/** The cycle exists (shared by every cycle decision). */
export function requireCycle(state: CycleState): OpenedCycle {
  if (state.status === 'none') throw new DomainError('not_found', 'CYCLE_NOT_FOUND', 'no such cycle');
  return state;
}

export const nextPhase = (phase: CyclePhase): CyclePhase | undefined => CYCLE_PHASES[CYCLE_PHASES.indexOf(phase) + 1];

export function decideAdvanceCyclePhase(command: AdvanceCyclePhase, state: CycleState): CycleEvent[] {
  const cycle = requireCycle(state);
  const { to } = command.data;
  const from = cycle.phase;
  const next = nextPhase(from);
  if (next === undefined) {
    throw new DomainError('conflict', 'CYCLE_CLOSED', `cycle ${cycle.cycleId} is closed; it has no next phase`);
  }
  if (to !== next) {
    throw new DomainError('conflict', 'PHASE_NOT_NEXT', `cycle is in ${from}; the next phase is ${next}`, [
      { field: 'to', message: `must be ${next}`, phase: from, next },
    ]);
  }
  const reason = requireText('reason', command.data.reason);
  if (to === 'PUBLISHED') {
    const undetermined = [...new Set(command.populationIds)]
      .filter((id) => !cycle.populations[id]?.determination)
      .sort();
    if (undetermined.length > 0) {
      throw new DomainError(
        'conflict',
        'POPULATIONS_NOT_DETERMINED',
        `cannot publish: the distribution of ${undetermined.join(', ')} is not determined`,
        undetermined.map((populationId) => ({ field: 'populationId', message: 'not determined', populationId })),
      );
    }
  }
  const { readiness } = command;
  if (readiness.notReady > 0 && command.data.confirmNotReady !== true) {
    const summary = readiness.byStatus.map((s) => `${s.count} ${s.status}`).join(', ');
    throw new DomainError(
      'conflict',
      'CYCLE_NOT_READY',
      `${readiness.notReady} appraisal(s) are not ready for ${to} (${readiness.requirement}: ${summary}); ` +
        `see GET /api/v1/cycles/${cycle.cycleId}/readiness?to=${to}, exclude those who cannot be assessed, or ` +
        'confirm with confirmNotReady: true and a reason',
      [
        ...readiness.byStatus.map((s) => ({
          field: 'readiness',
          message: 'not ready',
          status: s.status,
          count: s.count,
        })),
        ...readiness.byUnit.map((u) => ({
          field: 'readiness',
          message: 'not ready in unit',
          unitId: u.unitId,
          status: u.status,
          count: u.count,
        })),
      ],
    );
  }
  const { to: _to, ...counts } = readiness;
  return [
    {
      type: 'CyclePhaseAdvanced.v1',
      data: { from, to, reason, advancedAt: command.now, ...(readiness.notReady > 0 ? { notReady: counts } : {}) },
    },
  ];
}

export const advanceCyclePhaseDecider: Decider<AdvanceCyclePhase, CycleState, CycleEvent> = {
  initialState: initialCycleState,
  decide: decideAdvanceCyclePhase,
  evolve: evolveCycle,
};
