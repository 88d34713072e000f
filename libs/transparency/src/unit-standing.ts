// What an employee may see of their unit's (population's) results: the count and share at each predikat, with
// small cells suppressed, and where they stand. Method (README "Transparency"):
// - a population smaller than the minimum shows no cell; otherwise a cell with 1..minimum-1 people is
//   suppressed (primary) and a cell of 0 is shown;
// - complementary suppression: while the suppressed cells are fewer than two, or hold fewer than `minimum`
//   people together, the smallest shown cell is suppressed too (nonzero first when the sum is short), so no
//   suppressed cell can be worked out as the total minus the shown ones;
// - the standing (at, above, below the employee's own predikat) is shown only where it follows from the shown
//   table anyway: a group with no suppressed cell, or one holding every suppressed cell. It adds nothing.
// Pure: no I/O, no framework.
import { PREDIKATS, type Predikat } from '../../policy/src/policy.js';

export type PredikatCountsAll = Record<Predikat, number>;

export type PredikatCell =
  { predikat: Predikat; suppressed: false; count: number; share: number } | { predikat: Predikat; suppressed: true };

export type StandingGroup = { suppressed: false; count: number; share: number } | { suppressed: true };

export interface Standing {
  predikat: Predikat;
  /** Better predikat than the employee's, the same, and worse. */
  above: StandingGroup;
  at: StandingGroup;
  below: StandingGroup;
}

/** Shares are fractions of the population, rounded to 3 decimals. */
const share = (count: number, total: number): number => (total === 0 ? 0 : Math.round((count / total) * 1000) / 1000);

export function countPredikat(predikat: readonly (Predikat | null)[]): PredikatCountsAll {
  const counts = Object.fromEntries(PREDIKATS.map((p) => [p, 0])) as PredikatCountsAll;
  for (const p of predikat) if (p !== null) counts[p] += 1;
  return counts;
}

/** The predikat whose counts are withheld: primary (1..minimum-1) plus complementary cells. */
export function suppressedCells(counts: PredikatCountsAll, minimum: number): Set<Predikat> {
  const total = PREDIKATS.reduce((sum, p) => sum + counts[p], 0);
  // A population smaller than the minimum shows no cell at all: even its zeros would say where everyone is.
  if (total > 0 && total < minimum) return new Set(PREDIKATS);
  const hidden = new Set(PREDIKATS.filter((p) => counts[p] > 0 && counts[p] < minimum));
  const hiddenSum = () => [...hidden].reduce((sum, p) => sum + counts[p], 0);
  // Smallest first; ties in the order of PREDIKATS (best first) so the choice is stable.
  const byCount = (candidates: Predikat[]) =>
    candidates.sort((a, b) => counts[a] - counts[b] || PREDIKATS.indexOf(a) - PREDIKATS.indexOf(b));
  while (hidden.size > 0) {
    const shown = PREDIKATS.filter((p) => !hidden.has(p));
    if (hiddenSum() < minimum) {
      // Never empty: the total is at least the minimum, so some shown cell holds people.
      hidden.add(byCount(shown.filter((p) => counts[p] > 0))[0]);
    } else if (hidden.size < 2) {
      hidden.add(byCount(shown)[0]);
    } else break;
  }
  return hidden;
}

export function predikatTable(counts: PredikatCountsAll, minimum: number): PredikatCell[] {
  const total = PREDIKATS.reduce((sum, p) => sum + counts[p], 0);
  const hidden = suppressedCells(counts, minimum);
  return PREDIKATS.map((predikat) =>
    hidden.has(predikat)
      ? { predikat, suppressed: true }
      : { predikat, suppressed: false, count: counts[predikat], share: share(counts[predikat], total) },
  );
}

/** The counts with every suppressed cell as null: for views that keep the `{ predikat: count }` shape. */
export function suppressedCounts(counts: PredikatCountsAll, minimum: number): Record<Predikat, number | null> {
  const hidden = suppressedCells(counts, minimum);
  return Object.fromEntries(PREDIKATS.map((p) => [p, hidden.has(p) ? null : counts[p]])) as Record<
    Predikat,
    number | null
  >;
}

/** Where `own` stands in the population, from the same suppression as the table (nothing the table hides). */
export function standingOf(counts: PredikatCountsAll, own: Predikat, minimum: number): Standing {
  const total = PREDIKATS.reduce((sum, p) => sum + counts[p], 0);
  const hidden = suppressedCells(counts, minimum);
  const index = PREDIKATS.indexOf(own);
  const group = (members: readonly Predikat[]): StandingGroup => {
    const hiddenInside = members.filter((p) => hidden.has(p)).length;
    if (hiddenInside > 0 && hiddenInside < hidden.size) return { suppressed: true };
    const count = members.reduce((sum, p) => sum + counts[p], 0);
    return { suppressed: false, count, share: share(count, total) };
  };
  return {
    predikat: own,
    above: group(PREDIKATS.slice(0, index)),
    at: group([own]),
    below: group(PREDIKATS.slice(index + 1)),
  };
}
