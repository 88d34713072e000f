import { describe, expect, it } from '@jest/globals';
import { DEFAULT_POLICY } from './default-policy.js';
import { validatePolicy } from './validate-policy.js';

// Tests poke arbitrary paths of plain JSON, including invalid values: typing them would defeat the point.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

/** A mutable deep copy of the default, changed by `edit`. */
function policyWith(edit: (p: Json) => void): unknown {
  const copy = JSON.parse(JSON.stringify(DEFAULT_POLICY)) as Json;
  edit(copy);
  return copy;
}

function problemFields(input: unknown): string[] {
  const result = validatePolicy(input);
  return result.ok ? [] : result.problems.map((p) => p.field);
}

describe('validatePolicy refuses incomplete or contradictory policies, naming each field', () => {
  it('a matrix missing a cell, or with a predikat that does not exist', () => {
    expect(problemFields(policyWith((p) => delete p.predikatMatrix.SESUAI_EKSPEKTASI.DI_ATAS_EKSPEKTASI))).toEqual([
      'predikatMatrix.SESUAI_EKSPEKTASI.DI_ATAS_EKSPEKTASI',
    ]);
    expect(
      problemFields(policyWith((p) => (p.predikatMatrix.DI_ATAS_EKSPEKTASI.DI_ATAS_EKSPEKTASI = 'ISTIMEWA'))),
    ).toEqual(['predikatMatrix.DI_ATAS_EKSPEKTASI.DI_ATAS_EKSPEKTASI']);
    expect(problemFields(policyWith((p) => delete p.predikatMatrix.DI_BAWAH_EKSPEKTASI))).toEqual([
      'predikatMatrix.DI_BAWAH_EKSPEKTASI',
    ]);
  });

  it('distribution percentages outside 0..100 or not whole, unknown kinds and predikat', () => {
    const input = policyWith((p) => {
      p.distribution.curves.ISTIMEWA[0].value = 170;
      p.distribution.curves.BAIK[0].value = 69.5;
      p.distribution.curves.KURANG[1].kind = 'ABOUT';
      p.distribution.curves.KURANG[2].predikat = ['LUAR_BIASA'];
    });
    expect(problemFields(input)).toEqual([
      'distribution.curves.ISTIMEWA[0].value',
      'distribution.curves.BAIK[0].value',
      'distribution.curves.KURANG[1].kind',
      'distribution.curves.KURANG[2].predikat[0]',
    ]);
  });

  it('contradictory curves: a minimum above a maximum, minimums of separate predikat over 100%', () => {
    const input = policyWith((p) => {
      p.distribution.curves.ISTIMEWA = [
        { predikat: ['SANGAT_BAIK'], kind: 'MIN_SHARE', value: 80 },
        { predikat: ['SANGAT_BAIK', 'BAIK'], kind: 'MAX_SHARE', value: 50 },
      ];
      p.distribution.curves.KURANG[0].value = 95; // KURANG >= 95% and BUTUH_PERBAIKAN >= 10%
    });
    const result = validatePolicy(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        field: 'distribution.curves.ISTIMEWA[0]',
        message: 'contradicts distribution.curves.ISTIMEWA[1]: at least 80 but at most 50',
      },
      { field: 'distribution.curves.KURANG', message: 'minimum shares of separate predikat add up to 105% > 100%' },
    ]);
  });

  it('an objection window under one day, a decision deadline of zero, an unknown day counting', () => {
    const input = policyWith((p) => {
      p.objection.windowDays = 0;
      p.objection.decisionDays = 0;
      p.objection.windowCounting = 'BUSINESS';
    });
    expect(problemFields(input)).toEqual([
      'objection.windowDays',
      'objection.windowCounting',
      'objection.decisionDays',
    ]);
  });

  it('an anonymity minimum of 1, credit points where a worse predikat earns more, a 9-box using a box twice', () => {
    const input = policyWith((p) => {
      p.peerAnonymityMinimum = 1;
      p.creditPointPercentages.KURANG = 80;
      p.nineBox.SESUAI_EKSPEKTASI.TINGGI = 9;
    });
    expect(problemFields(input)).toEqual([
      'peerAnonymityMinimum',
      'creditPointPercentages.KURANG',
      'nineBox.DI_ATAS_EKSPEKTASI.TINGGI',
    ]);
  });

  it('missing sections, unknown fields, wrong shapes and settings', () => {
    const input = policyWith((p) => {
      delete p.nineBox;
      p.salaryBands = {};
      p.distribution.rounding = 'UP';
      p.distribution.scope = 'REGION';
      p.title = ' ';
    });
    expect(problemFields(input)).toEqual([
      'nineBox',
      'salaryBands',
      'title',
      'distribution.scope',
      'distribution.rounding',
    ]);
    expect(problemFields(null)).toEqual(['']);
    expect(problemFields([])).toEqual(['']);
    expect(problemFields({}).length).toBe(8);
  });

  it('a transparency setting that is not true/false, misses its switch or has unknown fields', () => {
    expect(problemFields(policyWith((p) => (p.transparency = { publishNamesInUnit: 'yes' })))).toEqual([
      'transparency.publishNamesInUnit',
    ]);
    expect(problemFields(policyWith((p) => (p.transparency = {})))).toEqual(['transparency.publishNamesInUnit']);
    expect(
      problemFields(policyWith((p) => (p.transparency = { publishNamesInUnit: true, publishScores: true }))),
    ).toEqual(['transparency.publishScores']);
    expect(problemFields(policyWith((p) => (p.transparency = { publishNamesInUnit: true })))).toEqual([]);
  });

  it('accepts a changed but coherent policy (working days, agency-wide curve, lenient rounding)', () => {
    const input = policyWith((p) => {
      p.objection.windowCounting = 'WORKING';
      p.distribution.scope = 'AGENCY';
      p.distribution.rounding = 'LENIENT';
      p.distribution.curves.BAIK = [];
    });
    expect(validatePolicy(input).ok).toBe(true);
  });
});
