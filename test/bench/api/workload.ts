// The prepared requests. Commands: for each appraisal the employee's self-assessment then the rater's rating,
// with bench:cycle's bodies; every appraisal is used once per run, so the appraisals are cut into disjoint
// slices (a warm-up slice, one per run, one for the lag measure). Reads: HR pages of the appraisal listing from
// cursors spread over the agency, and employees' own appraisals.
import { seededRandom } from '../../../libs/organization-import/src/demo/seeded-random.js';
import type { PlannedAppraisal } from '../cycle/plans.js';
import { PAGE_SIZE, rating, selfAssessment } from '../cycle/workloads.js';
import type { Chain, PreparedRequest } from './load-task.js';

export const SELF_ASSESSMENT = 'self-assessment';
export const RATING = 'supervisor rating';
export const HR_LIST = 'HR list page';
export const OWN_VIEW = 'own appraisal';

export type TokenOf = (nip: string) => string;

export interface Slices {
  warmUp: PlannedAppraisal[];
  runs: PlannedAppraisal[][];
  lag: PlannedAppraisal[];
}

/** A small warm-up slice first, then `runs` + 1 disjoint slices dealt round-robin (the last one for the lag). */
export function sliceAppraisals(appraisals: readonly PlannedAppraisal[], runs: number): Slices {
  const warm = Math.min(500, Math.floor(appraisals.length / 20) || 1);
  const rest = appraisals.slice(warm);
  const dealt = Array.from({ length: runs + 1 }, (_, r) => rest.filter((_, i) => i % (runs + 1) === r));
  return { warmUp: appraisals.slice(0, warm), runs: dealt.slice(0, runs), lag: dealt[runs] };
}

function selfAssessmentOf(cycleId: string, { nip }: PlannedAppraisal, tokenOf: TokenOf): PreparedRequest {
  const path = `/api/v1/cycles/${cycleId}/appraisals/${nip}/self-assessment`;
  return { kind: SELF_ASSESSMENT, method: 'POST', path, token: tokenOf(nip), body: JSON.stringify(selfAssessment), expect: 201 }; // prettier-ignore
}

function ratingOf(cycleId: string, { nip, raterNip }: PlannedAppraisal, tokenOf: TokenOf): PreparedRequest {
  const path = `/api/v1/cycles/${cycleId}/appraisals/${nip}/ratings`;
  return { kind: RATING, method: 'POST', path, token: tokenOf(raterNip as string), body: JSON.stringify(rating), expect: 201 }; // prettier-ignore
}

/** Closed loop: one chain per appraisal, the self-assessment then the rating. */
export function commandChains(cycleId: string, slice: readonly PlannedAppraisal[], tokenOf: TokenOf): Chain[] {
  return slice.map((a) => [selfAssessmentOf(cycleId, a, tokenOf), ratingOf(cycleId, a, tokenOf)]);
}

/**
 * Open loop: single requests at a fixed rate, in blocks: `block` self-assessments, then the ratings of the same
 * appraisals, then the next block. A rating is thus sent `block` requests after its self-assessment (a second at
 * block = rate), never in flight with it (the two would conflict on the appraisal's revision).
 */
export function commandStream(
  cycleId: string,
  slice: readonly PlannedAppraisal[],
  tokenOf: TokenOf,
  block: number,
): Chain[] {
  const chains: Chain[] = [];
  for (let start = 0; start < slice.length; start += block) {
    const part = slice.slice(start, start + block);
    chains.push(...part.map((a) => [selfAssessmentOf(cycleId, a, tokenOf)]));
    chains.push(...part.map((a) => [ratingOf(cycleId, a, tokenOf)]));
  }
  return chains;
}

/** Reads, alternating: an HR list page from a random cursor, an employee's own appraisal with their token. */
export function readRequests(
  cycleId: string,
  sortedNips: readonly string[],
  hrToken: string,
  tokenOf: TokenOf,
  count: number,
): Chain[] {
  const random = seededRandom(7);
  return Array.from({ length: count }, (_, i): Chain => {
    const nip = random.pick(sortedNips);
    return i % 2 === 0
      ? [{ kind: HR_LIST, method: 'GET', path: `/api/v1/cycles/${cycleId}/appraisals?limit=${PAGE_SIZE}&after=${nip}`, token: hrToken, expect: 200 }] // prettier-ignore
      : [{ kind: OWN_VIEW, method: 'GET', path: `/api/v1/cycles/${cycleId}/appraisals/${nip}`, token: tokenOf(nip), expect: 200 }]; // prettier-ignore
  });
}
