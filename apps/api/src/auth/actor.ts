import type { Actor } from '../../../../libs/event-store/src/port.js';
import type { Principal, Role } from '../../../../libs/auth/src/index.js';
import { actingRoleOf } from './request-principal.js';

/**
 * The actor for event metadata. Role: with `allowedRoles` (pass the route's @Allow list), the first of them
 * the principal holds; without, the role the guard admitted the principal under; else the principal's first.
 */
export function actorFrom(principal: Principal, allowedRoles?: readonly Role[]): Actor {
  const role =
    (allowedRoles ? allowedRoles.find((r) => principal.roles.includes(r)) : undefined) ??
    actingRoleOf(principal) ??
    principal.roles[0];
  if (role === undefined) throw new Error(`principal ${principal.id} holds no role to act under`);
  return { id: principal.id, role };
}
