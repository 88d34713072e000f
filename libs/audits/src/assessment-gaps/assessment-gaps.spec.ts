import { describe, expect, it } from '@jest/globals';
import type { Rating } from '../../../policy/src/policy.js';
import { assessmentGaps, type GapInput } from './assessment-gaps.js';

const S: Rating = 'SESUAI_EKSPEKTASI';
const A: Rating = 'DI_ATAS_EKSPEKTASI';
const B: Rating = 'DI_BAWAH_EKSPEKTASI';
const row = (raterNip: string, unitId: string, overrides: Partial<GapInput> = {}): GapInput => ({
  raterNip,
  unitId,
  supervisor: { hasilKerja: S, perilaku: S },
  self: null,
  peer: null,
  ...overrides,
});

describe('self and peer gaps', () => {
  const rows = [
    row('R1', 'u1', { self: { hasilKerja: A, perilaku: A } }), // self 4 - supervisor 2 = +2 (wide)
    row('R1', 'u1', { self: { hasilKerja: S, perilaku: A } }), // +1
    row('R1', 'u2', { peer: { reviewers: 3, ratings: [A, A, S, S] } }), // peer mean 1.5 - perilaku 1 = +0.5
    row('R2', 'u2', { supervisor: { hasilKerja: A, perilaku: A }, self: { hasilKerja: B, perilaku: S } }), // 1 - 4 = -3
    row('R2', 'u2', { peer: { reviewers: 2, ratings: [B, B] } }), // 2 reviewers < 3: not shown
  ];

  it('given self-assessments, then per rater the mean gap and the wide gaps (>= 2 steps either way)', () => {
    expect(assessmentGaps(rows, 'rater', 3)).toEqual([
      { key: 'R1', ratings: 3, selfAssessed: 2, meanSelfGap: 1.5, wideSelfGaps: 1, peerAssessed: 1, meanPeerGap: 0.5 },
      { key: 'R2', ratings: 2, selfAssessed: 1, meanSelfGap: -3, wideSelfGaps: 1, peerAssessed: 0, meanPeerGap: null },
    ]);
  });

  it('given the same rows by unit, then the same measures per unit', () => {
    expect(assessmentGaps(rows, 'unit', 3).map((g) => [g.key, g.ratings, g.meanSelfGap, g.meanPeerGap])).toEqual([
      ['u1', 2, 1.5, null],
      ['u2', 3, -3, 0.5],
    ]);
  });

  it('given peer input from fewer reviewers than the anonymity minimum, then it is left out', () => {
    expect(assessmentGaps(rows, 'rater', 2).find((g) => g.key === 'R2')?.meanPeerGap).toBe(-1);
  });
});
