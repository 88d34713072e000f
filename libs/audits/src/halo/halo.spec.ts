import { describe, expect, it } from '@jest/globals';
import { many } from '../testing/rating.js';
import { halo } from './halo.js';

const uniform = [
  [3, 3, 3],
  [4, 4, 4],
  [2, 2, 2],
  [3, 3, 3],
  [5, 5, 5],
];
const varied = [
  [3, 4, 3],
  [2, 3, 3],
  [4, 4, 5],
  [3, 2, 4],
  [3, 3, 3],
  [1, 2, 2],
  [4, 3, 3],
  [2, 3, 4],
  [5, 4, 4],
  [3, 4, 2],
];

describe('halo (uniform competency levels)', () => {
  it('given a rater giving every competency one level in 5 of 5 ratings against 1 in 10 of the rest, then flagged with p = 0.1^5', () => {
    const ratings = [
      ...many('H', ['SS', 'AS', 'SS', 'SS', 'AA'], uniform),
      ...many('R', ['SS', 'SS', 'AS', 'SS', 'SB', 'SS', 'SS', 'AS', 'SS', 'SA'], varied),
    ];
    const h = halo(ratings).find((x) => x.raterNip === 'H');
    expect(h).toMatchObject({ assessable: 5, uniform: 5, share: 1, restShare: 0.1, pValue: 0.00001, flagged: true });
    expect(h?.equalAxesShare).toBe(0.5); // descriptive: AS unequal, AA equal
  });

  it('given ratings with fewer than 3 competency levels, then they are not assessable', () => {
    const ratings = many('H', ['SS', 'SS', 'SS', 'SS', 'SS'], [[3, 3], [3, 3], [3], [], [4, 4]]);
    expect(halo(ratings)[0]).toMatchObject({ assessable: 0, flagged: false, equalAxesShare: null });
  });
});
