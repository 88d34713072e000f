// One appraisal's events as the auditor's replay reads them (type, data, who, when, why, revision). An AUDITOR
// sees everything, the peer reviewers' attributed input included (kept for the later audit issue); HR of the
// agency sees the same stream with each peer input's author and values withheld (peer input is anonymous), and
// the text and evidence of objection statements withheld (HR runs the objection queue, not its hearing).
import type { EventLogViewer } from './viewer.js';

export interface LoggedEvent {
  revision: string;
  type: string;
  data: Record<string, unknown>;
  /** metadata.actor: the account that acted and the role it acted under; null where withheld. */
  actor: { id: string; role: string } | null;
  occurredAt: string;
  reason: string | null;
  /** The pinned policy version the act was decided under (`national@1`). */
  policyVersion: string | null;
  /** Integrity fields (README "Tamper evidence"): the event's id and its link in the stream's hash chain. */
  id: string;
  hash: string | null;
  prevHash: string | null;
  /** The request that caused the act, and what it followed from (the same id for a direct command). */
  correlationId: string | null;
  causationId: string | null;
}

export const PEER_INPUT_REDACTED = 'PEER_INPUT_ANONYMOUS';

export const STATEMENT_REDACTED = 'OBJECTION_STATEMENT_WITHHELD';

export function eventForViewer(event: LoggedEvent, viewer: EventLogViewer): LoggedEvent {
  if (viewer === 'AUDITOR') return event;
  if (event.type === 'PeerInputSubmitted.v1') {
    const { submittedAt } = event.data;
    return { ...event, actor: null, data: { redacted: PEER_INPUT_REDACTED, submittedAt } };
  }
  if (event.type === 'ObjectionStatementGiven.v1') {
    const { objectionId, party, givenByNip, givenAt } = event.data;
    return { ...event, data: { objectionId, party, givenByNip, givenAt, redacted: STATEMENT_REDACTED } };
  }
  return event;
}
