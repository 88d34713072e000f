import { NotFoundException } from '@nestjs/common';
import type { Principal } from '../../../../../libs/auth/src/index.js';
import type { RegisteredEmployee } from '../../../../../libs/organization/src/employee/employee-state.js';
import { errorBody } from '../../http/error-body.js';
import type { OrganizationFacts } from '../../organization/organization-facts.js';
import { assertManagesAgency, assertReadsEmployee } from '../../organization/organization-access.js';

/** The employee from their stream, 404 if unknown; 403 unless the principal is ADMIN or HR of their agency. */
export async function managedEmployee(
  facts: OrganizationFacts,
  principal: Principal,
  nip: string,
): Promise<RegisteredEmployee> {
  const employee = await knownEmployee(facts, nip);
  assertManagesAgency(principal, employee.agencyId);
  return employee;
}

/** The employee from their stream, 404 if unknown; 403 unless the principal may read their record. */
export async function readableEmployee(
  facts: OrganizationFacts,
  principal: Principal,
  nip: string,
): Promise<RegisteredEmployee> {
  const employee = await knownEmployee(facts, nip);
  assertReadsEmployee(principal, employee);
  return employee;
}

async function knownEmployee(facts: OrganizationFacts, nip: string): Promise<RegisteredEmployee> {
  const employee = await facts.employee(nip);
  if (employee.status !== 'registered') {
    throw new NotFoundException(errorBody(404, 'EMPLOYEE_NOT_FOUND', `no employee ${nip}`));
  }
  return employee;
}
