// Who reads which policy scope. Policies are published rules, so everyone of an agency reads its own and the
// national one (transparency, DOMAIN section 10); other agencies' only ADMIN and AUDITOR.
import { ForbiddenException } from '@nestjs/common';
import { Role, type Principal } from '../../../../libs/auth/src/index.js';
import { NATIONAL_SCOPE } from '../../../../libs/policy/src/versions/policy-events.js';
import { errorBody } from '../http/error-body.js';

export const POLICY_READERS = [Role.ADMIN, Role.AUDITOR, Role.HR, Role.EMPLOYEE, Role.RATER, Role.RATER_SUPERVISOR];

export function assertMayReadPolicy(principal: Principal, scope: string): void {
  if (principal.roles.includes(Role.ADMIN) || principal.roles.includes(Role.AUDITOR)) return;
  if (scope === NATIONAL_SCOPE || scope === principal.agencyId) return;
  throw new ForbiddenException(
    errorBody(
      403,
      'FORBIDDEN',
      `only the national policy and your own agency's (${principal.agencyId ?? 'none'}) are readable`,
    ),
  );
}
