// HR records an employee's new name (marriage, a corrected spelling, a title): the NIP stays, the registration
// keeps the old name, and the read models show the new one. A change to the record, so it must say why.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { requireName } from '../agency/agency-errors.js';
import type { EmployeeEvent } from '../employee/employee-events.js';
import { requireReason, requireRegistered } from '../employee/employee-rules.js';
import { evolveEmployee, initialEmployeeState, type EmployeeState } from '../employee/employee-state.js';

export interface RenameEmployee {
  type: 'RenameEmployee';
  data: { nip: string; name: string; reason: string };
}

export function decideRenameEmployee(command: RenameEmployee, state: EmployeeState): EmployeeEvent[] {
  const employee = requireRegistered(state, command.data.nip);
  const name = requireName(command.data.name);
  const reason = requireReason(command.data.reason);
  if (name === employee.name) return []; // already so named: nothing happened
  return [{ type: 'EmployeeRenamed.v1', data: { nip: employee.nip, name, previousName: employee.name, reason } }];
}

export const renameEmployeeDecider: Decider<RenameEmployee, EmployeeState, EmployeeEvent> = {
  initialState: initialEmployeeState,
  decide: decideRenameEmployee,
  evolve: evolveEmployee,
};
