// The commands a cycle decides, with the facts the caller looks up. `actorNip` is null for HR/ADMIN.
import type { Policy, Predikat, UnitPredikat } from '../../../policy/src/policy.js';
import type { PolicyRef } from '../../../policy/src/versions/policy-events.js';
import type { FrameworkRef } from '../appraisal/appraisal-events.js';
import type { CycleKind, CyclePhase } from './cycle-events.js';
import type { ReadinessCounts } from '../advance-cycle-phase/cycle-readiness.js';

export interface OpenCycle {
  type: 'OpenCycle';
  now: string;
  data: {
    cycleId: string;
    agencyId: string;
    name: string;
    kind: CycleKind;
    periodStart: string;
    periodEnd: string;
    rootUnitId: string;
  };
  /** Facts: the agency's time zone and the subtree under rootUnitId (null when the unit does not exist). */
  timeZone: string;
  unitIds: string[] | null;
  /** The published framework version pinned (null: the agency has none published; built-ins only). */
  frameworkRef: FrameworkRef | null;
  policyRef: PolicyRef;
  policy: Policy;
}

export interface AdvanceCyclePhase {
  type: 'AdvanceCyclePhase';
  now: string;
  /** confirmNotReady: HR moves on although the readiness report is not empty (the reason says why). */
  data: { to: CyclePhase; reason: string; confirmNotReady?: boolean };
  /** Fact: the populations that have open appraisals; all must be determined before PUBLISHED. */
  populationIds: string[];
  /** Fact: the readiness report for `to` (cycle-readiness.ts), counted over the cycle's appraisals. */
  readiness: ReadinessCounts;
}

export interface SetUnitPredikat {
  type: 'SetUnitPredikat';
  now: string;
  actorNip: string | null;
  data: { populationId: string; unitPredikat: UnitPredikat; reason: string };
}

/** One appraisal of the population, as the caller found it (from the appraisal streams or read model). */
export interface PopulationMemberFact {
  nip: string;
  /** The approved rating's predikat and version; null when the appraisal has no approved rating yet. */
  approved: { predikat: Predikat; ratingVersion: number } | null;
}

export interface DetermineDistribution {
  type: 'DetermineDistribution';
  now: string;
  actorNip: string | null;
  data: { populationId: string; overrideJustification: string | null };
  members: PopulationMemberFact[];
}
