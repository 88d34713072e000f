// Test-only: builds an event history by running the real deciders, stream by stream, in order, with a clock
// that ticks one hour per command. The read-model tests append it to a real store, so every event is one
// production would write.
import type { Actor } from '../../../event-store/src/port.js';
import type { Decider, DomainEvent } from '../../../shared-kernel/src/decider.js';

export interface HistoryEntry {
  stream: string;
  event: DomainEvent;
  occurredAt: string;
  actor: Actor;
}

export const HR_ACTOR: Actor = { id: 'hr-1', role: 'HR' };

export class HistoryBuilder {
  readonly entries: HistoryEntry[] = [];
  private tick = 0;

  constructor(private readonly start = Date.UTC(2026, 0, 5, 1)) {}

  /** The state of `stream` after everything recorded so far, folded with `decider`. */
  state<State, Event extends DomainEvent>(
    stream: string,
    fold: { initialState: () => State; evolve: (state: State, event: Event) => State },
  ): State {
    return this.entries
      .filter((e) => e.stream === stream)
      .reduce((s, e) => fold.evolve(s, e.event as Event), fold.initialState());
  }

  /** Decides `command(now)` on the stream's state and records the events (a command must decide something). */
  run<Command, State, Event extends DomainEvent>(
    decider: Decider<Command, State, Event>,
    stream: string,
    command: (now: string) => Command,
    actor: Actor = HR_ACTOR,
  ): Event[] {
    const now = new Date(this.start + this.tick++ * 3_600_000).toISOString();
    const events = decider.decide(command(now), this.state(stream, decider));
    if (events.length === 0) throw new Error(`test history: a command on ${stream} decided nothing`);
    for (const event of events) this.entries.push({ stream, event, occurredAt: now, actor });
    return events;
  }

  /** Records an event as an older version of the code wrote it (no decider produces it any more). */
  legacy(stream: string, event: DomainEvent, actor: Actor = HR_ACTOR): void {
    const now = new Date(this.start + this.tick++ * 3_600_000).toISOString();
    this.entries.push({ stream, event, occurredAt: now, actor });
  }
}
