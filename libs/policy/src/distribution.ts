// Checks employees' predikat against the curve their unit's predikat fixes (DOMAIN section 6, SE MenPANRB
// 3/2023), reporting EVERY violated bound with numbers, so a rater sees what to change and by how many people.
import { DomainError } from '../../shared-kernel/src/domain-error.js';
import {
  PREDIKATS,
  type DistributionBound,
  type DistributionRounding,
  type Policy,
  type Predikat,
  type UnitPredikat,
} from './policy.js';

export type PredikatCounts = Partial<Record<Predikat, number>>;

export interface DistributionViolation {
  bound: DistributionBound;
  /** Position of the bound in the policy's curve for the unit predikat. */
  boundIndex: number;
  /** People whose predikat is one of the bound's. */
  actualPeople: number;
  /** Their share of the population, in percent, one decimal. */
  actualShare: number;
  /** The bound's value as written: percent for *_SHARE, people for *_COUNT. */
  limit: number;
  /** The limit as a head count for this population, after the policy's rounding. */
  limitPeople: number;
  peopleOver?: number;
  peopleShort?: number;
  message: string;
}

export type DistributionCheck = { ok: true } | { ok: false; violations: DistributionViolation[] };

/**
 * An empty population meets every curve (there is nobody to rate). A bound's predikat are summed; a share
 * bound becomes a head count with the policy's rounding (policy.ts, DistributionRounding).
 */
export function validateDistribution(
  policy: Policy,
  unitPredikat: UnitPredikat,
  countsByPredikat: PredikatCounts,
): DistributionCheck {
  for (const [predikat, count] of Object.entries(countsByPredikat)) {
    if (!(PREDIKATS as readonly string[]).includes(predikat) || !Number.isInteger(count) || (count as number) < 0) {
      throw new DomainError('invalid', 'INVALID_PREDIKAT_COUNTS', `${predikat}: ${count} is not a head count`, [
        { field: predikat, message: 'must be a predikat with a whole number >= 0 of people' },
      ]);
    }
  }
  const total = PREDIKATS.reduce((sum, p) => sum + (countsByPredikat[p] ?? 0), 0);
  if (total === 0) return { ok: true };
  const violations: DistributionViolation[] = [];
  policy.distribution.curves[unitPredikat].forEach((bound, boundIndex) => {
    const people = bound.predikat.reduce((sum, p) => sum + (countsByPredikat[p] ?? 0), 0);
    const limitPeople = headCount(bound, total, policy.distribution.rounding);
    const isMax = bound.kind === 'MAX_SHARE' || bound.kind === 'MAX_COUNT';
    const gap = isMax ? people - limitPeople : limitPeople - people;
    if (gap <= 0) return;
    const actualShare = Math.round((people * 1000) / total) / 10;
    violations.push({
      bound,
      boundIndex,
      actualPeople: people,
      actualShare,
      limit: bound.value,
      limitPeople,
      ...(isMax ? { peopleOver: gap } : { peopleShort: gap }),
      message: describe(bound, people, total, actualShare, limitPeople, gap),
    });
  });
  return violations.length === 0 ? { ok: true } : { ok: false, violations };
}

/** The bound as people for a population of `total`. */
export function headCount(bound: DistributionBound, total: number, rounding: DistributionRounding): number {
  if (bound.kind === 'MAX_COUNT' || bound.kind === 'MIN_COUNT') return bound.value;
  // Whole percents times whole people: exact integers, so floor/ceil see no float noise.
  const hundredths = bound.value * total;
  if (rounding === 'NEAREST') return Math.floor((hundredths + 50) / 100);
  const roundDown = (bound.kind === 'MAX_SHARE') === (rounding === 'STRICT');
  return roundDown ? Math.floor(hundredths / 100) : Math.ceil(hundredths / 100);
}

function describe(
  bound: DistributionBound,
  people: number,
  total: number,
  share: number,
  limitPeople: number,
  gap: number,
): string {
  const label = bound.predikat.join(' + ');
  const persons = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;
  const isMax = bound.kind === 'MAX_SHARE' || bound.kind === 'MAX_COUNT';
  const outcome = isMax ? `${persons(gap)} over` : `${persons(gap)} short`;
  if (bound.kind === 'MAX_COUNT' || bound.kind === 'MIN_COUNT') {
    return `${label} is ${persons(people)} ${isMax ? '>' : '<'} ${bound.value}: ${outcome}`;
  }
  return (
    `${label} is ${share}% (${people} of ${total}) ${isMax ? '>' : '<'} ${bound.value}%` +
    ` (${isMax ? 'at most' : 'at least'} ${persons(limitPeople)}): ${outcome}`
  );
}

/**
 * Which population a curve is applied to, per the policy's scope: the key to group employees by
 * (`unit:<id>` or `agency:<id>`). Later issues use it to collect the counts passed to validateDistribution.
 */
export function distributionPopulation(policy: Policy, employee: { agencyId: string; unitId: string }): string {
  return policy.distribution.scope === 'AGENCY' ? `agency:${employee.agencyId}` : `unit:${employee.unitId}`;
}
