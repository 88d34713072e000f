// The distribution check without writing (DOMAIN section 6): the population's approved predikat counted against
// the curve its unit predikat fixes, every violated bound with its numbers, and who has no approved rating yet
// (they are not counted). From the read model: a preview; the determination itself folds the streams.
import { ConflictException } from '@nestjs/common';
import type { OpenedCycle } from '../../../../../libs/appraisal/src/cycle/cycle-state.js';
import {
  validateDistribution,
  type DistributionViolation,
  type PredikatCounts,
} from '../../../../../libs/policy/src/distribution.js';
import { PREDIKATS, type UnitPredikat } from '../../../../../libs/policy/src/policy.js';
import { errorBody } from '../../http/error-body.js';
import type { PopulationMember } from '../cycle-read-models.js';

export interface DistributionCheckView {
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

export function distributionCheck(
  cycle: OpenedCycle,
  populationId: string,
  members: PopulationMember[],
  tryUnitPredikat?: UnitPredikat,
): DistributionCheckView {
  const unitPredikat = tryUnitPredikat ?? cycle.populations[populationId]?.unitPredikat ?? null;
  if (unitPredikat === null) {
    throw new ConflictException(
      errorBody(
        409,
        'UNIT_PREDIKAT_NOT_SET',
        `the unit predikat of ${populationId} is not set; pass ?unitPredikat= to check against one`,
      ),
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
