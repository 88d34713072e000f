import type { Predikat, Rating } from '../../../policy/src/policy.js';

/**
 * One appraisal (stream `appraisal-{cycleId}-{nip}`) as the subjectivity audits read it: who rated, what, with
 * which evidence, against the employee's self-assessment and peers, revised or objected to. Names and personal
 * details come from the directory at query time; gender, birth date and appointment from the NIP.
 */
export interface RatingFactsRow {
  stream_id: string;
  cycle_id: string;
  nip: string;
  agency_id: string;
  unit_id: string;
  status: 'ACTIVE' | 'ENDED';
  /** The latest supervisor rating version: its rater and content. */
  rating_version: number | null;
  rater_nip: string | null;
  hasil_kerja: Rating | null;
  perilaku: Rating | null;
  predikat: Predikat | null;
  /** jsonb: { code, level }[] observed in the latest rating. */
  competency_levels: unknown;
  justification_length: number;
  evidence_count: number;
  conflict_of_interest: boolean;
  /** The latest version is approved. */
  approved: boolean;
  /** A version submitted after an earlier one had been approved (a revision to fit the curve), and by whom. */
  revised_after_approval: boolean;
  revised_by_nip: string | null;
  self_hasil_kerja: Rating | null;
  self_perilaku: Rating | null;
  /** jsonb: every peer's value ratings, one array per reviewer (no reviewer NIPs). */
  peer_ratings: unknown;
  objections_filed: number;
  /** The last objection decision: UPHELD or CHANGED; null when none was decided. */
  objection_outcome: 'UPHELD' | 'CHANGED' | null;
  /** The predikat as it finally stands: published, or changed by a keberatan decision. */
  final_predikat: Predikat | null;
  stream_revision: string;
}

export interface RatingFactsTables {
  rating_facts: RatingFactsRow;
}
