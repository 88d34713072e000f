// Outcomes by group (gender, golongan, age band, tenure band) against everyone else. Gender, birth date and
// appointment month come from the NIP and are kept for these audits only. A cell with fewer people than the
// anonymity minimum is suppressed; when a dimension would then have exactly one suppressed cell, the next
// smallest is suppressed too, so the total cannot give the hidden one away. Method: docs/subjectivity-audits.md.
import type { Predikat } from '../../../policy/src/policy.js';
import { round } from '../statistics/descriptive.js';

export interface GroupInput {
  predikat: Predikat;
  gender: 'MALE' | 'FEMALE';
  golongan: string | null;
  /** YYYY-MM-DD and YYYY-MM, from the NIP. */
  birthDate: string;
  appointmentMonth: string;
}

export type GroupDimension = 'gender' | 'golongan' | 'ageBand' | 'tenureBand';
export const GROUP_DIMENSIONS: readonly GroupDimension[] = ['gender', 'golongan', 'ageBand', 'tenureBand'];

export type GroupCell =
  | { group: string; suppressed: true }
  | {
      group: string;
      suppressed: false;
      people: number;
      /** Shares of SANGAT_BAIK and of anything below BAIK, and the same for everyone outside the group. */
      sangatBaikShare: number;
      belowBaikShare: number;
      restSangatBaikShare: number | null;
      restBelowBaikShare: number | null;
    };

const BELOW_BAIK: readonly Predikat[] = ['BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'];

/** Completed years between two dates given as YYYY-MM-DD (or YYYY-MM, read as the 1st). */
function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd = 1] = from.split('-').map(Number);
  const [ty, tm, td = 1] = to.split('-').map(Number);
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

export function groupOf(row: GroupInput, dimension: GroupDimension, asOf: string): string {
  switch (dimension) {
    case 'gender':
      return row.gender;
    case 'golongan':
      return row.golongan ?? 'UNKNOWN';
    case 'ageBand': {
      const age = yearsBetween(row.birthDate, asOf);
      return age < 30 ? 'UNDER_30' : age < 40 ? '30_39' : age < 50 ? '40_49' : '50_PLUS';
    }
    case 'tenureBand': {
      const years = yearsBetween(row.appointmentMonth, asOf);
      return years < 5 ? 'UNDER_5' : years < 15 ? '5_14' : years < 25 ? '15_24' : '25_PLUS';
    }
  }
}

/** `asOf` (YYYY-MM-DD) fixes ages and tenure: the cycle's period end. */
export function groupGaps(
  rows: readonly GroupInput[],
  dimension: GroupDimension,
  asOf: string,
  anonymityMinimum: number,
): GroupCell[] {
  const groups = new Map<string, GroupInput[]>();
  for (const row of rows) {
    const group = groupOf(row, dimension, asOf);
    groups.set(group, [...(groups.get(group) ?? []), row]);
  }
  const count = (rs: readonly GroupInput[], ps: readonly Predikat[]) =>
    rs.filter((r) => ps.includes(r.predikat)).length;
  const sorted = [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const hidden = suppressedGroups(
    sorted.map(([group, rs]) => [group, rs.length] as const),
    anonymityMinimum,
  );
  return sorted.map(([group, rs]): GroupCell => {
    if (hidden.has(group)) return { group, suppressed: true };
    const rest = rows.length - rs.length;
    const restSangatBaik = count(rows, ['SANGAT_BAIK']) - count(rs, ['SANGAT_BAIK']);
    const restBelow = count(rows, BELOW_BAIK) - count(rs, BELOW_BAIK);
    return {
      group,
      suppressed: false,
      people: rs.length,
      sangatBaikShare: round(count(rs, ['SANGAT_BAIK']) / rs.length),
      belowBaikShare: round(count(rs, BELOW_BAIK) / rs.length),
      // "Everyone else" is itself a group of people: below the minimum it is not shown either.
      restSangatBaikShare: rest >= anonymityMinimum ? round(restSangatBaik / rest) : null,
      restBelowBaikShare: rest >= anonymityMinimum ? round(restBelow / rest) : null,
    };
  });
}

/** Primary suppression (below the minimum) plus, if exactly one cell is hidden, the smallest other cell. */
export function suppressedGroups(cells: readonly (readonly [string, number])[], minimum: number): Set<string> {
  const hidden = new Set(cells.filter(([, n]) => n < minimum).map(([group]) => group));
  if (hidden.size === 1 && cells.length > 1) {
    const next = [...cells].filter(([g]) => !hidden.has(g)).sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (next) hidden.add(next[0]);
  }
  return hidden;
}
