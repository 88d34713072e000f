// Who may touch what in the organization area (deny by default; @Allow on the route admits the roles first):
// ADMIN everything; HR its own agency only; AUDITOR reads everything and writes nothing; an employee reads
// their own record and their agency's structure.
import { ForbiddenException } from '@nestjs/common';
import { Role, type Principal } from '../../../../libs/auth/src/index.js';
import { errorBody } from '../http/error-body.js';

const has = (principal: Principal, ...roles: Role[]) => roles.some((r) => principal.roles.includes(r));

const forbidden = (message: string) => new ForbiddenException(errorBody(403, 'FORBIDDEN', message));

/** Commands on an agency's units and employees. */
export function assertManagesAgency(principal: Principal, agencyId: string): void {
  if (has(principal, Role.ADMIN)) return;
  if (has(principal, Role.HR) && principal.agencyId === agencyId) return;
  throw forbidden(`only ADMIN or HR of ${agencyId} may do this (you: ${principal.agencyId ?? 'no agency'})`);
}

/** Reading an agency's structure. */
export function assertReadsAgency(principal: Principal, agencyId: string): void {
  if (has(principal, Role.ADMIN, Role.AUDITOR)) return;
  if (principal.agencyId === agencyId) return; // HR and employees of the agency
  throw forbidden(`you may read agency ${principal.agencyId ?? '(none)'} only`);
}

/** Reading one employee's record, reporting line, history, declarations. */
export function assertReadsEmployee(principal: Principal, employee: { nip: string; agencyId: string }): void {
  if (has(principal, Role.ADMIN, Role.AUDITOR)) return;
  if (has(principal, Role.HR) && principal.agencyId === employee.agencyId) return;
  if (principal.nip === employee.nip) return;
  throw forbidden('you may read your own record only (HR: employees of your agency)');
}
