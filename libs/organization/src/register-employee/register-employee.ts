import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import { validateNip } from '../nip.js';
import type { EmployeeEvent, EmploymentType } from '../employee/employee-events.js';
import { evolveEmployee, initialEmployeeState, type EmployeeState } from '../employee/employee-state.js';

export interface RegisterEmployee {
  type: 'RegisterEmployee';
  data: {
    nip: string;
    name: string;
    employmentType: EmploymentType;
    agencyId: string;
    unitId?: string;
    positionTitle?: string;
  };
  /** Injected clock: ISO instant of the request. */
  now: string;
}

export function decideRegisterEmployee(command: RegisterEmployee, state: EmployeeState): EmployeeEvent[] {
  if (state.status === 'registered') {
    throw new DomainError(
      'conflict',
      'EMPLOYEE_ALREADY_REGISTERED',
      `employee ${command.data.nip} is already registered`,
    );
  }
  const nip = validateNip(command.data.nip, command.now.slice(0, 10));
  if (!nip.ok) {
    throw new DomainError(
      'invalid',
      'INVALID_NIP',
      `NIP ${command.data.nip} is not valid: ${nip.problems.map((p) => p.message).join('; ')}`,
      nip.problems.map((p) => ({ field: 'nip', part: p.part, message: p.message })),
    );
  }
  const name = command.data.name.trim();
  if (name.length === 0) {
    throw new DomainError('invalid', 'INVALID_NAME', 'name must not be blank', [{ field: 'name', message: 'blank' }]);
  }
  return [
    {
      type: 'EmployeeRegistered.v1',
      data: {
        nip: nip.value.nip,
        name,
        employmentType: command.data.employmentType,
        agencyId: command.data.agencyId,
        unitId: command.data.unitId ?? null,
        positionTitle: command.data.positionTitle ?? null,
        birthDate: nip.value.birthDate,
        gender: nip.value.gender,
        appointmentMonth: nip.value.appointmentMonth,
        registeredAt: command.now,
      },
    },
  ];
}

export const registerEmployeeDecider: Decider<RegisterEmployee, EmployeeState, EmployeeEvent> = {
  initialState: initialEmployeeState,
  decide: decideRegisterEmployee,
  evolve: evolveEmployee,
};
