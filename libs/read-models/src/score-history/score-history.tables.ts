import type { Predikat, Rating } from '../../../policy/src/policy.js';
import type { CycleKind, CyclePhase } from '../../../appraisal/src/cycle/cycle-events.js';
import type { AppraisalPartiesRow } from '../objections/appraisal-parties.js';

/** Why a score moved (README "Score histories"). */
export const SCORE_CHANGES = [
  'REALISATION_RECORDED',
  'RATED',
  'RETURNED',
  'REVISED',
  'REVISED_IN_DETERMINATION',
  'APPROVED',
  'PUBLISHED',
  'OBJECTION_CHANGED',
  'OBJECTION_UPHELD',
] as const;
export type ScoreChange = (typeof SCORE_CHANGES)[number];

/** Which score: the two overall ratings, the predikat, one IKI's realisation, one observed competency level. */
export type ScoreItem =
  | { kind: 'HASIL_KERJA' }
  | { kind: 'PERILAKU' }
  | { kind: 'PREDIKAT' }
  | { kind: 'REALISATION'; rhkId: string; ikiId: string }
  | { kind: 'COMPETENCY'; code: string };

export type ScoreValue = string | number | null;

/** One score's value after the change and before it (null: it had none). */
export interface ScoreMove {
  item: ScoreItem;
  value: ScoreValue;
  previous: ScoreValue;
}

/** One change to an appraisal's scores: one row per appraisal event that sets, returns, approves or publishes them. */
export interface ScoreEntryRow {
  stream_id: string;
  /** int8: the event's revision in the appraisal stream (the history's order). */
  stream_revision: string;
  cycle_id: string;
  nip: string;
  agency_id: string;
  change: ScoreChange;
  /** The cycle's phase when it happened, as the cycle's events stand before this one in $all (informational). */
  phase: CyclePhase | null;
  rating_version: number | null;
  /** jsonb ScoreMove[]: the scores this change set (empty for returns, approvals and upheld objections). */
  scores: ScoreMove[];
  /** The predikat standing after this change (null before the first rating). */
  predikat: Predikat | null;
  /** Who: the NIP the event names (rater, approver, decider, ...) or null (HR/system acts), and the token role. */
  by_nip: string | null;
  by_role: string;
  /** Why: the rater's justification, the return's reasons, the decision's reasons (personal free text). */
  reason: string | null;
  occurred_at: string | Date;
}

/** The values standing now per appraisal (the "previous" of the next change), and its period. */
export interface ScoreCurrentRow {
  stream_id: string;
  period_start: string;
  period_end: string;
  /** jsonb: item key (scoreKey) -> value. */
  scores: Record<string, ScoreValue>;
  /** Some rating version was approved: a later version revises an approved result (only in DETERMINATION). */
  approved: boolean;
}

/** Each cycle's kind, period and current phase (from the cycle stream, in $all order). */
export interface ScoreCycleRow {
  cycle_id: string;
  agency_id: string;
  kind: CycleKind;
  period_start: string;
  period_end: string;
  phase: CyclePhase;
  stream_revision: string;
}

/** A TRAINING recommendation of the published result: a competency observed below the position's level. */
export interface CompetencyGap {
  competencyCode: string;
  requiredLevel: number;
  observedLevel: number;
  gap: number;
}

/** The published result per appraisal, as an objection may have changed it: the employee's trend. */
export interface ScoreResultRow {
  stream_id: string;
  cycle_id: string;
  nip: string;
  agency_id: string;
  rating_version: number;
  hasil_kerja: Rating;
  perilaku: Rating;
  predikat: Predikat;
  published_at: string | Date;
  changed_on_objection: boolean;
  /** jsonb CompetencyGap[]. */
  competency_gaps: CompetencyGap[];
  /** jsonb: the competency levels the rater observed in the published rating version, by code. */
  competency_levels: { code: string; level: number }[];
}

export interface ScoreHistoryTables {
  appraisal_parties: AppraisalPartiesRow;
  score_entries: ScoreEntryRow;
  score_current: ScoreCurrentRow;
  score_cycles: ScoreCycleRow;
  score_results: ScoreResultRow;
}
