// TEST STAND-IN ONLY: the storage behind the in-memory EventStoreDB gRPC stand-in (see README.md).
// It models just enough of the server's semantics for the real client: per-stream revisions, one global
// log ($all) with positions, expected-revision checks and idempotent re-appends.

export interface LogPosition {
  commit: bigint;
  prepare: bigint;
}

export interface StoredEvent {
  streamName: string;
  revision: bigint;
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  metadata: Uint8Array;
  /** .NET ticks since the Unix epoch, as the server sends them in the `created` metadata entry. */
  createdTicks: bigint;
  position: LogPosition;
}

export interface ProposedEvent {
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  metadata: Uint8Array;
}

export type Expectation = 'any' | 'no_stream' | 'stream_exists' | bigint;

export type AppendOutcome =
  /** `position` is absent for an idempotent re-append, as on the real server. */
  | { kind: 'success'; currentRevision: bigint; position?: LogPosition }
  /** `currentRevision` -1n means the stream does not exist. */
  | { kind: 'wrong_expected_version'; currentRevision: bigint };

export type LiveListener = (events: StoredEvent[]) => void;

export function comparePositions(a: LogPosition, b: LogPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export class InMemoryLog {
  private readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly listeners = new Set<LiveListener>();
  // Positions are byte-offset-like with gaps (as in a real transaction file), so nothing may assume
  // that positions are contiguous.
  private nextLogPosition = 0n;

  append(streamName: string, expected: Expectation, proposed: ProposedEvent[]): AppendOutcome {
    const stream = this.streams.get(streamName) ?? [];
    const current = BigInt(stream.length) - 1n;
    const idempotent = this.matchPreviousWrite(stream, expected, proposed);
    if (idempotent !== undefined) return idempotent;
    if (!satisfies(expected, current)) return { kind: 'wrong_expected_version', currentRevision: current };
    if (proposed.length === 0) return { kind: 'success', currentRevision: current };

    // One write = one implicit transaction: its events share the commit position (the first event's),
    // each has its own prepare position, and the append answers (commit, commit), like the server.
    const commit = this.nextLogPosition;
    const createdTicks = BigInt(Date.now()) * 10_000n;
    const written = proposed.map((event, index): StoredEvent => {
      const prepare = this.nextLogPosition;
      this.nextLogPosition += 128n + BigInt(event.data.length + event.metadata.length);
      return {
        ...event,
        streamName,
        revision: current + 1n + BigInt(index),
        createdTicks,
        position: { commit, prepare },
      };
    });
    stream.push(...written);
    this.streams.set(streamName, stream);
    this.all.push(...written);
    for (const listener of this.listeners) listener(written);
    return {
      kind: 'success',
      currentRevision: current + BigInt(written.length),
      position: { commit, prepare: commit },
    };
  }

  /** The stream's events, or undefined when the stream does not exist. */
  stream(streamName: string): readonly StoredEvent[] | undefined {
    return this.streams.get(streamName);
  }

  allEvents(): readonly StoredEvent[] {
    return this.all;
  }

  /** Registers a listener called synchronously after every write; returns the unsubscribe function. */
  onAppended(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  clearListeners(): void {
    this.listeners.clear();
  }

  // The server treats a write whose event ids are already in the stream, where the expectation points,
  // as a retry of that write: success, no new events. A partial match is corrupted idempotency, which
  // the server reports as a wrong expected version.
  private matchPreviousWrite(
    stream: StoredEvent[],
    expected: Expectation,
    proposed: ProposedEvent[],
  ): AppendOutcome | undefined {
    if (proposed.length === 0) return undefined;
    const start =
      expected === 'no_stream'
        ? 0
        : typeof expected === 'bigint'
          ? Number(expected) + 1
          : stream.findIndex((event) => event.id === proposed[0].id);
    if (start < 0 || start >= stream.length) return undefined;
    const matching = proposed.filter((event, i) => stream[start + i]?.id === event.id).length;
    if (matching === proposed.length) {
      return { kind: 'success', currentRevision: BigInt(start + proposed.length - 1) };
    }
    if (matching > 0 && (expected === 'any' || expected === 'stream_exists')) {
      return { kind: 'wrong_expected_version', currentRevision: BigInt(stream.length) - 1n };
    }
    return undefined;
  }
}

function satisfies(expected: Expectation, current: bigint): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === -1n;
    case 'stream_exists':
      return current >= 0n;
    default:
      return current === expected;
  }
}
