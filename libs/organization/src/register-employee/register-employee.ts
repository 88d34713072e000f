import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import { validateNip } from '../nip.js';
import type { EmployeeEvent, EmploymentType } from '../employee/employee-events.js';
import { requireUnitInAgency, type UnitFact } from '../employee/employee-rules.js';
import { evolveEmployee, initialEmployeeState, type EmployeeState } from '../employee/employee-state.js';
import { requirePosition, type Golongan, type JobType } from '../employee/position.js';

export interface RegisterEmployee {
  type: 'RegisterEmployee';
  data: {
    nip: string;
    name: string;
    employmentType: EmploymentType;
    agencyId: string;
    unitId: string;
    positionTitle: string;
    golongan: Golongan;
    jobType: JobType;
  };
  /** Cross-stream fact from the agency stream (see unitFactFrom). */
  unit: UnitFact;
  /** Injected clock: ISO instant of the request. */
  now: string;
}

export function decideRegisterEmployee(command: RegisterEmployee, state: EmployeeState): EmployeeEvent[] {
  const { data } = command;
  if (state.status === 'registered') {
    throw new DomainError('conflict', 'EMPLOYEE_ALREADY_REGISTERED', `employee ${data.nip} is already registered`);
  }
  const nip = validateNip(data.nip, command.now.slice(0, 10));
  if (!nip.ok) {
    throw new DomainError(
      'invalid',
      'INVALID_NIP',
      `NIP ${data.nip} is not valid: ${nip.problems.map((p) => p.message).join('; ')}`,
      nip.problems.map((p) => ({ field: 'nip', part: p.part, message: p.message })),
    );
  }
  const name = data.name.trim();
  if (name.length === 0) {
    throw new DomainError('invalid', 'INVALID_NAME', 'name must not be blank', [{ field: 'name', message: 'blank' }]);
  }
  const position = requirePosition(data.employmentType, data);
  requireUnitInAgency(command.unit, data.agencyId, data.unitId);
  return [
    {
      type: 'EmployeeRegistered.v2',
      data: {
        nip: nip.value.nip,
        name,
        employmentType: data.employmentType,
        agencyId: data.agencyId,
        unitId: data.unitId,
        ...position,
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
