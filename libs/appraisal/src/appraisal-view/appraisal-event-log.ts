// One appraisal's events as the auditor's replay reads them (type, data, who, when, why, revision). An AUDITOR
// sees everything, the peer reviewers' attributed input included (kept for the later audit issue); HR of the
// agency sees the same stream with each peer input's author and values withheld: peer input is anonymous.
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
}

export const PEER_INPUT_REDACTED = 'PEER_INPUT_ANONYMOUS';

export function eventForViewer(event: LoggedEvent, viewer: EventLogViewer): LoggedEvent {
  if (viewer === 'AUDITOR' || event.type !== 'PeerInputSubmitted.v1') return event;
  const { submittedAt } = event.data;
  return { ...event, actor: null, data: { redacted: PEER_INPUT_REDACTED, submittedAt } };
}
