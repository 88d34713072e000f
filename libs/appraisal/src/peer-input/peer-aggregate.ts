// What the employee and the rater may see of peer input (DOMAIN section 9): counts per BerAKHLAK value and
// the notes, only once at least `minimum` reviewers (policy.peerAnonymityMinimum) have given input, and never
// who said what. Stricter than the reviewer count alone: a value rated by fewer than `minimum` reviewers is
// left out, since its counts would be an "aggregate" of one or two people.
import { RATINGS, type Rating } from '../../../policy/src/policy.js';
import { BERAKHLAK_VALUES, type BerakhlakValueCode, type ValueRating } from '../appraisal/appraisal-events.js';

export interface PeerValueAggregate {
  value: BerakhlakValueCode;
  counts: Record<Rating, number>;
  /** Reviewers who rated this value. */
  responses: number;
}

export interface PeerAggregate {
  /** Reviewers who have given input. */
  reviewers: number;
  minimum: number;
  shown: boolean;
  /** null until shown. */
  values: PeerValueAggregate[] | null;
  /** Non-empty notes, sorted so that their order cannot reveal who wrote what; null until shown. */
  notes: string[] | null;
}

/** `inputs` by reviewer NIP, as AppraisalState.peer.inputs holds them; no NIP reaches the result. */
export function aggregatePeerInput(
  inputs: Readonly<Record<string, readonly ValueRating[]>>,
  minimum: number,
): PeerAggregate {
  const submitted = Object.values(inputs);
  const reviewers = submitted.length;
  const shown = reviewers > 0 && reviewers >= minimum;
  if (!shown) return { reviewers, minimum, shown, values: null, notes: null };
  const all = submitted.flat();
  const values = BERAKHLAK_VALUES.map((value) => {
    const ratings = all.filter((v) => v.value === value).map((v) => v.rating);
    const counts = Object.fromEntries(RATINGS.map((r) => [r, ratings.filter((x) => x === r).length]));
    return { value, counts: counts as Record<Rating, number>, responses: ratings.length };
  }).filter((v) => v.responses >= minimum);
  const notes = all
    .map((v) => v.note.trim())
    .filter((note) => note.length > 0)
    .sort();
  return { reviewers, minimum, shown, values, notes };
}
