// Back to the derived reporting line; a decision too, so it carries a reason.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { EmployeeEvent } from '../employee/employee-events.js';
import { requireReason, requireRegistered } from '../employee/employee-rules.js';
import { evolveEmployee, initialEmployeeState, type EmployeeState } from '../employee/employee-state.js';

export interface ClearRaterOverride {
  type: 'ClearRaterOverride';
  data: { nip: string; reason: string };
}

export function decideClearRaterOverride(command: ClearRaterOverride, state: EmployeeState): EmployeeEvent[] {
  const employee = requireRegistered(state, command.data.nip);
  const reason = requireReason(command.data.reason);
  if (!employee.raterOverride) {
    throw new DomainError('conflict', 'NO_RATER_OVERRIDE', `employee ${employee.nip} has no rater override`);
  }
  return [
    {
      type: 'RaterOverrideCleared.v1',
      data: { nip: employee.nip, previousRaterNip: employee.raterOverride.raterNip, reason },
    },
  ];
}

export const clearRaterOverrideDecider: Decider<ClearRaterOverride, EmployeeState, EmployeeEvent> = {
  initialState: initialEmployeeState,
  decide: decideClearRaterOverride,
  evolve: evolveEmployee,
};
