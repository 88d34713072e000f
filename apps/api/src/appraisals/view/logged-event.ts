// One recorded event of an appraisal stream as the event log and the replay show it (before the viewer's
// redaction): what happened, who, when, why, and the integrity fields an auditor checks the chain with.
import type { LoggedEvent } from '../../../../../libs/appraisal/src/appraisal-view/appraisal-event-log.js';
import type { RecordedEvent } from '../../../../../libs/event-store/src/port.js';

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function loggedEvent(e: RecordedEvent): LoggedEvent {
  return {
    revision: String(e.revision),
    type: e.type,
    data: e.data,
    actor: e.metadata.actor ?? null,
    occurredAt: e.metadata.occurredAt,
    reason: e.metadata.reason ?? null,
    policyVersion: e.metadata.policyVersion ?? null,
    id: e.id,
    hash: text(e.metadata.hash),
    prevHash: text(e.metadata.prevHash),
    correlationId: text(e.metadata.correlationId),
    causationId: text(e.metadata.causationId),
  };
}
