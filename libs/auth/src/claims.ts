import type { JWTPayload } from 'jose';
import { InvalidTokenError } from './errors.js';
import type { Principal } from './principal.js';
import { isRole, type Role } from './role.js';

/**
 * Maps verified JWT claims to a Principal. Claims: `sub`, `roles` (array; absent means none), `agency_id`,
 * `nip`, `name`. One unknown role rejects the whole token: a role we do not know may be a typo or an
 * escalation attempt, and silently dropping it would hide the problem.
 */
export function principalFromClaims(claims: JWTPayload): Principal {
  const { sub, roles } = claims;
  if (typeof sub !== 'string' || sub === '') throw invalidClaim('sub', 'a non-empty string');
  if (roles !== undefined && !Array.isArray(roles)) throw invalidClaim('roles', 'an array of role names');
  const checkedRoles: Role[] = [];
  for (const role of (roles ?? []) as unknown[]) {
    if (!isRole(role)) throw new InvalidTokenError('unknown_role', `token claims unknown role ${JSON.stringify(role)}`);
    if (!checkedRoles.includes(role)) checkedRoles.push(role);
  }
  const principal: Principal = { id: sub, roles: checkedRoles };
  const agencyId = optionalString(claims, 'agency_id');
  const nip = optionalString(claims, 'nip');
  const name = optionalString(claims, 'name');
  if (agencyId !== undefined) principal.agencyId = agencyId;
  if (nip !== undefined) principal.nip = nip;
  if (name !== undefined) principal.name = name;
  return principal;
}

function optionalString(claims: JWTPayload, claim: string): string | undefined {
  const value = claims[claim];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value === '') throw invalidClaim(claim, 'a non-empty string');
  return value;
}

function invalidClaim(claim: string, expected: string): InvalidTokenError {
  return new InvalidTokenError('invalid_claims', `token claim "${claim}" must be ${expected}`);
}
