import { describe, expect, it } from '@jest/globals';
import type { TableRow } from '../csv/csv-table.js';
import { normaliseGolongan, planEmployees } from './employee-rows.js';

const TODAY = '2026-11-22';
const UNITS = new Set(['dinas', 'sd-1']);

const row = (line: number, values: Partial<Record<string, string>>): TableRow => ({
  line,
  values: {
    NIP: '198503152010011002',
    NAMA: 'Siti Rahayu',
    JENIS_PEGAWAI: 'PNS',
    JABATAN: 'Guru',
    JENIS_JABATAN: 'FUNGSIONAL',
    GOLONGAN: 'III/a',
    ID_UNIT: 'sd-1',
    KEPALA_UNIT: '',
    ...values,
  } as Record<string, string>,
});

describe('normaliseGolongan', () => {
  it.each([
    ['III/A', 'PNS', 'III/a'],
    ['iii/c', 'PNS', 'III/c'],
    ['IV b', 'PNS', 'IV/b'],
    ['IIId', 'PNS', 'III/d'],
    ['9', 'PPPK', 'IX'],
    ['xvii', 'PPPK', 'XVII'],
    ['II/x', 'PNS', 'II/x'],
  ] as const)('%s (%s) -> %s', (raw, type, expected) => {
    expect(normaliseGolongan(raw, type)).toBe(expected);
  });
});

describe('planEmployees', () => {
  it('accepts the spellings HR systems use and reads KEPALA_UNIT', () => {
    const plan = planEmployees(
      [
        row(2, { JENIS_JABATAN: 'Jabatan Pimpinan Tinggi', ID_UNIT: 'DINAS', KEPALA_UNIT: 'ya', GOLONGAN: 'IV/c' }),
        row(3, { NIP: '1990 0101 201503 2 001', JENIS_PEGAWAI: 'pppk', GOLONGAN: '10', JENIS_JABATAN: 'JF' }),
      ],
      UNITS,
      TODAY,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.rows).toMatchObject([
      { line: 2, jobType: 'JPT', unitId: 'dinas', headsUnit: true, golongan: 'IV/c' },
      { line: 3, nip: '199001012015032001', employmentType: 'PPPK', golongan: 'X', jobType: 'FUNGSIONAL' },
    ]);
  });

  it('names the bad parts of a NIP, every bad cell of a row, and a malformed record', () => {
    const plan = planEmployees(
      [
        row(2, { NIP: '198503152030013002' }),
        row(3, { JENIS_PEGAWAI: 'HONORER', KEPALA_UNIT: 'maybe' }),
        { line: 4, values: {}, problem: 'unexpected text after the closing quote of field 2' },
      ],
      UNITS,
      TODAY,
    );
    expect(plan.errors).toEqual([
      {
        line: 2,
        column: 'NIP',
        value: '198503152030013002',
        reason:
          'invalid NIP (appointment: appointment month 2030-01 is in the future; gender: digit 15 is the gender digit and must be 1 or 2, got 3)',
      },
      { line: 3, column: 'JENIS_PEGAWAI', value: 'HONORER', reason: 'JENIS_PEGAWAI must be PNS or PPPK' },
      { line: 3, column: 'KEPALA_UNIT', value: 'maybe', reason: 'KEPALA_UNIT must be Y or empty' },
      { line: 4, column: null, value: null, reason: 'unexpected text after the closing quote of field 2' },
    ]);
    expect([...plan.failedLines]).toEqual([2, 3, 4]);
    expect(plan.rows).toEqual([]);
  });
});
