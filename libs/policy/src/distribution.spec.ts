import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DEFAULT_POLICY } from './default-policy.js';
import { distributionPopulation, validateDistribution, type PredikatCounts } from './distribution.js';
import { UNIT_PREDIKATS, type Policy, type UnitPredikat } from './policy.js';

// DOMAIN section 6 written out independently, one plain check per bound, percentages read literally
// (share <= 70% <=> 100 * people <= 70 * total), i.e. the default STRICT rounding.
function section6(unit: UnitPredikat, c: Required<PredikatCounts>): boolean[] {
  const n = c.SANGAT_BAIK + c.BAIK + c.BUTUH_PERBAIKAN + c.KURANG + c.SANGAT_KURANG;
  const atMost = (people: number, pct: number) => 100 * people <= pct * n;
  const atLeast = (people: number, pct: number) => 100 * people >= pct * n;
  switch (unit) {
    case 'ISTIMEWA':
      return [atMost(c.SANGAT_BAIK, 70)];
    case 'BAIK':
      return [atMost(c.BAIK, 70), c.BUTUH_PERBAIKAN + c.KURANG >= 1];
    case 'BUTUH_PERBAIKAN':
      return [atLeast(c.BUTUH_PERBAIKAN, 60), atMost(c.SANGAT_BAIK, 10)];
    case 'KURANG':
      return [atLeast(c.KURANG, 60), atLeast(c.BUTUH_PERBAIKAN, 10), atMost(c.SANGAT_BAIK, 10)];
    case 'SANGAT_KURANG':
      return [atLeast(c.SANGAT_KURANG, 60), atLeast(c.KURANG + c.BUTUH_PERBAIKAN, 10), c.SANGAT_BAIK === 0];
  }
}

const people = fc.oneof(fc.nat({ max: 3 }), fc.nat({ max: 40 }));
const counts = fc.record({
  SANGAT_BAIK: people,
  BAIK: people,
  BUTUH_PERBAIKAN: people,
  KURANG: people,
  SANGAT_KURANG: people,
});

describe('validateDistribution with the default policy', () => {
  it('property: accepts exactly the distributions the section-6 table allows, and names every broken bound', () => {
    const seen = { accepted: 0, rejected: 0 };
    fc.assert(
      fc.property(fc.constantFrom(...UNIT_PREDIKATS), counts, (unit, c) => {
        const total = Object.values(c).reduce((a, b) => a + b, 0);
        const expected = total === 0 ? [] : section6(unit, c).flatMap((ok, i) => (ok ? [] : [i]));
        const result = validateDistribution(DEFAULT_POLICY, unit, c);
        if (result.ok) seen.accepted++;
        else seen.rejected++;
        expect(result.ok).toBe(expected.length === 0);
        if (!result.ok) {
          expect(result.violations.map((v) => v.boundIndex)).toEqual(expected);
          for (const v of result.violations) expect((v.peopleOver ?? 0) + (v.peopleShort ?? 0)).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000 },
    );
    expect(seen.accepted).toBeGreaterThan(50);
    expect(seen.rejected).toBeGreaterThan(50);
  });

  it('property: fixing a violation by the reported number of people satisfies that bound', () => {
    fc.assert(
      fc.property(counts, (c) => {
        const result = validateDistribution(DEFAULT_POLICY, 'ISTIMEWA', c);
        if (result.ok) return;
        const over = result.violations[0].peopleOver as number;
        // move the people over the limit from SANGAT_BAIK to BAIK
        const fixed = { ...c, SANGAT_BAIK: c.SANGAT_BAIK - over, BAIK: c.BAIK + over };
        expect(validateDistribution(DEFAULT_POLICY, 'ISTIMEWA', fixed)).toEqual({ ok: true });
        const oneLess = { ...c, SANGAT_BAIK: c.SANGAT_BAIK - over + 1, BAIK: c.BAIK + over - 1 };
        expect(validateDistribution(DEFAULT_POLICY, 'ISTIMEWA', oneLess).ok).toBe(false);
      }),
    );
  });

  it('reports every violated bound with numbers: "BAIK is 78% ... 4 people over" and "1 person short"', () => {
    const result = validateDistribution(DEFAULT_POLICY, 'BAIK', { SANGAT_BAIK: 11, BAIK: 39 });
    expect(result).toEqual({
      ok: false,
      violations: [
        {
          bound: { predikat: ['BAIK'], kind: 'MAX_SHARE', value: 70 },
          boundIndex: 0,
          actualPeople: 39,
          actualShare: 78,
          limit: 70,
          limitPeople: 35,
          peopleOver: 4,
          message: 'BAIK is 78% (39 of 50) > 70% (at most 35 people): 4 people over',
        },
        {
          bound: { predikat: ['BUTUH_PERBAIKAN', 'KURANG'], kind: 'MIN_COUNT', value: 1 },
          boundIndex: 1,
          actualPeople: 0,
          actualShare: 0,
          limit: 1,
          limitPeople: 1,
          peopleShort: 1,
          message: 'BUTUH_PERBAIKAN + KURANG is 0 people < 1: 1 person short',
        },
      ],
    });
  });

  it('"no SANGAT_BAIK" under a SANGAT_KURANG unit counts every SANGAT_BAIK as over', () => {
    const result = validateDistribution(DEFAULT_POLICY, 'SANGAT_KURANG', {
      SANGAT_KURANG: 8,
      KURANG: 1,
      SANGAT_BAIK: 1,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.violations.map((v) => v.message)).toEqual(['SANGAT_BAIK is 1 person > 0: 1 person over']);
  });

  it('an empty population meets every curve; a bad head count is refused', () => {
    expect(validateDistribution(DEFAULT_POLICY, 'BAIK', {})).toEqual({ ok: true });
    expect(() => validateDistribution(DEFAULT_POLICY, 'BAIK', { BAIK: -1 })).toThrow('not a head count');
    expect(() => validateDistribution(DEFAULT_POLICY, 'BAIK', { BAIK: 1.5 })).toThrow('not a head count');
  });
});

describe('rounding for small units (policy setting)', () => {
  const withRounding = (rounding: Policy['distribution']['rounding']): Policy => ({
    ...DEFAULT_POLICY,
    distribution: { ...DEFAULT_POLICY.distribution, rounding },
  });
  // A unit of 4 with unit predikat BAIK: "BAIK <= 70%" is 2.8 people.
  const four = { BAIK: 3, BUTUH_PERBAIKAN: 1 };

  it('STRICT: 70% of 4 allows 2 (never above the percentage as written)', () => {
    const result = validateDistribution(withRounding('STRICT'), 'BAIK', four);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.violations[0]).toMatchObject({ limitPeople: 2, peopleOver: 1, actualShare: 75 });
  });

  it('LENIENT and NEAREST: 70% of 4 allows 3', () => {
    expect(validateDistribution(withRounding('LENIENT'), 'BAIK', four)).toEqual({ ok: true });
    expect(validateDistribution(withRounding('NEAREST'), 'BAIK', four)).toEqual({ ok: true });
  });

  it('minimums: "BUTUH_PERBAIKAN >= 60%" of 3 people is 1.8: STRICT needs 2, LENIENT 1, NEAREST 2', () => {
    const three = { BUTUH_PERBAIKAN: 1, BAIK: 2 };
    const short = (rounding: Policy['distribution']['rounding']) => {
      const r = validateDistribution(withRounding(rounding), 'BUTUH_PERBAIKAN', three);
      return r.ok ? 0 : r.violations[0].peopleShort;
    };
    expect([short('STRICT'), short('LENIENT'), short('NEAREST')]).toEqual([1, 0, 1]);
  });

  it('scope decides the population a curve is applied to', () => {
    const employee = { agencyId: 'kota-manokwari', unitId: 'disdik-sd-3' };
    expect(distributionPopulation(DEFAULT_POLICY, employee)).toBe('unit:disdik-sd-3');
    const agencyWide: Policy = { ...DEFAULT_POLICY, distribution: { ...DEFAULT_POLICY.distribution, scope: 'AGENCY' } };
    expect(distributionPopulation(agencyWide, employee)).toBe('agency:kota-manokwari');
  });
});
