// The commands of the keberatan flow. Like every appraisal command they carry `now` (the server's clock, never
// the client's), the acting person's NIP (null for HR) and the cycle's phase.
import type { Rating } from '../../../policy/src/policy.js';
import type { CyclePhase } from '../cycle/cycle-events.js';
import type { ObjectedItem, ObjectionEvidence, ObjectionOutcome, StatementParty } from './objection-events.js';

interface Base {
  now: string;
  actorNip: string | null;
  cyclePhase: CyclePhase;
}

interface ObjectionContent {
  objectionId: string;
  reasons: string;
  items: ObjectedItem[];
  evidence: ObjectionEvidence[];
}

/** The employee files in writing, within the window. */
export interface FileObjection extends Base {
  type: 'FileObjection';
  data: ObjectionContent;
}

/** HR records a letter the agency received on paper, on the employee's behalf (actorNip null). */
export interface RecordPaperObjection extends Base {
  type: 'RecordPaperObjection';
  data: ObjectionContent & { letterReceivedOn: string; letterScanSha256: string };
}

/** HR names a decider where the line has no atasan pejabat penilai (actorNip null). */
export interface AssignObjectionDecider extends Base {
  type: 'AssignObjectionDecider';
  data: { objectionId: string; deciderNip: string; reason: string };
}

export interface RequestObjectionStatement extends Base {
  type: 'RequestObjectionStatement';
  data: { objectionId: string; party: StatementParty };
}

export interface GiveObjectionStatement extends Base {
  type: 'GiveObjectionStatement';
  data: { objectionId: string; statement: string; evidence: ObjectionEvidence[] };
}

export interface DecideObjection extends Base {
  type: 'DecideObjection';
  data: {
    objectionId: string;
    outcome: ObjectionOutcome;
    reasons: string;
    /** Required for CHANGED (the new ratings); must be absent or null for UPHELD. */
    hasilKerja: Rating | null;
    perilaku: Rating | null;
  };
}

export interface WithdrawObjection extends Base {
  type: 'WithdrawObjection';
  data: { objectionId: string; reason: string };
}
