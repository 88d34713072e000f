// The event store port: one interface, adapters in postgres/ and eventstoredb/, one contract suite
// (test/contract/event-store-contract.ts) run against each. Revisions and positions are bigint end to end.

export interface Actor {
  id: string;
  role: string;
}

/** Metadata every event carries. The hash-chain fields are filled by HashChainedEventStore on append. */
export interface EventMetadata {
  actor: Actor;
  correlationId: string;
  causationId: string;
  /** ISO-8601 instant, from the command's injected clock. */
  occurredAt: string;
  reason?: string;
  policyVersion?: string;
  prevHash?: string;
  hash?: string;
  [key: string]: unknown;
}

export interface NewEvent<Type extends string = string, Data = Record<string, unknown>> {
  /** UUID chosen by the caller: re-appending the same ids at the same expected revision is idempotent. */
  id: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
}

/** Position in the global ($all) order; compare with comparePositions. */
export interface Position {
  commit: bigint;
  prepare: bigint;
}

export interface RecordedEvent<Type extends string = string, Data = Record<string, unknown>> extends NewEvent<
  Type,
  Data
> {
  streamName: string;
  revision: bigint;
  position: Position;
  createdAt: Date;
}

/** 'any' | 'no_stream' | 'stream_exists' | the revision of the stream's last event. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export interface AppendOptions {
  expected?: ExpectedRevision;
  /**
   * Hint for HashChainedEventStore: the hash of the event at `expected` (a bigint), known to a caller that
   * has just read the stream, which saves a read. Adapters ignore it.
   */
  prevHash?: string;
}

export interface AppendResult {
  /** Revision of the last event written: pass it as `expected` on the next append. */
  nextExpectedRevision: bigint;
  /** Global position of the last event written. */
  position: Position;
}

export interface ReadStreamOptions {
  /** Inclusive starting revision; defaults to the start (forwards) or the end (backwards). */
  from?: bigint | 'start' | 'end';
  direction?: 'forwards' | 'backwards';
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Omitted: from the start (forwards) or end (backwards). */
  fromPosition?: Position;
  direction?: 'forwards' | 'backwards';
  maxCount?: number;
}

export interface SubscriptionFilter {
  streamNamePrefixes?: string[];
  eventTypePrefixes?: string[];
}

export interface SubscribeToAllOptions {
  /** Exclusive: the first event delivered is the one after this position. Omitted: from the very start. */
  fromPosition?: Position;
  filter?: SubscriptionFilter;
}

export type SubscriptionMessage =
  | { kind: 'event'; event: RecordedEvent }
  /** Sent once when history is exhausted; everything after it is live. */
  | { kind: 'caughtUp' };

export interface Subscription extends AsyncIterable<SubscriptionMessage> {
  /** Ends the iteration; safe to call more than once. */
  close(): Promise<void>;
}

export interface EventStore {
  appendToStream(stream: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  /** Empty array when the stream does not exist. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeToAllOptions): Subscription;
  /** Answers quickly whether the store is reachable, for /health. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export function formatPosition(p: Position): string {
  return `${p.commit}/${p.prepare}`;
}

export function parsePosition(text: string): Position {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) throw new Error(`not a position: ${text}`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}
