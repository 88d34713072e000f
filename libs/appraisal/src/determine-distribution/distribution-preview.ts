// The distribution check without writing (docs/domain-rules.md, "Distribution"): a population's approved predikat
// counted against the curve its unit predikat fixes, every violated bound with its numbers, and who has no approved
// rating yet (they are not counted). The API serves it from the read model as a preview; the determination
// itself (determine-distribution.ts) decides on the folded streams.
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import {
  validateDistribution,
  type DistributionViolation,
  type PredikatCounts,
} from '../../../policy/src/distribution.js';
import { PREDIKATS, type Predikat, type UnitPredikat } from '../../../policy/src/policy.js';
import type { OpenedCycle } from '../cycle/cycle-state.js';

/** A member of the population as the preview needs it: the predikat of the approved rating, or null. */
export interface PreviewMember {
  nip: string;
  predikat: Predikat | null;
}

export interface DistributionPreview {
  cycleId: string;
  populationId: string;
  unitPredikat: UnitPredikat;
  /** members: active appraisals of the population; approved: those counted. */
  population: { members: number; approved: number };
  counts: PredikatCounts;
  ok: boolean;
  violations: DistributionViolation[];
  /** NIPs of members without an approved rating: the determination waits for them. */
  unapproved: string[];
}

/** `tryUnitPredikat` checks against another unit predikat than the one set (or when none is set yet). */
export function previewDistribution(
  cycle: OpenedCycle,
  populationId: string,
  members: readonly PreviewMember[],
  tryUnitPredikat?: UnitPredikat,
): DistributionPreview {
  const unitPredikat = tryUnitPredikat ?? cycle.populations[populationId]?.unitPredikat ?? null;
  if (unitPredikat === null) {
    throw new DomainError(
      'conflict',
      'UNIT_PREDIKAT_NOT_SET',
      `the unit predikat of ${populationId} is not set; pass ?unitPredikat= to check against one`,
    );
  }
  const counts: PredikatCounts = Object.fromEntries(PREDIKATS.map((p) => [p, 0]));
  const unapproved: string[] = [];
  for (const m of members) {
    if (m.predikat === null) unapproved.push(m.nip);
    else counts[m.predikat] = (counts[m.predikat] ?? 0) + 1;
  }
  const check = validateDistribution(cycle.policy, unitPredikat, counts);
  return {
    cycleId: cycle.cycleId,
    populationId,
    unitPredikat,
    population: { members: members.length, approved: members.length - unapproved.length },
    counts,
    ok: check.ok,
    violations: check.ok ? [] : check.violations,
    unapproved: unapproved.sort(),
  };
}
