// The planted-bias property: in generated agencies (16 unbiased raters and 4 planted ones, 12 ratees each, the
// national pattern of ~75% SESUAI), the audits find each planted bias and rarely flag an unbiased rater. Rates
// over 300 fixed seeds; the figures are reported in docs/subjectivity-audits.md.
import { describe, expect, it } from '@jest/globals';
import { centralTendency } from './central-tendency/central-tendency.js';
import { halo } from './halo/halo.js';
import { raterEffects } from './rater-effects/rater-effects.js';
import { plantedAgency, type Plant } from './testing/planted-agency.js';

const SEEDS = 300;

function flagsOf(seed: number): { plant: Plant; flags: string[] }[] {
  const { ratings, plants } = plantedAgency(seed);
  const effects = raterEffects(ratings).effects;
  const central = centralTendency(ratings);
  const halos = halo(ratings);
  return Object.entries(plants).map(([nip, plant]) => ({
    plant,
    flags: [
      effects.find((e) => e.raterNip === nip)?.flag,
      central.find((c) => c.raterNip === nip)?.flagged ? 'CENTRAL' : null,
      halos.find((h) => h.raterNip === nip)?.flagged ? 'HALO' : null,
    ].filter((f): f is string => typeof f === 'string'),
  }));
}

describe('planted biases are found; unbiased raters rarely flagged', () => {
  const outcomes = Array.from({ length: SEEDS }, (_, i) => flagsOf(i + 1)).flat();
  const rate = (plant: Plant, found: (flags: string[]) => boolean) => {
    const of = outcomes.filter((o) => o.plant === plant);
    return of.filter((o) => found(o.flags)).length / of.length;
  };

  it.each([
    ['LENIENT', 0.85],
    ['SEVERE', 0.85],
    ['HALO', 0.98],
    ['CENTRAL', 0.98],
  ] as const)('a planted %s rater is flagged %s in at least that share of agencies', (plant, power) => {
    expect(rate(plant, (flags) => flags.includes(plant))).toBeGreaterThanOrEqual(power);
  });

  it('an unbiased rater of the same size is flagged by any audit in at most 3% of agencies', () => {
    expect(rate('NONE', (flags) => flags.length > 0)).toBeLessThanOrEqual(0.03);
  });

  it('a planted rater is rarely flagged for a bias it does not have (at most 3%)', () => {
    for (const plant of ['LENIENT', 'SEVERE', 'HALO', 'CENTRAL'] as const) {
      expect(rate(plant, (flags) => flags.some((f) => f !== plant))).toBeLessThanOrEqual(0.03);
    }
  });
});
