// The auditor's replay of one appraisal (README "Auditor's replay"): the stream's events up to the cut, each
// with the integrity fields, the evidence it refers to and the state after it, folded by libs/appraisal/src/replay.
import { BadRequestException } from '@nestjs/common';
import type { LoggedEvent } from '../../../../../libs/appraisal/src/appraisal-view/appraisal-event-log.js';
import { eventForViewer } from '../../../../../libs/appraisal/src/appraisal-view/appraisal-event-log.js';
import type { EventLogViewer } from '../../../../../libs/appraisal/src/appraisal-view/viewer.js';
import type { AppraisalEvent } from '../../../../../libs/appraisal/src/appraisal/appraisal-events.js';
import type { CycleEvent, CyclePhase } from '../../../../../libs/appraisal/src/cycle/cycle-events.js';
import {
  evidenceReferences,
  phaseTimeline,
  withinCut,
  type PhaseChange,
  type ReplayCut,
} from '../../../../../libs/appraisal/src/replay/replay-cut.js';
import { replayAppraisal, type ReplayedState } from '../../../../../libs/appraisal/src/replay/replay-state.js';
import type { RecordedEvent } from '../../../../../libs/event-store/src/port.js';
import { errorBody } from '../../http/error-body.js';
import type { AppraisalParams } from '../appraisal.params.js';
import { loggedEvent } from './logged-event.js';
import type { ReplayQuery } from './replay.query.js';

export interface ReplayStep extends LoggedEvent {
  evidenceIds: string[];
  /** The appraisal as it stood once this event had happened (null: not started yet). */
  stateAfter: ReplayedState | null;
}

export interface AppraisalReplay {
  cycleId: string;
  nip: string;
  /** The cut asked for (both null: the whole stream). */
  asOf: string | null;
  revision: string | null;
  /** The stream's last revision now, whatever the cut. */
  streamRevision: string;
  /**
   * The state folded from every event within the cut (null: the appraisal had not started by then); its phase
   * is the cycle's at the cut (asOf: that instant; whole stream: now; revision: that step's time).
   */
  state: ReplayedState | null;
  steps: ReplayStep[];
  nextCursor: string | null;
}

const invalid = (field: string, message: string) =>
  new BadRequestException(errorBody(400, 'VALIDATION_FAILED', `invalid request: ${message}`, [{ field, message }]));

/** The cut the query asks for; 400 when both are given, asOf is no real instant, or revision is past the stream. */
export function replayCut(query: ReplayQuery, streamRevision: bigint): ReplayCut {
  if (query.asOf !== undefined && query.revision !== undefined) {
    throw invalid('query.asOf', 'give asOf or revision, not both');
  }
  if (query.asOf !== undefined) {
    const time = Date.parse(query.asOf);
    // Date.parse rolls 2025-02-30 over to March: a real instant must print back to the same calendar day.
    if (Number.isNaN(time) || !sameCalendarDay(query.asOf, time)) {
      throw invalid('query.asOf', `asOf ${query.asOf} is not a real instant`);
    }
    return { kind: 'asOf', instant: query.asOf };
  }
  if (query.revision !== undefined) {
    const revision = BigInt(query.revision);
    if (revision > streamRevision) {
      throw invalid('query.revision', `revision ${revision} is past the stream's last revision ${streamRevision}`);
    }
    return { kind: 'revision', revision };
  }
  return { kind: 'all' };
}

function sameCalendarDay(text: string, time: number): boolean {
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(text);
  const minutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  return new Date(time + minutes * 60_000).toISOString().slice(0, 10) === text.slice(0, 10);
}

/** The cycle's phases with their instants, from its recorded events. */
function phaseChanges(cycleEvents: readonly RecordedEvent[]): PhaseChange[] {
  return cycleEvents.flatMap((e): PhaseChange[] => {
    const event = { type: e.type, data: e.data } as unknown as CycleEvent;
    if (event.type === 'CycleOpened.v1') return [{ phase: 'PLANNING', at: e.metadata.occurredAt }];
    if (event.type === 'CyclePhaseAdvanced.v1') return [{ phase: event.data.to, at: e.metadata.occurredAt }];
    return [];
  });
}

/**
 * The phase of the cut's state: at the instant asked for, now for the whole stream (a phase may have moved on
 * after the appraisal's last event), and at the last step's time for a revision.
 */
function phaseAtCut(cut: ReplayCut, phaseAt: (instant: string) => CyclePhase | null, atLastStep: CyclePhase | null) {
  if (cut.kind === 'asOf') return phaseAt(cut.instant);
  if (cut.kind === 'all') return phaseAt(END_OF_TIME);
  return atLastStep;
}

const END_OF_TIME = '9999-12-31T23:59:59.999Z';

export function replayOf(
  params: AppraisalParams,
  recorded: readonly RecordedEvent[],
  cycleEvents: readonly RecordedEvent[],
  cut: ReplayCut,
  page: { after?: string; limit?: number },
  viewer: EventLogViewer,
  streamRevision: bigint,
): AppraisalReplay {
  const within = withinCut(
    recorded.map((e) => ({ recorded: e, revision: e.revision, occurredAt: e.metadata.occurredAt })),
    cut,
  );
  const phaseAt = phaseTimeline(phaseChanges(cycleEvents));
  const states = replayAppraisal(
    within.map((e) => ({
      event: { type: e.recorded.type, data: e.recorded.data } as unknown as AppraisalEvent,
      occurredAt: e.occurredAt,
    })),
    phaseAt,
  );
  const last = states.at(-1) ?? null;
  const after = page.after === undefined ? -1n : BigInt(page.after);
  const indexes = within.map((_, i) => i).filter((i) => within[i].revision > after);
  const shown = page.limit === undefined ? indexes : indexes.slice(0, page.limit);
  const steps = shown.map((i): ReplayStep => {
    const event = eventForViewer(loggedEvent(within[i].recorded), viewer);
    return { ...event, evidenceIds: evidenceReferences(event.data), stateAfter: states[i] };
  });
  const lastShown = shown.at(-1);
  return {
    cycleId: params.cycleId,
    nip: params.nip,
    asOf: cut.kind === 'asOf' ? cut.instant : null,
    revision: cut.kind === 'revision' ? String(cut.revision) : null,
    streamRevision: String(streamRevision),
    state: last === null ? null : { ...last, phase: phaseAtCut(cut, phaseAt, last.phase) },
    steps,
    nextCursor: lastShown !== undefined && lastShown < within.length - 1 ? String(within[lastShown].revision) : null,
  };
}
