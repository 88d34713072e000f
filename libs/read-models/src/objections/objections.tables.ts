import type { Predikat } from '../../../policy/src/policy.js';
import type { ObjectionOutcome } from '../../../appraisal/src/objection/objection-events.js';
import type { AppraisalPartiesRow } from './appraisal-parties.js';

export type ObjectionStatus = 'OPEN' | 'DECIDED' | 'WITHDRAWN';
export const OBJECTION_STATUSES: readonly ObjectionStatus[] = ['OPEN', 'DECIDED', 'WITHDRAWN'];

/** One keberatan, as HR's queue lists it: state, people, deadlines and outcome; never reasons or statements. */
export interface ObjectionRow {
  stream_id: string;
  objection_id: string;
  cycle_id: string;
  nip: string;
  agency_id: string;
  /** The appraisal's unit, following transfers. */
  unit_id: string;
  status: ObjectionStatus;
  filed_at: string | Date;
  recorded_by_hr: boolean;
  /** null while unassigned (top of a line until HR names one). */
  decider_nip: string | null;
  decision_due_last_day: string;
  decision_due_closes_at: string | Date;
  decision_due_time_zone: string;
  rater_statement_requested_at: string | Date | null;
  rater_statement_due_last_day: string | null;
  rater_statement_due_closes_at: string | Date | null;
  rater_statement_given_at: string | Date | null;
  employee_statement_requested_at: string | Date | null;
  employee_statement_due_last_day: string | null;
  employee_statement_due_closes_at: string | Date | null;
  employee_statement_given_at: string | Date | null;
  outcome: ObjectionOutcome | null;
  before_predikat: Predikat | null;
  after_predikat: Predikat | null;
  decided_at: string | Date | null;
  /** The decision came after the decision deadline (recorded on the event). */
  decided_overdue: boolean;
  withdrawn_at: string | Date | null;
  /** Keyset order of the queue: filedAt|stream|objectionId (ISO instants sort as text). */
  sort_key: string;
  /** int8: the revision of the appraisal stream's last event that changed this row. */
  stream_revision: string;
  updated_at: string | Date;
}

export interface ObjectionTables {
  appraisal_parties: AppraisalPartiesRow;
  objections: ObjectionRow;
}
