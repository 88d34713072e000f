// Moving an employee to another unit of the same agency is an event with an effective date, so that a
// cycle in progress can split the employee's period at the move.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import type { EmployeeEvent } from '../employee/employee-events.js';
import {
  requireEffectiveDate,
  requireRegistered,
  requireUnitInAgency,
  type UnitFact,
} from '../employee/employee-rules.js';
import { evolveEmployee, initialEmployeeState, type EmployeeState } from '../employee/employee-state.js';

export interface MoveEmployee {
  type: 'MoveEmployee';
  data: { nip: string; unitId: string; effectiveDate: string };
  /** Cross-stream fact: the unit in the employee's own agency. */
  unit: UnitFact;
}

export function decideMoveEmployee(command: MoveEmployee, state: EmployeeState): EmployeeEvent[] {
  const { nip, unitId } = command.data;
  const employee = requireRegistered(state, nip);
  const effectiveDate = requireEffectiveDate(command.data.effectiveDate);
  requireUnitInAgency(command.unit, employee.agencyId, unitId);
  if (employee.unitId === unitId) return []; // already there
  return [
    {
      type: 'EmployeeMoved.v1',
      data: { nip, agencyId: employee.agencyId, fromUnitId: employee.unitId, toUnitId: unitId, effectiveDate },
    },
  ];
}

export const moveEmployeeDecider: Decider<MoveEmployee, EmployeeState, EmployeeEvent> = {
  initialState: initialEmployeeState,
  decide: decideMoveEmployee,
  evolve: evolveEmployee,
};
