import type { Predikat } from '../../../policy/src/policy.js';
import type { ObjectionOutcome, StatementParty } from '../../../appraisal/src/objection/objection-events.js';
import type { AppraisalPartiesRow } from '../objections/appraisal-parties.js';

export const INBOX_KINDS = [
  'PLAN_RETURNED',
  'RATING_APPROVED',
  'RATING_RETURNED',
  'OBJECTION_FILED',
  'OBJECTION_RECORDED_BY_HR',
  'OBJECTION_ASSIGNED',
  'STATEMENT_REQUESTED',
  'STATEMENT_GIVEN',
  'OBJECTION_DECIDED',
  'OBJECTION_WITHDRAWN',
] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

/** Something one person is told about (recipient_nip): one per event and recipient. */
export interface InboxItemRow {
  /** `{eventId}-{recipientNip}`: the same after a rebuild, so read marks (public.inbox_read_marks) survive it. */
  item_id: string;
  recipient_nip: string;
  kind: InboxKind;
  stream_id: string;
  cycle_id: string;
  appraisal_nip: string;
  objection_id: string | null;
  /** STATEMENT_REQUESTED / STATEMENT_GIVEN: whose statement. */
  party: StatementParty | null;
  /** OBJECTION_DECIDED. */
  outcome: ObjectionOutcome | null;
  after_predikat: Predikat | null;
  /** RATING_APPROVED. */
  predikat: Predikat | null;
  at: string | Date;
  /** What the recipient must act by (a statement's or the decision's deadline); null for plain news. */
  due_last_day: string | null;
  due_closes_at: string | Date | null;
  due_time_zone: string | null;
  /** Newest first: `{at ISO}|{commit position}|{prepare position}|{item_id}` (positions zero-padded). */
  sort_key: string;
}

/** Per objection, what decides whether an item still awaits its recipient (computed at read time). */
export interface InboxObjectionRow {
  stream_id: string;
  objection_id: string;
  status: 'OPEN' | 'DECIDED' | 'WITHDRAWN';
  decider_nip: string | null;
  /** The rater at filing: the party the decider hears and who is told of the decision. */
  rater_nip: string | null;
  /** The decision deadline, repeated on the decider's item when HR assigns one later. */
  decision_due_last_day: string;
  decision_due_closes_at: string | Date;
  decision_due_time_zone: string;
  rater_statement_given: boolean;
  employee_statement_given: boolean;
}

/** Outside the generation schemas (public): UI state that a rebuild must not forget; not an audited fact. */
export interface InboxReadMarkRow {
  recipient_nip: string;
  item_id: string;
  read_at: string | Date;
}

export interface InboxTables {
  appraisal_parties: AppraisalPartiesRow;
  inbox_items: InboxItemRow;
  inbox_objections: InboxObjectionRow;
}
