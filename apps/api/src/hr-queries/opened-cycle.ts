// The cycle folded from its stream (consistent with every write before), for the read routes of HR and employees.
import { NotFoundException } from '@nestjs/common';
import { cycleStreamName, type CycleEvent } from '../../../../libs/appraisal/src/cycle/cycle-events.js';
import { evolveCycle, initialCycleState, type OpenedCycle } from '../../../../libs/appraisal/src/cycle/cycle-state.js';
import type { EventStore } from '../../../../libs/event-store/src/port.js';
import { loadState } from '../event-sourcing/load-state.js';
import { errorBody } from '../http/error-body.js';

/** 404 CYCLE_NOT_FOUND when the cycle was never opened. */
export async function openedCycle(eventStore: EventStore, cycleId: string): Promise<OpenedCycle> {
  const { state } = await loadState<ReturnType<typeof initialCycleState>, CycleEvent>(
    eventStore,
    cycleStreamName(cycleId),
    { initialState: initialCycleState, evolve: evolveCycle },
  );
  if (state.status !== 'opened') throw new NotFoundException(errorBody(404, 'CYCLE_NOT_FOUND', `no cycle ${cycleId}`));
  return state;
}
