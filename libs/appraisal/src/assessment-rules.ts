// Guards the assessment use cases share (self-assessment, peer input, supervisor rating, approval): ratings and
// BerAKHLAK values are known codes, notes are bounded, the plan is approved, a rating version is the pending one, a peer reviewer stands in a peer relation to the employee.
import { DomainError, type DomainErrorDetail } from '../../shared-kernel/src/domain-error.js';
import { RATINGS, type Rating } from '../../policy/src/policy.js';
import type { ReviewerFact } from './appraisal/appraisal-commands.js';
import { BERAKHLAK_VALUES, type BerakhlakValueCode, type ValueRating } from './appraisal/appraisal-events.js';
import { approvedRating, type ActiveAppraisal, type RatingVersion } from './appraisal/appraisal-state.js';

export const NOTE_MAX = 2000;

export const isRating = (value: unknown): value is Rating => (RATINGS as readonly unknown[]).includes(value);
export const isBerakhlakValue = (value: unknown): value is BerakhlakValueCode =>
  (BERAKHLAK_VALUES as readonly unknown[]).includes(value);

export function requireRating(field: string, value: unknown): Rating {
  if (!isRating(value)) {
    throw new DomainError('invalid', 'INVALID_RATING', `${field} must be one of ${RATINGS.join(', ')}`, [
      { field, message: `got ${String(value)}` },
    ]);
  }
  return value;
}

/** An optional note: trimmed, at most NOTE_MAX characters (an empty note is allowed). */
export function boundedNote(field: string, note: string | null | undefined): string {
  const text = (note ?? '').trim();
  if (text.length > NOTE_MAX) {
    throw new DomainError('invalid', 'NOTE_TOO_LONG', `${field} is longer than ${NOTE_MAX} characters`, [
      { field, message: `${text.length} characters` },
    ]);
  }
  return text;
}

export function requirePlanApproved(state: ActiveAppraisal, action: string): void {
  if (state.plan.status !== 'APPROVED') {
    throw new DomainError(
      'conflict',
      'PLAN_NOT_APPROVED',
      `cannot ${action} before the plan is approved (it is ${state.plan.status})`,
    );
  }
}

export function requireNoApprovedRating(state: ActiveAppraisal, action: string): void {
  const approved = approvedRating(state);
  if (approved) {
    throw new DomainError(
      'conflict',
      'RATING_ALREADY_APPROVED',
      `cannot ${action}: rating version ${approved.version} is already approved`,
    );
  }
}

/** Ids listed in `wanted` but absent, present but not wanted, or given more than once. */
export function setProblems(field: string, given: readonly string[], wanted: readonly string[]): DomainErrorDetail[] {
  const seen = new Set<string>();
  const details: DomainErrorDetail[] = [];
  given.forEach((id, i) => {
    if (!wanted.includes(id)) details.push({ field: `${field}[${i}]`, message: 'unknown', id });
    else if (seen.has(id)) details.push({ field: `${field}[${i}]`, message: 'duplicate', id });
    seen.add(id);
  });
  for (const id of wanted) if (!seen.has(id)) details.push({ field, message: 'missing', id });
  return details;
}

/**
 * BerAKHLAK value ratings: known values, none twice, valid ratings, bounded notes. `complete`: every one of the
 * seven exactly once (self-assessment); otherwise 1..7 of them (peer input). Returns them with trimmed notes.
 */
export function requireValueRatings(values: readonly ValueRating[], complete: boolean): ValueRating[] {
  const codes = values.map((v) => v.value);
  const details = complete
    ? setProblems('values', codes, BERAKHLAK_VALUES)
    : setProblems('values', codes, codes.filter(isBerakhlakValue)).concat(
        values.length === 0 ? [{ field: 'values', message: 'at least one value must be rated' }] : [],
      );
  if (details.length > 0) {
    throw new DomainError(
      'invalid',
      'VALUE_RATINGS_INVALID',
      complete
        ? `rate each of the seven BerAKHLAK values exactly once (${BERAKHLAK_VALUES.join(', ')})`
        : 'rate 1 to 7 BerAKHLAK values, each at most once',
      details,
    );
  }
  return values.map((v, i) => ({
    value: v.value,
    rating: requireRating(`values[${i}].rating`, v.rating),
    note: boundedNote(`values[${i}].note`, v.note),
  }));
}

/** The rating version an approval or a return names: it must exist and be the latest, still SUBMITTED. */
export function requirePendingRating(state: ActiveAppraisal, version: number): RatingVersion {
  const rating = state.ratings.find((r) => r.version === version);
  if (!rating) {
    throw new DomainError('not_found', 'RATING_NOT_FOUND', `no rating version ${version} in this appraisal`, [
      { field: 'version', message: `latest is ${state.ratings.at(-1)?.version ?? 'none'}` },
    ]);
  }
  requireNoApprovedRating(state, `act on rating version ${version}`);
  const latest = state.ratings.at(-1) as RatingVersion;
  if (rating.status !== 'SUBMITTED' || rating.version !== latest.version) {
    throw new DomainError(
      'conflict',
      'RATING_NOT_PENDING',
      `rating version ${version} is ${rating.status === 'SUBMITTED' ? 'superseded' : rating.status}; ` +
        `only the latest submitted version awaits approval`,
      [{ field: 'version', message: `latest is ${latest.version}` }],
    );
  }
  return rating;
}

/**
 * A peer reviewer (DOMAIN section 9): never the employee, a registered employee of the same agency, at the
 * same level (same rater) or a direct subordinate. Checks in this order and throws the first that fails, with a
 * detail naming every nip that fails it.
 */
export function requireEligibleReviewers(
  state: ActiveAppraisal,
  entries: { field: string; nip: string; fact: ReviewerFact | null | undefined }[],
): void {
  const checks: [string, DomainError['kind'], string, (e: (typeof entries)[number]) => boolean][] = [
    ['PEER_IS_SELF', 'invalid', 'the employee cannot review themself', (e) => e.nip === state.nip],
    ['PEER_IS_RATER', 'invalid', 'the rater rates, and cannot also be a peer', (e) => e.nip === state.raterNip],
    ['EMPLOYEE_NOT_FOUND', 'not_found', 'no such employee', (e) => !e.fact],
    ['PEER_OTHER_AGENCY', 'invalid', 'in another agency', (e) => !!e.fact && e.fact.agencyId !== state.agencyId],
    [
      'NOT_A_PEER',
      'invalid',
      'peers at the same level or direct subordinates only',
      (e) => !!e.fact && e.fact.relation !== 'PEER' && e.fact.relation !== 'SUBORDINATE',
    ],
  ];
  for (const [code, kind, message, fails] of checks) {
    const failing = entries.filter(fails);
    if (failing.length > 0) {
      throw new DomainError(
        kind,
        code,
        `${failing.map((e) => e.nip).join(', ')}: ${message}`,
        failing.map((e) => ({ field: e.field, message, nip: e.nip })),
      );
    }
  }
}
