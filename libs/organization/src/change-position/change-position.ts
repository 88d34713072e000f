// A new position, grade or job type mid-cycle is an event with an effective date (later issues split the
// appraisal period at it).
import type { Decider } from '../../../shared-kernel/src/decider.js';
import type { EmployeeEvent } from '../employee/employee-events.js';
import { requireEffectiveDate, requireRegistered } from '../employee/employee-rules.js';
import { evolveEmployee, initialEmployeeState, type EmployeeState } from '../employee/employee-state.js';
import { requirePosition, type Position } from '../employee/position.js';

export interface ChangePosition {
  type: 'ChangePosition';
  data: Position & { nip: string; effectiveDate: string };
}

export function decideChangePosition(command: ChangePosition, state: EmployeeState): EmployeeEvent[] {
  const employee = requireRegistered(state, command.data.nip);
  const position = requirePosition(employee.employmentType, command.data);
  const effectiveDate = requireEffectiveDate(command.data.effectiveDate);
  const unchanged =
    position.positionTitle === employee.positionTitle &&
    position.golongan === employee.golongan &&
    position.jobType === employee.jobType;
  if (unchanged) return [];
  return [{ type: 'EmployeePositionChanged.v1', data: { nip: employee.nip, ...position, effectiveDate } }];
}

export const changePositionDecider: Decider<ChangePosition, EmployeeState, EmployeeEvent> = {
  initialState: initialEmployeeState,
  decide: decideChangePosition,
  evolve: evolveEmployee,
};
