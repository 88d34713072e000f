import { describe, expect, it } from '@jest/globals';
import type { Predikat } from '../../../policy/src/policy.js';
import { groupGaps, groupOf, suppressedGroups, type GroupInput } from './group-gaps.js';

const person = (predikat: Predikat, overrides: Partial<GroupInput> = {}): GroupInput => ({
  predikat,
  gender: 'FEMALE',
  golongan: 'III/a',
  birthDate: '1990-06-15',
  appointmentMonth: '2015-03',
  ...overrides,
});

describe('group gaps with suppression', () => {
  it('given age and tenure, then bands are completed years at the as-of date', () => {
    expect(groupOf(person('BAIK'), 'ageBand', '2020-06-14')).toBe('UNDER_30'); // 29 the day before the birthday
    expect(groupOf(person('BAIK'), 'ageBand', '2020-06-15')).toBe('30_39');
    expect(groupOf(person('BAIK'), 'tenureBand', '2020-02-28')).toBe('UNDER_5');
    expect(groupOf(person('BAIK'), 'tenureBand', '2020-03-01')).toBe('5_14');
  });

  it('given 4 women and 3 men with a minimum of 3, then both shown with shares and the rest', () => {
    const rows = [
      person('SANGAT_BAIK'),
      person('BAIK'),
      person('BAIK'),
      person('BUTUH_PERBAIKAN'),
      ...['BAIK', 'BAIK', 'SANGAT_BAIK'].map((p) => person(p as Predikat, { gender: 'MALE' })),
    ];
    expect(groupGaps(rows, 'gender', '2026-12-31', 3)).toEqual([
      {
        group: 'FEMALE',
        suppressed: false,
        people: 4,
        sangatBaikShare: 0.25,
        belowBaikShare: 0.25,
        restSangatBaikShare: 0.333,
        restBelowBaikShare: 0,
      },
      {
        group: 'MALE',
        suppressed: false,
        people: 3,
        sangatBaikShare: 0.333,
        belowBaikShare: 0,
        restSangatBaikShare: 0.25,
        restBelowBaikShare: 0.25,
      },
    ]);
  });

  it('given one cell under the minimum, then it and the next smallest are suppressed (no subtraction from the total)', () => {
    const rows = [
      ...Array.from({ length: 5 }, () => person('BAIK', { golongan: 'III/a' })),
      ...Array.from({ length: 4 }, () => person('BAIK', { golongan: 'III/b' })),
      ...Array.from({ length: 6 }, () => person('BAIK', { golongan: 'III/c' })),
      person('KURANG', { golongan: 'IV/a' }),
    ];
    const cells = groupGaps(rows, 'golongan', '2026-12-31', 3);
    expect(cells.filter((c) => c.suppressed).map((c) => c.group)).toEqual(['III/b', 'IV/a']);
    expect(JSON.stringify(cells)).not.toContain('KURANG');
  });

  it('given two cells under the minimum, then only those two are suppressed', () => {
    expect([
      ...suppressedGroups(
        [
          ['a', 1],
          ['b', 2],
          ['c', 9],
        ],
        3,
      ),
    ]).toEqual(['a', 'b']);
  });

  it('given a group whose complement is under the minimum, then the rest shares are not shown', () => {
    const rows = [
      ...Array.from({ length: 5 }, () => person('BAIK')),
      person('BAIK', { gender: 'MALE' }),
      person('BAIK', { gender: 'MALE' }),
    ];
    const cells = groupGaps(rows, 'gender', '2026-12-31', 3);
    // MALE (2) is under 3 and FEMALE is then the only other cell: both are suppressed.
    expect(cells.every((c) => c.suppressed)).toBe(true);
    // Everyone in one group: "everyone else" is nobody, so no rest shares.
    expect(groupGaps(rows.slice(0, 5), 'gender', '2026-12-31', 3)).toEqual([
      expect.objectContaining({ group: 'FEMALE', people: 5, restSangatBaikShare: null, restBelowBaikShare: null }),
    ]);
  });
});
