// HR names an employee's pejabat penilai explicitly when the derived one is wrong (the most common complaint
// about the national app): the reason is required and stays in the employee's history.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { EmployeeEvent } from '../employee/employee-events.js';
import { requireReason, requireRegistered, type OtherEmployeeFact } from '../employee/employee-rules.js';
import { evolveEmployee, initialEmployeeState, type EmployeeState } from '../employee/employee-state.js';

export interface OverrideRater {
  type: 'OverrideRater';
  data: { nip: string; raterNip: string; reason: string };
  /** Cross-stream fact: the named rater's employee record. */
  rater: OtherEmployeeFact;
}

export function decideOverrideRater(command: OverrideRater, state: EmployeeState): EmployeeEvent[] {
  const { nip, raterNip } = command.data;
  const employee = requireRegistered(state, nip);
  const reason = requireReason(command.data.reason);
  if (raterNip === nip) {
    throw new DomainError('invalid', 'SELF_AS_RATER', 'an employee cannot be their own pejabat penilai', [
      { field: 'raterNip', message: 'same as the employee' },
    ]);
  }
  if (command.rater === null) {
    throw new DomainError('not_found', 'RATER_NOT_FOUND', `no employee ${raterNip}`, [
      { field: 'raterNip', message: 'not registered' },
    ]);
  }
  if (command.rater.agencyId !== employee.agencyId) {
    throw new DomainError('invalid', 'RATER_NOT_IN_AGENCY', `${raterNip} is not an employee of ${employee.agencyId}`, [
      { field: 'raterNip', message: `employee of ${command.rater.agencyId}` },
    ]);
  }
  const current = employee.raterOverride;
  if (current && current.raterNip === raterNip && current.reason === reason) return [];
  return [{ type: 'RaterOverridden.v1', data: { nip, raterNip, reason } }];
}

export const overrideRaterDecider: Decider<OverrideRater, EmployeeState, EmployeeEvent> = {
  initialState: initialEmployeeState,
  decide: decideOverrideRater,
  evolve: evolveEmployee,
};
