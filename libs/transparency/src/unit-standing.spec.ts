// Hand-checked examples of the suppression and the standing (README "Transparency"), minimum 3 unless said.
import { describe, expect, it } from '@jest/globals';
import type { Predikat } from '../../policy/src/policy.js';
import { countPredikat, predikatTable, standingOf, suppressedCells, suppressedCounts } from './unit-standing.js';

const counts = (sb: number, b: number, bp: number, k: number, sk: number) => ({
  SANGAT_BAIK: sb,
  BAIK: b,
  BUTUH_PERBAIKAN: bp,
  KURANG: k,
  SANGAT_KURANG: sk,
});
const hidden = (c: ReturnType<typeof counts>, minimum = 3) => [...suppressedCells(c, minimum)].sort();

describe('suppressedCells', () => {
  it('hides nothing when every nonzero cell reaches the minimum; zeros are shown', () => {
    expect(hidden(counts(3, 4, 0, 0, 0))).toEqual([]);
  });

  it('7 people 1/4/2: the 1 and the 2 are both below 3 and together hold 3, so nothing more is hidden', () => {
    expect(hidden(counts(1, 4, 2, 0, 0))).toEqual(['BUTUH_PERBAIKAN', 'SANGAT_BAIK']);
  });

  it('a lone small cell (1 of 7) takes the smallest other nonzero cell with it, never a zero', () => {
    // 1 SANGAT_BAIK, 3 BUTUH_PERBAIKAN, 3 BAIK: BAIK and BUTUH_PERBAIKAN tie at 3, BAIK comes first.
    expect(hidden(counts(1, 3, 3, 0, 0))).toEqual(['BAIK', 'SANGAT_BAIK']);
    // 6 BAIK and 1 KURANG: the total minus BAIK would give KURANG away, so BAIK is hidden too.
    expect(hidden(counts(0, 6, 0, 1, 0))).toEqual(['BAIK', 'KURANG']);
  });

  it('two small cells that hold fewer than the minimum together take a third (1 + 1 of 9: 2 < 3)', () => {
    expect(hidden(counts(1, 7, 1, 0, 0))).toEqual(['BAIK', 'BUTUH_PERBAIKAN', 'SANGAT_BAIK']);
  });

  it('a population under the minimum shows nothing, zeros included', () => {
    expect(hidden(counts(1, 1, 0, 0, 0))).toHaveLength(5);
    expect(hidden(counts(0, 0, 0, 0, 0))).toEqual([]);
  });

  it('the minimum is the policy setting: 5 hides cells of 3 and 4', () => {
    expect(hidden(counts(3, 6, 4, 0, 0), 5)).toEqual(['BUTUH_PERBAIKAN', 'SANGAT_BAIK']);
  });
});

describe('predikatTable', () => {
  it('gives count and share of shown cells and never the number of a suppressed one', () => {
    const table = predikatTable(counts(1, 4, 2, 0, 0), 3);
    expect(table).toEqual([
      { predikat: 'SANGAT_BAIK', suppressed: true },
      { predikat: 'BAIK', suppressed: false, count: 4, share: 0.571 },
      { predikat: 'BUTUH_PERBAIKAN', suppressed: true },
      { predikat: 'KURANG', suppressed: false, count: 0, share: 0 },
      { predikat: 'SANGAT_KURANG', suppressed: false, count: 0, share: 0 },
    ]);
    // The hidden cells cannot be told apart: 7 - 4 - 0 - 0 = 3 is all that follows, for SB and BP together.
    const shown = table.reduce((sum, c) => sum + (c.suppressed ? 0 : c.count), 0);
    expect(7 - shown).toBe(3);
  });
});

describe('suppressedCounts', () => {
  it('keeps the counts shape with null for each suppressed cell (6 people 1/4/1: 1+1 < 3 takes the 4 too)', () => {
    expect(suppressedCounts(counts(1, 4, 1, 0, 0), 3)).toEqual({
      SANGAT_BAIK: null,
      BAIK: null,
      BUTUH_PERBAIKAN: null,
      KURANG: 0,
      SANGAT_KURANG: 0,
    });
    expect(suppressedCounts(counts(0, 3, 3, 0, 0), 3)).toEqual(counts(0, 3, 3, 0, 0));
  });
});

describe('standingOf', () => {
  const c = counts(1, 4, 2, 0, 0);
  it('BAIK in 1/4/2: at 4 (4/7) is shown; above (the hidden 1) and below (holds the hidden 2) are not', () => {
    expect(standingOf(c, 'BAIK', 3)).toEqual({
      predikat: 'BAIK',
      above: { suppressed: true },
      at: { suppressed: false, count: 4, share: 0.571 },
      below: { suppressed: true },
    });
  });

  it('BUTUH_PERBAIKAN in 1/4/2: below is 0 (shown); at and above hold one hidden cell each, so hidden', () => {
    expect(standingOf(c, 'BUTUH_PERBAIKAN', 3)).toEqual({
      predikat: 'BUTUH_PERBAIKAN',
      above: { suppressed: true },
      at: { suppressed: true },
      below: { suppressed: false, count: 0, share: 0 },
    });
  });

  it('a group holding every hidden cell is shown: it follows from the table anyway (total minus shown cells)', () => {
    // 1 SB, 1 B hidden with 7 BP... counts 1/1/7: hidden SB, B, and BP (sum 2 < 3 takes BP); KURANG's above = all.
    const d = counts(1, 1, 7, 0, 0);
    expect(hidden(d)).toEqual(['BAIK', 'BUTUH_PERBAIKAN', 'SANGAT_BAIK']);
    expect(standingOf(d, 'KURANG', 3).above).toEqual({ suppressed: false, count: 9, share: 1 });
  });

  it('with nothing suppressed, every group is shown (3 SB, 4 B: a BAIK employee has 3 above, 0 below)', () => {
    expect(standingOf(counts(3, 4, 0, 0, 0), 'BAIK', 3)).toEqual({
      predikat: 'BAIK',
      above: { suppressed: false, count: 3, share: 0.429 },
      at: { suppressed: false, count: 4, share: 0.571 },
      below: { suppressed: false, count: 0, share: 0 },
    });
  });
});

describe('countPredikat', () => {
  it('counts approved predikat and skips people without one', () => {
    const list: (Predikat | null)[] = ['BAIK', null, 'BAIK', 'KURANG'];
    expect(countPredikat(list)).toEqual(counts(0, 2, 0, 1, 0));
  });
});
