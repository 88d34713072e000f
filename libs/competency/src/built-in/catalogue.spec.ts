import { describe, expect, it } from '@jest/globals';
import { BUILT_IN_CATALOGUE, builtInCodes } from './catalogue.js';

describe('built-in competency catalogue', () => {
  it('BerAKHLAK has exactly 7 values with 3 non-blank indicators each', () => {
    expect(BUILT_IN_CATALOGUE.berakhlak.map((v) => v.code)).toEqual([
      'BERORIENTASI_PELAYANAN',
      'AKUNTABEL',
      'KOMPETEN',
      'HARMONIS',
      'LOYAL',
      'ADAPTIF',
      'KOLABORATIF',
    ]);
    for (const value of BUILT_IN_CATALOGUE.berakhlak) {
      expect(value.indicators).toHaveLength(3);
      for (const indicator of value.indicators) expect(indicator.trim().length).toBeGreaterThan(5);
    }
  });

  it('PermenPANRB 38/2017: 8 managerial and 1 socio-cultural competency, each with 5 distinct levels', () => {
    expect(BUILT_IN_CATALOGUE.managerial.map((c) => c.code)).toEqual([
      'INTEGRITAS',
      'KERJA_SAMA',
      'KOMUNIKASI',
      'ORIENTASI_PADA_HASIL',
      'PELAYANAN_PUBLIK',
      'PENGEMBANGAN_DIRI_DAN_ORANG_LAIN',
      'MENGELOLA_PERUBAHAN',
      'PENGAMBILAN_KEPUTUSAN',
    ]);
    expect(BUILT_IN_CATALOGUE.managerial.every((c) => c.kind === 'MANAJERIAL')).toBe(true);
    expect(BUILT_IN_CATALOGUE.socioCultural.map((c) => [c.code, c.kind])).toEqual([
      ['PEREKAT_BANGSA', 'SOSIAL_KULTURAL'],
    ]);
    for (const competency of [...BUILT_IN_CATALOGUE.managerial, ...BUILT_IN_CATALOGUE.socioCultural]) {
      expect(competency.levels).toHaveLength(5);
      expect(new Set(competency.levels).size).toBe(5);
      expect(competency.description.trim().length).toBeGreaterThan(10);
    }
  });

  it('codes are unique and in the stable UPPER_SNAKE form', () => {
    const codes = builtInCodes();
    expect(codes).toHaveLength(16);
    expect(new Set(codes).size).toBe(16);
    for (const code of codes) expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
  });
});
