// Who may do what with an agency's competency framework (issue 3, "Access"): HR of the agency and ADMIN
// manage; AUDITOR reads everything; anyone in the agency reads published versions and, while a draft is open
// for comment, reads and comments on it. Everyone else: 403.
import { ForbiddenException } from '@nestjs/common';
import type { VersionStatus } from '../../../../libs/competency/src/framework/framework-events.js';
import { Role, type Principal } from '../../../../libs/auth/src/index.js';
import { errorBody } from '../http/error-body.js';

export const EVERY_ROLE: readonly Role[] = [
  Role.HR,
  Role.ADMIN,
  Role.AUDITOR,
  Role.RATER_SUPERVISOR,
  Role.RATER,
  Role.EMPLOYEE,
];
export const MANAGER_ROLES: readonly Role[] = [Role.HR, Role.ADMIN];
/** Auditors write nothing, so they are the one role that cannot comment. */
export const COMMENTER_ROLES: readonly Role[] = [Role.HR, Role.ADMIN, Role.RATER_SUPERVISOR, Role.RATER, Role.EMPLOYEE];

const MEMBER_STATUSES: readonly VersionStatus[] = ['OPEN_FOR_COMMENT', 'PUBLISHED'];
const ALL_STATUSES: readonly VersionStatus[] = ['DRAFT', 'OPEN_FOR_COMMENT', 'PUBLISHED'];

export const isAdmin = (p: Principal): boolean => p.roles.includes(Role.ADMIN);
export const isMember = (p: Principal, agencyId: string): boolean => p.agencyId === agencyId;
export const canManage = (p: Principal, agencyId: string): boolean =>
  isAdmin(p) || (p.roles.includes(Role.HR) && isMember(p, agencyId));
export const canComment = (p: Principal, agencyId: string): boolean =>
  isAdmin(p) || (isMember(p, agencyId) && p.roles.some((r) => COMMENTER_ROLES.includes(r)));
export const readsEverything = (p: Principal): boolean => isAdmin(p) || p.roles.includes(Role.AUDITOR);

/** The version statuses `p` may read in `agencyId`'s frameworks; empty: none (403). */
export function readableStatuses(p: Principal, agencyId: string): readonly VersionStatus[] {
  if (readsEverything(p) || canManage(p, agencyId)) return ALL_STATUSES;
  return isMember(p, agencyId) ? MEMBER_STATUSES : [];
}

export function forbidden(message: string): ForbiddenException {
  return new ForbiddenException(errorBody(403, 'FORBIDDEN', message));
}

export function otherAgency(p: Principal, agencyId: string): ForbiddenException {
  return forbidden(`agency ${agencyId}'s frameworks are not open to this account (agency ${p.agencyId ?? 'none'})`);
}
