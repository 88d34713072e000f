import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { canonicalJson } from '../../audit/src/canonical-json.js';
import { creditPoints } from './credit-points.js';
import { DEFAULT_POLICY } from './default-policy.js';
import { nineBox } from './nine-box.js';
import { POTENSIALS, RATINGS, type Predikat, type Rating } from './policy.js';
import { predikatFor } from './predikat.js';
import { validatePolicy } from './validate-policy.js';

// DOMAIN section 5, written out independently of the policy data: [hasil kerja, perilaku] -> predikat.
const SECTION_5_TABLE: Record<string, Predikat> = {
  'atas/bawah': 'KURANG',
  'atas/sesuai': 'BAIK',
  'atas/atas': 'SANGAT_BAIK',
  'sesuai/bawah': 'KURANG',
  'sesuai/sesuai': 'BAIK',
  'sesuai/atas': 'BAIK',
  'bawah/bawah': 'SANGAT_KURANG',
  'bawah/sesuai': 'BUTUH_PERBAIKAN',
  'bawah/atas': 'BUTUH_PERBAIKAN',
};
const short = (r: Rating) =>
  ({ DI_BAWAH_EKSPEKTASI: 'bawah', SESUAI_EKSPEKTASI: 'sesuai', DI_ATAS_EKSPEKTASI: 'atas' })[r];

describe('the default policy (national version 1)', () => {
  it('property: the default matrix gives exactly DOMAIN section 5 for all nine inputs', () => {
    const rating = fc.constantFrom(...RATINGS);
    fc.assert(
      fc.property(rating, rating, (hasilKerja, perilaku) => {
        expect(predikatFor(DEFAULT_POLICY, hasilKerja, perilaku)).toBe(
          SECTION_5_TABLE[`${short(hasilKerja)}/${short(perilaku)}`],
        );
      }),
      { numRuns: 200 },
    );
    // and exhaustively, so no input is left to chance
    const all = RATINGS.flatMap((h) =>
      RATINGS.map((p) => [`${short(h)}/${short(p)}`, predikatFor(DEFAULT_POLICY, h, p)]),
    );
    expect(Object.fromEntries(all)).toEqual(SECTION_5_TABLE);
  });

  it('is a valid policy', () => {
    expect(validatePolicy(DEFAULT_POLICY)).toEqual({ ok: true, policy: DEFAULT_POLICY });
  });

  it('is frozen and its content is pinned: version 1 never changes (publish a new version instead)', () => {
    expect(Object.isFrozen(DEFAULT_POLICY.predikatMatrix.DI_ATAS_EKSPEKTASI)).toBe(true);
    const hash = createHash('sha256').update(canonicalJson(DEFAULT_POLICY)).digest('hex');
    expect(hash).toBe(PINNED_HASH);
  });

  it('has the objection window, decision deadline, anonymity minimum and credit points of DOMAIN 7-9', () => {
    expect(DEFAULT_POLICY.objection).toEqual({
      windowDays: 14,
      windowCounting: 'CALENDAR',
      decisionDays: 14,
      decisionCounting: 'CALENDAR',
    });
    expect(DEFAULT_POLICY.peerAnonymityMinimum).toBe(3);
    expect(creditPoints(DEFAULT_POLICY, 'SANGAT_BAIK', 12.5)).toBe(18.75);
    expect(creditPoints(DEFAULT_POLICY, 'BAIK', 12.5)).toBe(12.5);
    expect(creditPoints(DEFAULT_POLICY, 'BUTUH_PERBAIKAN', 12.5)).toBe(9.375);
    expect(creditPoints(DEFAULT_POLICY, 'KURANG', 12.5)).toBe(6.25);
    expect(creditPoints(DEFAULT_POLICY, 'SANGAT_KURANG', 12.5)).toBe(3.125);
    expect(() => creditPoints(DEFAULT_POLICY, 'BAIK', -1)).toThrow('base angka kredit');
  });

  it('9-box: box 9 is di atas x tinggi, box 1 di bawah x rendah, every box 1..9 used once', () => {
    expect(nineBox(DEFAULT_POLICY, 'DI_ATAS_EKSPEKTASI', 'TINGGI')).toBe(9);
    expect(nineBox(DEFAULT_POLICY, 'DI_BAWAH_EKSPEKTASI', 'RENDAH')).toBe(1);
    const boxes = RATINGS.flatMap((k) => POTENSIALS.map((p) => nineBox(DEFAULT_POLICY, k, p)));
    expect([...boxes].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

// SHA-256 of the canonical JSON of national version 1. If this fails, the default was edited: revert it.
const PINNED_HASH = '711ecb83f4a0cfb6ccaca159df31d78460c37224cd8ea75ff36228d8f4a291f6';
