import { describe, expect, it } from '@jest/globals';
import { many } from '../testing/rating.js';
import { centralTendency } from './central-tendency.js';

// X rates six people SESUAI/SESUAI; the rest (Y, Z) rate 3 of 10 so: P(6 of 6 | p = 0.3) = 0.3^6 = 0.000729.
const ratings = [
  ...many('X', ['SS', 'SS', 'SS', 'SS', 'SS', 'SS']),
  ...many('Y', ['SS', 'AS', 'SA', 'AA', 'BS']),
  ...many('Z', ['SS', 'SS', 'AS', 'SB', 'AA']),
];

describe('central tendency', () => {
  it('given a rater with everyone SESUAI/SESUAI against 30% of the rest, then flagged with p = 0.3^6', () => {
    const x = centralTendency(ratings).find((c) => c.raterNip === 'X');
    expect(x).toMatchObject({ ratings: 6, allSesuai: 6, share: 1, restShare: 0.3, pValue: 0.000729, flagged: true });
  });

  it('given raters near the population share, then not flagged and the reason says why', () => {
    const y = centralTendency(ratings).find((c) => c.raterNip === 'Y');
    // Y: 1 of 5; the rest: 8 of 11.
    expect(y).toMatchObject({ allSesuai: 1, share: 0.2, restShare: 0.727, flagged: false });
    expect(y?.reason).toContain('is not 0.2 above');
  });

  it('given a rater with fewer than the minimum ratings, then not assessed', () => {
    const few = centralTendency([...many('X', ['SS', 'SS']), ...many('Y', ['AS', 'SA', 'BS', 'AA', 'SB'])]);
    expect(few[0]).toMatchObject({ raterNip: 'X', flagged: false });
    expect(few[0].reason).toContain('fewer than 5');
  });
});
