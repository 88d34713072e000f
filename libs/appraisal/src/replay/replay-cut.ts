// Where a replay stops ("as of"): at an instant (every event with occurredAt <= asOf) or at a stream revision
// (every event with revision <= it). Streams are appended in time order by the deciders' injected clock, but the
// cut filters instead of stopping at the first later event, so a clock step backwards can never hide an event
// that happened before the instant.
import type { CyclePhase } from '../cycle/cycle-events.js';

export type ReplayCut = { kind: 'all' } | { kind: 'asOf'; instant: string } | { kind: 'revision'; revision: bigint };

/** Compares ISO-8601 instants by their time, not their text (offsets and fractions may differ). */
const epoch = (instant: string): number => Date.parse(instant);

export function withinCut<E extends { revision: bigint; occurredAt: string }>(
  events: readonly E[],
  cut: ReplayCut,
): E[] {
  switch (cut.kind) {
    case 'all':
      return [...events];
    case 'asOf': {
      const limit = epoch(cut.instant);
      return events.filter((e) => epoch(e.occurredAt) <= limit);
    }
    case 'revision':
      return events.filter((e) => e.revision <= cut.revision);
  }
}

/** A cycle's phase changes in order (opening = PLANNING), each with the instant it happened. */
export interface PhaseChange {
  phase: CyclePhase;
  at: string;
}

/** The phase in force at `instant`: the last change at or before it; null before the cycle was opened. */
export function phaseTimeline(changes: readonly PhaseChange[]): (instant: string) => CyclePhase | null {
  const sorted = changes.map((c) => ({ phase: c.phase, at: epoch(c.at) }));
  return (instant) => {
    const t = epoch(instant);
    let phase: CyclePhase | null = null;
    for (const change of sorted) if (change.at <= t) phase = change.phase;
    return phase;
  };
}

/** Every evidence id an event refers to (`evidenceId`, `evidenceIds` at any depth of its data), in order. */
export function evidenceReferences(data: unknown): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(walk);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'evidenceId' && typeof inner === 'string') found.push(inner);
      else if (key === 'evidenceIds' && Array.isArray(inner))
        found.push(...inner.filter((x): x is string => typeof x === 'string'));
      else walk(inner);
    }
  };
  walk(data);
  return [...new Set(found)];
}
