// Keberatan (objection) to a published result: every step is an event in the appraisal's own stream, so the
// auditor's replay of a score includes how an objection changed it (docs/domain-rules.md, keberatan).
import type { DomainEvent } from '../../../shared-kernel/src/decider.js';
import type { Predikat, Rating } from '../../../policy/src/policy.js';
import type { Deadline } from '../../../policy/src/deadlines.js';
import type { EvidenceFile, Recommendation } from '../appraisal/appraisal-events.js';

/** What the employee objects to: a rating, one IKI's realisation, or one observed competency level. */
export type ObjectedItem =
  | { kind: 'HASIL_KERJA_RATING' }
  | { kind: 'PERILAKU_RATING' }
  | { kind: 'REALISATION'; rhkId: string; ikiId: string }
  | { kind: 'COMPETENCY_LEVEL'; competencyCode: string };
export type ObjectedItemKind = ObjectedItem['kind'];
export const OBJECTED_ITEM_KINDS: readonly ObjectedItemKind[] = [
  'HASIL_KERJA_RATING',
  'PERILAKU_RATING',
  'REALISATION',
  'COMPETENCY_LEVEL',
];

/** Evidence carried inline (same model as attached evidence): the appraisal's own evidence is closed by then. */
export interface ObjectionEvidence {
  kind: 'LINK' | 'FILE';
  url: string | null;
  file: EvidenceFile | null;
  description: string;
}

export type StatementParty = 'RATER' | 'EMPLOYEE';
export const STATEMENT_PARTIES: readonly StatementParty[] = ['RATER', 'EMPLOYEE'];

export type ObjectionOutcome = 'UPHELD' | 'CHANGED';

export interface ResultRatings {
  hasilKerja: Rating;
  perilaku: Rating;
  predikat: Predikat;
}

export type ObjectionEvent =
  | DomainEvent<
      'ObjectionFiled.v1',
      {
        objectionId: string;
        /** The employee's NIP when they filed it; null when HR recorded a paper letter on their behalf. */
        filedByNip: string | null;
        recordedByHr: boolean;
        /** Paper letters: the local date the agency received it (counts as the filing date) and the scan's hash. */
        letterReceivedOn: string | null;
        letterScanSha256: string | null;
        reasons: string;
        items: ObjectedItem[];
        evidence: ObjectionEvidence[];
        /** The published rating version objected to. */
        ratingVersion: number;
        /** The atasan pejabat penilai at filing; null at the top of a line (HR assigns one). */
        deciderNip: string | null;
        /** The window the filing was checked against, and the date by which a decision is due. */
        window: Deadline;
        decisionDue: Deadline;
        filedAt: string;
      }
    >
  | DomainEvent<
      'ObjectionDeciderAssigned.v1',
      { objectionId: string; deciderNip: string; reason: string; assignedAt: string }
    >
  | DomainEvent<
      'ObjectionStatementRequested.v1',
      {
        objectionId: string;
        party: StatementParty;
        partyNip: string;
        requestedByNip: string;
        /** After this the request lapses: the decision no longer waits for it. */
        due: Deadline;
        requestedAt: string;
      }
    >
  | DomainEvent<
      'ObjectionStatementGiven.v1',
      {
        objectionId: string;
        party: StatementParty;
        givenByNip: string;
        statement: string;
        evidence: ObjectionEvidence[];
        givenAt: string;
      }
    >
  | DomainEvent<
      'ObjectionDecided.v1',
      {
        objectionId: string;
        outcome: ObjectionOutcome;
        reasons: string;
        decidedByNip: string;
        /** The published result before and after: equal when UPHELD; the predikat from the pinned matrix. */
        before: ResultRatings;
        after: ResultRatings;
        /** The published result's recommendations after a change (follow-ups depend on the predikat). */
        recommendations: Recommendation[];
        /** Decided after the policy's decision deadline. */
        overdue: boolean;
        decidedAt: string;
      }
    >
  | DomainEvent<'ObjectionWithdrawn.v1', { objectionId: string; reason: string; withdrawnAt: string }>;
