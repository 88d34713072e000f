// HR withdraws a declaration (made in error, or the relation ended); the reason is kept with it.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { EmployeeEvent } from '../employee/employee-events.js';
import { requireReason, requireRegistered } from '../employee/employee-rules.js';
import { evolveEmployee, initialEmployeeState, type EmployeeState } from '../employee/employee-state.js';

export interface WithdrawConflictOfInterest {
  type: 'WithdrawConflictOfInterest';
  data: { nip: string; declarationId: string; reason: string };
  now: string;
}

export function decideWithdrawConflictOfInterest(
  command: WithdrawConflictOfInterest,
  state: EmployeeState,
): EmployeeEvent[] {
  const { nip, declarationId } = command.data;
  const employee = requireRegistered(state, nip);
  const reason = requireReason(command.data.reason);
  const declaration = employee.conflictsOfInterest[declarationId];
  if (!declaration) {
    throw new DomainError('not_found', 'DECLARATION_NOT_FOUND', `employee ${nip} has no declaration ${declarationId}`);
  }
  if (!declaration.active) {
    throw new DomainError('conflict', 'DECLARATION_ALREADY_WITHDRAWN', `declaration ${declarationId} was withdrawn`);
  }
  return [
    {
      type: 'ConflictOfInterestWithdrawn.v1',
      data: { nip, declarationId, raterNip: declaration.raterNip, reason, withdrawnAt: command.now },
    },
  ];
}

export const withdrawConflictOfInterestDecider: Decider<WithdrawConflictOfInterest, EmployeeState, EmployeeEvent> = {
  initialState: initialEmployeeState,
  decide: decideWithdrawConflictOfInterest,
  evolve: evolveEmployee,
};
