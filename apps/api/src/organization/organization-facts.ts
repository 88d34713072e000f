// Cross-stream facts for command handlers and access checks, read from the streams themselves (not from read
// models: a command must not be decided on data that lags behind the events).
import { Inject, Injectable } from '@nestjs/common';
import { fold } from '../../../../libs/shared-kernel/src/decider.js';
import { agencyStreamName, type AgencyEvent } from '../../../../libs/organization/src/agency/agency-events.js';
import {
  evolveAgency,
  initialAgencyState,
  type AgencyState,
} from '../../../../libs/organization/src/agency/agency-state.js';
import { employeeStreamName, type EmployeeEvent } from '../../../../libs/organization/src/employee/employee-events.js';
import {
  evolveEmployee,
  initialEmployeeState,
  type EmployeeState,
} from '../../../../libs/organization/src/employee/employee-state.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { INFRASTRUCTURE } from '../tokens.js';

@Injectable()
export class OrganizationFacts {
  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  async agency(agencyId: string): Promise<AgencyState> {
    const events = await this.infrastructure.eventStore.readStream(agencyStreamName(agencyId));
    return fold(
      evolveAgency,
      initialAgencyState(),
      events.map((e) => ({ type: e.type, data: e.data }) as AgencyEvent),
    );
  }

  async employee(nip: string): Promise<EmployeeState> {
    const events = await this.infrastructure.eventStore.readStream(employeeStreamName(nip));
    return fold(
      evolveEmployee,
      initialEmployeeState(),
      events.map((e) => ({ type: e.type, data: e.data }) as EmployeeEvent),
    );
  }

  /** The other employee named by a command: their agency, or null if not registered. */
  async otherEmployee(nip: string): Promise<{ agencyId: string } | null> {
    const state = await this.employee(nip);
    return state.status === 'registered' ? { agencyId: state.agencyId } : null;
  }
}
