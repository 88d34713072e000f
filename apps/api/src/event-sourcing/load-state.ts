// Folds a stream into a state for reads and cross-stream facts (a rater's plan, a cycle's phase): one stream
// read, always consistent with the writes before it, unlike a read model.
import type { EventStore } from '../../../../libs/event-store/src/port.js';
import type { DomainEvent } from '../../../../libs/shared-kernel/src/decider.js';

export interface LoadedState<State> {
  state: State;
  /** Revision of the last event, or -1n for a stream that does not exist. */
  revision: bigint;
}

export async function loadState<State, Event extends DomainEvent>(
  eventStore: EventStore,
  stream: string,
  fold: { initialState: () => State; evolve: (state: State, event: Event) => State },
): Promise<LoadedState<State>> {
  const events = await eventStore.readStream(stream);
  const state = events.reduce(
    (s, e) => fold.evolve(s, { type: e.type, data: e.data } as unknown as Event),
    fold.initialState(),
  );
  return { state, revision: events.at(-1)?.revision ?? -1n };
}
