import type { DistributionScope, Predikat, Rating } from '../../../policy/src/policy.js';
import type { PlanStatus } from '../../../appraisal/src/appraisal/appraisal-state.js';

/** One appraisal (stream `appraisal-{cycleId}-{nip}`) as HR lists and filters them. */
export interface AppraisalRow {
  /** The stream name: later events carry neither cycle id nor NIP, so rows are keyed by it. */
  stream_id: string;
  cycle_id: string;
  nip: string;
  agency_id: string;
  unit_id: string;
  rater_nip: string | null;
  rater_supervisor_nip: string | null;
  status: 'ACTIVE' | 'ENDED';
  plan_status: PlanStatus;
  self_assessed: boolean;
  /** The latest supervisor rating: version, status and (until approved) its two ratings. */
  rating_version: number | null;
  rating_status: 'SUBMITTED' | 'APPROVED' | 'RETURNED' | null;
  rating_hasil_kerja: Rating | null;
  rating_perilaku: Rating | null;
  /** The latest rating waits for a dialogue note (large self-vs-supervisor gap). */
  for_dialogue: boolean;
  /** The latest rating was given under a declared conflict of interest. */
  conflict_of_interest: boolean;
  /** Of the approved rating; null until one is approved. */
  predikat: Predikat | null;
  hasil_kerja: Rating | null;
  perilaku: Rating | null;
  published: boolean;
  published_predikat: Predikat | null;
  received_at: string | Date | null;
  /** Local date YYYY-MM-DD (text: a pg `date` would come back as a server-local Date). */
  objection_last_day: string | null;
  /** The pinned policy's distribution scope, to recompute population_id when the appraisal is transferred. */
  distribution_scope: DistributionScope;
  /** The cycle population (unit id or agency id, per scope) whose curve this appraisal counts in. */
  population_id: string;
  /** HR took the appraisal out of the cycle's assessment (not assessed, not in the curve). */
  excluded: boolean;
  /** int8: pg returns it as a string. */
  stream_revision: string;
  updated_at: string | Date;
}

export interface AppraisalTables {
  appraisals: AppraisalRow;
}
