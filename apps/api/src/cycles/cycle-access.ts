// Who may do what with a cycle (README "Appraisal cycles": by role AND relation; @Allow admits roles first).
// ADMIN runs every cycle but reads no appraisal data (personal); HR its own agency's cycles; AUDITOR reads
// everything, writes nothing; the leader one level up sets a unit's predikat and determines its distribution;
// employees of the agency read the cycle itself.
import { ForbiddenException } from '@nestjs/common';
import { Role, type Principal } from '../../../../libs/auth/src/index.js';
import type { OpenedCycle } from '../../../../libs/appraisal/src/cycle/cycle-state.js';
import { requirePopulation } from '../../../../libs/appraisal/src/set-unit-predikat/set-unit-predikat.js';
import { errorBody } from '../http/error-body.js';

export const has = (principal: Principal, ...roles: Role[]): boolean => roles.some((r) => principal.roles.includes(r));

export const forbidden = (message: string) => new ForbiddenException(errorBody(403, 'FORBIDDEN', message));

/** HR of the cycle's agency, or ADMIN. */
export const managesCycle = (principal: Principal, cycle: { agencyId: string }): boolean =>
  has(principal, Role.ADMIN) || (has(principal, Role.HR) && principal.agencyId === cycle.agencyId);

/**
 * HR of the cycle's agency or AUDITOR: every appraisal row and per-person figure of the cycle. Not ADMIN: the
 * technical role runs cycles (open, phases, reconcile) but reads no one's appraisal (personal data).
 */
export const overseesCycle = (principal: Principal, cycle: { agencyId: string }): boolean =>
  (has(principal, Role.HR) && principal.agencyId === cycle.agencyId) || has(principal, Role.AUDITOR);

export function assertManagesCycle(principal: Principal, cycle: { agencyId: string }): void {
  if (!managesCycle(principal, cycle)) {
    throw forbidden(`only ADMIN or HR of ${cycle.agencyId} may do this (you: ${principal.agencyId ?? 'no agency'})`);
  }
}

export function assertOverseesCycle(principal: Principal, cycle: { agencyId: string }): void {
  if (!overseesCycle(principal, cycle)) {
    throw forbidden(`only HR of ${cycle.agencyId} or AUDITOR may read this`);
  }
}

/** The cycle itself (period, phase, pinned versions) is no secret inside its agency. */
export function assertReadsCycle(principal: Principal, cycle: { agencyId: string }): void {
  if (managesCycle(principal, cycle) || overseesCycle(principal, cycle) || principal.agencyId === cycle.agencyId)
    return;
  throw forbidden(`only members of ${cycle.agencyId}, AUDITOR or ADMIN may read this cycle`);
}

/**
 * A distribution population of the cycle: the agency (policy scope AGENCY) or one of the cycle's units (UNIT).
 * `unitId` is null for the agency-wide population. 404 POPULATION_NOT_FOUND otherwise.
 */
export function populationOf(
  cycle: OpenedCycle,
  populationId: string,
): { populationId: string; unitId: string | null } {
  requirePopulation(cycle, populationId);
  return { populationId, unitId: cycle.policy.distribution.scope === 'AGENCY' ? null : populationId };
}

/** How a writer of a population's predikat/determination acts: as HR/ADMIN (no NIP) or as the leader. */
export interface PopulationWriter {
  actorNip: string | null;
  /** The roles to pick the event's actor role from, in order. */
  actingRoles: Role[];
}

export const HR_WRITER_ROLES: Role[] = [Role.HR, Role.ADMIN];
export const LEADER_ROLES: Role[] = [Role.RATER_SUPERVISOR, Role.RATER, Role.EMPLOYEE];

/**
 * HR of the agency / ADMIN; or the leader one level up of the population's unit (`leaderNip`, null for the
 * agency-wide population and the agency's root unit, which only HR/ADMIN handle).
 */
export function populationWriter(principal: Principal, cycle: OpenedCycle, leaderNip: string | null): PopulationWriter {
  if (managesCycle(principal, cycle)) return { actorNip: null, actingRoles: HR_WRITER_ROLES };
  if (
    leaderNip !== null &&
    principal.nip === leaderNip &&
    principal.agencyId === cycle.agencyId &&
    has(principal, ...LEADER_ROLES)
  ) {
    return { actorNip: leaderNip, actingRoles: LEADER_ROLES };
  }
  throw forbidden(
    leaderNip === null
      ? `only HR of ${cycle.agencyId} or ADMIN set this population's predikat`
      : `only the leader one level up (${leaderNip}), HR of ${cycle.agencyId} or ADMIN may do this`,
  );
}
