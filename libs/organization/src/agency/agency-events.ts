// One stream per agency (instansi) holding the agency and its whole unit tree, so that "the parent exists",
// "no cycles" and "unit ids are unique" are decisions on a single stream (DOMAIN section 12).
import type { DomainEvent } from '../../../shared-kernel/src/decider.js';

export type TimeZone = 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';
/** WIB, WITA, WIT: the three time zones of Indonesia. */
export const TIME_ZONES: readonly TimeZone[] = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];

/** Agency and unit ids are slugs. */
export const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

export const agencyStreamName = (agencyId: string): string => `agency-${agencyId}`;

export type AgencyRegistered = DomainEvent<
  'AgencyRegistered.v1',
  { agencyId: string; name: string; timeZone: TimeZone; registeredAt: string }
>;

/** parentUnitId null: the agency's root unit (there is exactly one). */
export type UnitCreated = DomainEvent<
  'UnitCreated.v1',
  { agencyId: string; unitId: string; name: string; parentUnitId: string | null }
>;

export type UnitRenamed = DomainEvent<'UnitRenamed.v1', { agencyId: string; unitId: string; name: string }>;

export type UnitMoved = DomainEvent<
  'UnitMoved.v1',
  { agencyId: string; unitId: string; fromParentUnitId: string; toParentUnitId: string }
>;

/** Who heads a unit (reporting lines derive from it). previousNip: the head it replaces, if any. */
export type UnitHeadAssigned = DomainEvent<
  'UnitHeadAssigned.v1',
  { agencyId: string; unitId: string; nip: string; previousNip: string | null }
>;

/**
 * The head leaves the post and nobody replaces them yet (retirement, transfer, death): the unit is vacant and its
 * people defer to the nearest head above (derive-rater.ts). The reason is part of the record.
 */
export type UnitHeadVacated = DomainEvent<
  'UnitHeadVacated.v1',
  { agencyId: string; unitId: string; previousNip: string; reason: string }
>;

export type AgencyEvent = AgencyRegistered | UnitCreated | UnitRenamed | UnitMoved | UnitHeadAssigned | UnitHeadVacated;

export const AGENCY_EVENT_TYPES: readonly AgencyEvent['type'][] = [
  'AgencyRegistered.v1',
  'UnitCreated.v1',
  'UnitRenamed.v1',
  'UnitMoved.v1',
  'UnitHeadAssigned.v1',
  'UnitHeadVacated.v1',
];
