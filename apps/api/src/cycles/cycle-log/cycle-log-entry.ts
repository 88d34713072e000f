// One event of a cycle stream as the cycle-level log shows it (README "Auditor's replay"): who acted, when,
// why, the integrity fields, the event's data, and a short summary of what it did. The read model's phase
// history and determinations carry no actor: this log, read from the stream itself, is where they are.
import type { CycleEvent } from '../../../../../libs/appraisal/src/cycle/cycle-events.js';
import type { RecordedEvent } from '../../../../../libs/event-store/src/port.js';

export type CycleLogSummary =
  | { kind: 'OPENED'; name: string; periodStart: string; periodEnd: string; policyRef: unknown; frameworkRef: unknown }
  | { kind: 'PHASE_ADVANCED'; from: string; to: string; published: boolean; movedOnNotReady: boolean }
  | { kind: 'UNIT_PREDIKAT_SET'; populationId: string; unitPredikat: string; setByNip: string | null }
  | {
      kind: 'DETERMINED';
      populationId: string;
      unitPredikat: string;
      /** Determined although the curve was violated, with a written justification: flagged for audit. */
      overridden: boolean;
      violations: number;
      determinedByNip: string | null;
    }
  | { kind: 'OBJECTION_CHANGE'; populationId: string; objectionId: string; nip: string; from: string; to: string }
  | { kind: 'OTHER' };

export interface CycleLogEntry {
  revision: string;
  id: string;
  type: string;
  summary: CycleLogSummary;
  data: Record<string, unknown>;
  actor: { id: string; role: string } | null;
  occurredAt: string;
  reason: string | null;
  policyVersion: string | null;
  hash: string | null;
  prevHash: string | null;
  correlationId: string | null;
  causationId: string | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function summarize(event: CycleEvent): { summary: CycleLogSummary; reason: string | null } {
  switch (event.type) {
    case 'CycleOpened.v1': {
      const { name, periodStart, periodEnd, policyRef, frameworkRef } = event.data;
      return { summary: { kind: 'OPENED', name, periodStart, periodEnd, policyRef, frameworkRef }, reason: null };
    }
    case 'CyclePhaseAdvanced.v1': {
      const { from, to, reason, notReady } = event.data;
      const movedOnNotReady = notReady !== undefined;
      return { summary: { kind: 'PHASE_ADVANCED', from, to, published: to === 'PUBLISHED', movedOnNotReady }, reason };
    }
    case 'UnitPredikatSet.v1': {
      const { populationId, unitPredikat, setByNip, reason } = event.data;
      return { summary: { kind: 'UNIT_PREDIKAT_SET', populationId, unitPredikat, setByNip }, reason };
    }
    case 'DistributionDetermined.v1': {
      const { populationId, unitPredikat, override, violations, determinedByNip } = event.data;
      return {
        summary: {
          kind: 'DETERMINED',
          populationId,
          unitPredikat,
          overridden: override !== null,
          violations: violations.length,
          determinedByNip,
        },
        reason: override?.justification ?? null,
      };
    }
    case 'DistributionChangedByObjection.v1': {
      const { populationId, objectionId, nip, from, to } = event.data;
      return { summary: { kind: 'OBJECTION_CHANGE', populationId, objectionId, nip, from, to }, reason: null };
    }
    default:
      return { summary: { kind: 'OTHER' }, reason: null };
  }
}

export function cycleLogEntry(e: RecordedEvent): CycleLogEntry {
  const { summary, reason } = summarize({ type: e.type, data: e.data } as unknown as CycleEvent);
  return {
    revision: String(e.revision),
    id: e.id,
    type: e.type,
    summary,
    data: e.data,
    actor: e.metadata.actor ?? null,
    occurredAt: e.metadata.occurredAt,
    reason: e.metadata.reason ?? reason,
    policyVersion: e.metadata.policyVersion ?? null,
    hash: text(e.metadata.hash),
    prevHash: text(e.metadata.prevHash),
    correlationId: text(e.metadata.correlationId),
    causationId: text(e.metadata.causationId),
  };
}
