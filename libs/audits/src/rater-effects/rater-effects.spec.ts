import { describe, expect, it } from '@jest/globals';
import { DEFAULT_AUDIT_SETTINGS } from '../audit-settings.js';
import { many } from '../testing/rating.js';
import { raterEffects } from './rater-effects.js';

// Scores (hasil + perilaku as steps 0..2): A rates 4, 4, 3; B 2, 2, 2; C 1, 2, 3. Worked by hand in
// docs/subjectivity-audits.md: sigma^2 = 2.667 / 6 = 0.444; rater means 3.667, 2, 2 have variance 0.926, less
// sigma^2 / 3 = 0.148 gives tau^2 = 0.778; B = 0.778 / 0.926 = 0.84; A's raw difference from the rest (2) is
// 1.667, shrunk 1.4, over the SD of all nine scores (1.014) = 1.381; posterior SD sqrt(0.84 * 0.148) = 0.353,
// so the interval is (1.4 ± 1.96 * 0.353) / 1.014 = [0.699, 2.063].
const ratings = [...many('A', ['AA', 'AA', 'AS']), ...many('B', ['SS', 'SS', 'SS']), ...many('C', ['SB', 'SS', 'AS'])];
const settings = { ...DEFAULT_AUDIT_SETTINGS, minRatings: 3 };

describe('leniency and severity (empirical Bayes)', () => {
  it('given no ratings, then no figures (null, not NaN) and no effects', () => {
    expect(raterEffects([])).toEqual({
      ratings: 0,
      raters: 0,
      populationMean: null,
      populationSd: null,
      withinRaterVariance: null,
      betweenRaterVariance: null,
      effects: [],
    });
  });

  it('given three small raters, then the population figures match the hand computation', () => {
    const report = raterEffects(ratings, settings);
    expect(report).toMatchObject({
      ratings: 9,
      raters: 3,
      populationMean: 2.556,
      populationSd: 1.014,
      withinRaterVariance: 0.444,
      betweenRaterVariance: 0.778,
    });
  });

  it('given rater A far above the rest, then LENIENT with the shrunk effect and its interval', () => {
    const a = raterEffects(ratings, settings).effects.find((e) => e.raterNip === 'A');
    expect(a).toMatchObject({
      ratings: 3,
      raterMean: 3.667,
      restMean: 2,
      shrinkage: 0.84,
      effect: 1.381,
      interval: [0.699, 2.063],
      flag: 'LENIENT',
    });
  });

  it('given the same ratings and the default minimum of 5, then nobody is flagged (too few ratings)', () => {
    const report = raterEffects(ratings);
    expect(report.effects.every((e) => e.flag === null && e.reason.startsWith('fewer than 5'))).toBe(true);
  });

  it('given every rater rating alike, then no between-rater variance, full shrinkage and no flags', () => {
    const same = [...many('A', ['SS', 'AS', 'SB']), ...many('B', ['SS', 'AS', 'SB'])];
    const report = raterEffects(same, settings);
    expect(report.betweenRaterVariance).toBe(0);
    expect(report.effects.map((e) => [e.effect, e.flag])).toEqual([
      [0, null],
      [0, null],
    ]);
  });

  it('given a rater below the rest, then SEVERE with a negative effect', () => {
    const low = [...many('A', ['BB', 'BS', 'BB']), ...many('B', ['SS', 'AS', 'SS']), ...many('C', ['SS', 'AS', 'AA'])];
    const a = raterEffects(low, settings).effects.find((e) => e.raterNip === 'A');
    expect(a?.flag).toBe('SEVERE');
    expect(a?.effect).toBeLessThan(0);
  });
});
