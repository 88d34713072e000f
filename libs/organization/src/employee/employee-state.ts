import type { EmployeeEvent, EmploymentType } from './employee-events.js';

export type EmployeeState =
  { status: 'unregistered' } | { status: 'registered'; nip: string; agencyId: string; employmentType: EmploymentType };

export const initialEmployeeState = (): EmployeeState => ({ status: 'unregistered' });

export function evolveEmployee(state: EmployeeState, event: EmployeeEvent): EmployeeState {
  switch (event.type) {
    case 'EmployeeRegistered.v1':
      return {
        status: 'registered',
        nip: event.data.nip,
        agencyId: event.data.agencyId,
        employmentType: event.data.employmentType,
      };
    default:
      // Unknown (newer) event types are ignored so that replay never throws.
      return state;
  }
}
