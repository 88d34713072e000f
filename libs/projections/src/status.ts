// What one runner reports about its projection, for /metrics and logs.

export type RunnerState =
  /** Waiting for the projection's lock (another instance, or a rebuild, is active). */
  | 'standby'
  /** Building a new generation because the projection's version changed. */
  | 'upgrading'
  | 'catching-up'
  | 'live'
  /** The last session failed; waiting before trying again. */
  | 'retrying'
  | 'stopped';

export interface ProjectionStatus {
  projection: string;
  state: RunnerState;
  /** This instance holds the projection's lock. */
  active: boolean;
  generation: number | null;
  /** `commit/prepare` of the last event processed, null before the first. */
  checkpoint: string | null;
  /** Events handed to the projection (in the active generation). */
  eventsApplied: number;
  /** Every $all event the checkpoint has passed (in the active generation). */
  eventsSeen: number;
  caughtUp: boolean;
  /** Events in $all after the checkpoint (capped, see LAG_EVENTS_CAP); 0 when caught up. */
  lagEvents: number;
  /** createdAt of the head minus createdAt of the last event processed; 0 when caught up. */
  lagMs: number;
  /** Sessions that ended in an error (not counting handovers). */
  failures: number;
  lastError: string | null;
}

export function initialStatus(projection: string): ProjectionStatus {
  return {
    projection,
    state: 'standby',
    active: false,
    generation: null,
    checkpoint: null,
    eventsApplied: 0,
    eventsSeen: 0,
    caughtUp: false,
    lagEvents: 0,
    lagMs: 0,
    failures: 0,
    lastError: null,
  };
}
