import type { Generated } from 'kysely';
import type { DistributionScope, UnitPredikat } from '../../../policy/src/policy.js';
import type { CycleKind, CyclePhase } from '../../../appraisal/src/cycle/cycle-events.js';

export interface PhaseChange {
  from: CyclePhase;
  to: CyclePhase;
  reason: string;
  at: string;
  /** Who moved it (the event's actor); absent in rows built before version 3 of the projection. */
  by?: { id: string; role: string };
  /** Set when HR moved on although appraisals were not ready: how many. */
  notReady?: number;
}

export interface CycleRow {
  cycle_id: string;
  agency_id: string;
  name: string;
  kind: CycleKind;
  /** Local dates YYYY-MM-DD in the agency's time zone, kept as text. */
  period_start: string;
  period_end: string;
  time_zone: string;
  root_unit_id: string;
  /** jsonb (pg returns it parsed): string[] */
  unit_ids: unknown;
  /** jsonb: FrameworkRef | null */
  framework_ref: unknown;
  /** jsonb: PolicyRef */
  policy_ref: unknown;
  distribution_scope: DistributionScope;
  phase: CyclePhase;
  opened_at: string | Date;
  /** jsonb: PhaseChange[], oldest first */
  phase_history: unknown;
  /** int8 as a string: the cycle stream's revision (its ETag). */
  revision: string;
}

export interface CyclePopulationRow {
  cycle_id: string;
  population_id: string;
  unit_predikat: UnitPredikat | null;
  unit_predikat_reason: string | null;
  determined: boolean;
  /** jsonb: PredikatCounts at determination; null before. */
  counts: unknown;
  /** jsonb: DistributionViolation[] at determination (overridden ones); null before. */
  violations: unknown;
  override_justification: string | null;
  determined_by_nip: string | null;
  /** jsonb: the determination event's actor {id, role} (HR and ADMIN act without a NIP). */
  determined_by: unknown;
  determined_at: string | Date | null;
  /** jsonb: the DistributionChangedByObjection.v1 data of every keberatan that moved a predikat after it, oldest first. */
  changes_by_objection: Generated<unknown>;
  /** Some change by objection left the curve violated: flagged for HR. */
  flagged_after_determination: Generated<boolean>;
}

export interface CycleTables {
  cycles: CycleRow;
  cycle_populations: CyclePopulationRow;
}
