// The decide/evolve shape every use case follows (DESIGN section 3). Events here are the domain's own
// `{ type, data }`; metadata (actor, ids, hash chain) is added at the edge when they are appended.

export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

export interface Decider<Command, State, Event extends DomainEvent> {
  initialState: () => State;
  /** Throws a DomainError on a rule breach; never does I/O. */
  decide: (command: Command, state: State) => Event[];
  /** Never throws: replay must always succeed. */
  evolve: (state: State, event: Event) => State;
}

export function fold<State, Event>(evolve: (s: State, e: Event) => State, initial: State, events: Event[]): State {
  return events.reduce(evolve, initial);
}
