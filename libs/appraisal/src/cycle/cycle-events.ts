// A cycle (`cycle-{cycleId}`): the period, the unit subtree it covers, the framework and policy versions it
// pins, its phases, and the determination (penetapan) of each population's distribution (DOMAIN section 6).
import type { DomainEvent } from '../../../shared-kernel/src/decider.js';
import type { Policy, Predikat, UnitPredikat } from '../../../policy/src/policy.js';
import type { PolicyRef } from '../../../policy/src/versions/policy-events.js';
import type { DistributionViolation, PredikatCounts } from '../../../policy/src/distribution.js';
import type { FrameworkRef } from '../appraisal/appraisal-events.js';
import type { ReadinessCounts } from '../advance-cycle-phase/cycle-readiness.js';

export const cycleStreamName = (cycleId: string): string => `cycle-${cycleId}`;

export const CYCLE_PHASES = ['PLANNING', 'IN_PROGRESS', 'ASSESSMENT', 'DETERMINATION', 'PUBLISHED', 'CLOSED'] as const;
export type CyclePhase = (typeof CYCLE_PHASES)[number];

export const CYCLE_KINDS = ['ANNUAL', 'SEMESTER', 'QUARTERLY', 'MONTHLY'] as const;
export type CycleKind = (typeof CYCLE_KINDS)[number];

export type CycleEvent =
  | DomainEvent<
      'CycleOpened.v1',
      {
        cycleId: string;
        agencyId: string;
        name: string;
        kind: CycleKind;
        /** Local dates (YYYY-MM-DD) in the agency's time zone. */
        periodStart: string;
        periodEnd: string;
        timeZone: string;
        rootUnitId: string;
        /** The subtree at opening: rootUnitId and every unit below it. */
        unitIds: string[];
        frameworkRef: FrameworkRef | null;
        policyRef: PolicyRef;
        policy: Policy;
        openedAt: string;
      }
    >
  | DomainEvent<
      'CyclePhaseAdvanced.v1',
      {
        from: CyclePhase;
        to: CyclePhase;
        reason: string;
        advancedAt: string;
        /** Present when HR moved on although appraisals were not ready (confirmNotReady): the report's counts. */
        notReady?: Omit<ReadinessCounts, 'to'>;
      }
    >
  | DomainEvent<
      'UnitPredikatSet.v1',
      {
        /** The population: a unit id (policy scope UNIT) or the agency id (scope AGENCY). */
        populationId: string;
        unitPredikat: UnitPredikat;
        setByNip: string | null;
        reason: string;
        setAt: string;
      }
    >
  | DomainEvent<
      'DistributionDetermined.v1',
      {
        populationId: string;
        unitPredikat: UnitPredikat;
        members: { nip: string; predikat: Predikat; ratingVersion: number }[];
        counts: PredikatCounts;
        violations: DistributionViolation[];
        /** Present when the curve was violated and determined anyway: flagged for audit. */
        override: { justification: string } | null;
        determinedByNip: string | null;
        determinedAt: string;
      }
    >
  | DomainEvent<
      'DistributionChangedByObjection.v1',
      {
        /**
         * After penetapan, a keberatan decided CHANGED moved one member's predikat: the population's counts as
         * they now stand, checked again against the pinned curve. The decision is final and stands either way;
         * violations here flag the population for HR (they never undo the decision).
         */
        populationId: string;
        objectionId: string;
        nip: string;
        from: Predikat;
        to: Predikat;
        counts: PredikatCounts;
        violations: DistributionViolation[];
        recordedAt: string;
      }
    >;

export type CycleEventOf<T extends CycleEvent['type']> = Extract<CycleEvent, { type: T }>;
