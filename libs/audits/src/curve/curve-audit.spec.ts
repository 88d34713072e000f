import { describe, expect, it } from '@jest/globals';
import { DEFAULT_POLICY } from '../../../policy/src/default-policy.js';
import { curveAudit, NATIONAL_PATTERN, type CurvePopulationInput } from './curve-audit.js';

const population = (over: Partial<CurvePopulationInput> & { populationId: string }): CurvePopulationInput => ({
  unitPredikat: 'BAIK',
  determined: false,
  counts: {},
  override: null,
  determinedBy: null,
  ...over,
});

describe('curve audit', () => {
  it('given a BAIK unit of 10 with 7 BAIK, 2 SANGAT_BAIK and 1 BUTUH_PERBAIKAN, it meets the pinned curve', () => {
    // when
    const audit = curveAudit(DEFAULT_POLICY, [
      population({ populationId: 'sd-3', counts: { SANGAT_BAIK: 2, BAIK: 7, BUTUH_PERBAIKAN: 1 } }),
    ]);
    // then: 70% BAIK is the bound itself; one BUTUH_PERBAIKAN meets the minimum.
    const [p] = audit.populations;
    expect(p.rated).toBe(10);
    expect(p.shares).toEqual({ SANGAT_BAIK: 0.2, BAIK: 0.7, BUTUH_PERBAIKAN: 0.1, KURANG: 0, SANGAT_KURANG: 0 });
    expect(p.pinnedCurve).toEqual({ ok: true, violations: [] });
    // 70% − 88% = −18 points; 20% − 11.8% = +8.2; 10% − 0.15% = +9.9 (rounded to 0.1).
    expect(p.againstNational).toEqual({
      SANGAT_BAIK: 8.2,
      BAIK: -18,
      BUTUH_PERBAIKAN: 9.9,
      KURANG: 0,
      SANGAT_KURANG: 0,
    });
    expect(audit.breaking).toBe(0);
  });

  it('given everyone BAIK in a population determined with an override, it shows the break, the override and who', () => {
    // given
    const hr = { id: 'hr-1', role: 'HR' };
    // when
    const audit = curveAudit(DEFAULT_POLICY, [
      population({
        populationId: 'sd-4',
        counts: { BAIK: 4 },
        determined: true,
        override: { justification: 'unit kecil' },
        determinedBy: hr,
      }),
      population({ populationId: 'sd-5', unitPredikat: null, counts: { BAIK: 1 } }),
    ]);
    // then: 100% BAIK is 4 people over 70% (2 allowed with STRICT rounding), and no BUTUH_PERBAIKAN/KURANG.
    const [sd4, sd5] = audit.populations;
    expect(sd4.pinnedCurve?.ok).toBe(false);
    expect(sd4.pinnedCurve?.violations.map((v) => [v.actualPeople, v.limitPeople])).toEqual([
      [4, 2],
      [0, 1],
    ]);
    expect(sd4.override).toEqual({ justification: 'unit kecil', by: hr });
    // A population without a unit predikat has no curve to check yet.
    expect(sd5.pinnedCurve).toBeNull();
    expect([audit.overrides, audit.breaking]).toEqual([1, 1]);
    // The cycle as a whole: 5 rated, all BAIK: 12 points above the national 88%.
    expect(audit.cycle.rated).toBe(5);
    expect(audit.cycle.againstNational.BAIK).toBe(12);
  });

  it('given no ratings, every share is 0 and nothing is compared', () => {
    const audit = curveAudit(DEFAULT_POLICY, [population({ populationId: 'empty' })]);
    expect(audit.populations[0].pinnedCurve).toEqual({ ok: true, violations: [] });
    expect(Object.values(audit.cycle.againstNational)).toEqual([0, 0, 0, 0, 0]);
  });

  it('the national pattern sums to 1', () => {
    expect(Object.values(NATIONAL_PATTERN).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });
});
