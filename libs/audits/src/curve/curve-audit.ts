// The curve audit (docs/subjectivity-audits.md "The curve"): each population's predikat distribution against the
// curve its pinned policy fixes for its unit predikat, and against the national pattern, with the overrides used
// and their justifications. Pure: the caller supplies the counts (read model) and the pinned policy.
import {
  validateDistribution,
  type DistributionViolation,
  type PredikatCounts,
} from '../../../policy/src/distribution.js';
import { PREDIKATS, type Policy, type Predikat, type UnitPredikat } from '../../../policy/src/policy.js';

/**
 * National shares of PNS per predikat, 2022 to 2024 (docs/domain-rules.md, "Distribution"): 88% BAIK, under 0.2%
 * below BAIK, the rest SANGAT_BAIK. A reference for reading a population, not a rule: no regulation sets it.
 */
export const NATIONAL_PATTERN: Readonly<Record<Predikat, number>> = Object.freeze({
  SANGAT_BAIK: 0.118,
  BAIK: 0.88,
  BUTUH_PERBAIKAN: 0.0015,
  KURANG: 0.0004,
  SANGAT_KURANG: 0.0001,
});

export interface CurvePopulationInput {
  populationId: string;
  unitPredikat: UnitPredikat | null;
  determined: boolean;
  counts: PredikatCounts;
  override: { justification: string } | null;
  determinedBy: { id: string; role: string } | null;
}

export interface CurvePopulation {
  populationId: string;
  unitPredikat: UnitPredikat | null;
  rated: number;
  shares: Record<Predikat, number>;
  /** Against the pinned curve for the unit predikat; null until the unit predikat is set. */
  pinnedCurve: { ok: boolean; violations: DistributionViolation[] } | null;
  /** share − national share per predikat, in percentage points (rounded to 0.1). */
  againstNational: Record<Predikat, number>;
  determined: boolean;
  override: { justification: string; by: { id: string; role: string } | null } | null;
}

export interface CurveAudit {
  nationalPattern: Record<Predikat, number>;
  /** All populations together: shares and points against the national pattern. */
  cycle: { rated: number; shares: Record<Predikat, number>; againstNational: Record<Predikat, number> };
  populations: CurvePopulation[];
  /** Populations determined with an override of the curve. */
  overrides: number;
  /** Populations whose current counts break their pinned curve. */
  breaking: number;
}

export function curveAudit(policy: Policy, populations: readonly CurvePopulationInput[]): CurveAudit {
  const items = populations.map((p): CurvePopulation => {
    const check = p.unitPredikat === null ? null : validateDistribution(policy, p.unitPredikat, p.counts);
    return {
      populationId: p.populationId,
      unitPredikat: p.unitPredikat,
      rated: total(p.counts),
      shares: sharesOf(p.counts),
      pinnedCurve: check === null ? null : { ok: check.ok, violations: check.ok ? [] : check.violations },
      againstNational: pointsAgainstNational(p.counts),
      determined: p.determined,
      override: p.override ? { justification: p.override.justification, by: p.determinedBy } : null,
    };
  });
  const all: PredikatCounts = Object.fromEntries(
    PREDIKATS.map((k) => [k, populations.reduce((sum, p) => sum + (p.counts[k] ?? 0), 0)]),
  );
  return {
    nationalPattern: { ...NATIONAL_PATTERN },
    cycle: { rated: total(all), shares: sharesOf(all), againstNational: pointsAgainstNational(all) },
    populations: items,
    overrides: items.filter((p) => p.override !== null).length,
    breaking: items.filter((p) => p.pinnedCurve !== null && !p.pinnedCurve.ok).length,
  };
}

const total = (counts: PredikatCounts): number => PREDIKATS.reduce((sum, k) => sum + (counts[k] ?? 0), 0);

function sharesOf(counts: PredikatCounts): Record<Predikat, number> {
  const n = total(counts);
  return Object.fromEntries(PREDIKATS.map((k) => [k, n === 0 ? 0 : (counts[k] ?? 0) / n])) as Record<Predikat, number>;
}

function pointsAgainstNational(counts: PredikatCounts): Record<Predikat, number> {
  const shares = sharesOf(counts);
  const n = total(counts);
  // `|| 0`: a share a hair under the national one rounds to −0, which JSON and people read as 0.
  return Object.fromEntries(
    PREDIKATS.map((k) => [k, n === 0 ? 0 : Math.round((shares[k] - NATIONAL_PATTERN[k]) * 1000) / 10 || 0]),
  ) as Record<Predikat, number>;
}
