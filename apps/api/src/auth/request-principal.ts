// Where the guard leaves the verified caller for handlers (and later, relation checks). WeakMaps keep the
// request and the Principal objects unmodified and the values unreachable to anything but these functions.
import type { Principal, Role } from '../../../../libs/auth/src/index.js';

const principals = new WeakMap<object, Principal>();
const actingRoles = new WeakMap<Principal, Role>();

export function attachPrincipal(request: object, principal: Principal, actingRole: Role): void {
  principals.set(request, principal);
  actingRoles.set(principal, actingRole);
}

/** The caller of an authenticated route; undefined on @Public() routes. */
export function principalOf(request: object): Principal | undefined {
  return principals.get(request);
}

/** The role the guard let this principal in under, if the guard saw it. */
export function actingRoleOf(principal: Principal): Role | undefined {
  return actingRoles.get(principal);
}
