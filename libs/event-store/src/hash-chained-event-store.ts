import { computeEventHash, GENESIS_HASH } from '../../audit/src/hash-chain.js';
import { WrongExpectedVersionError } from './errors.js';
import { ForwardingEventStore } from './forwarding-event-store.js';
import type { AppendOptions, AppendResult, EventStore, ExpectedRevision, NewEvent, RecordedEvent } from './port.js';

export interface HashChainedEventStoreOptions {
  /** Re-reads after a conflict when the caller did not ask for a revision ('any', 'stream_exists'). Default 5. */
  maxRetries?: number;
}

/** The stream's last event as far as chaining is concerned; revision -1: the stream does not exist. */
interface ChainTip {
  revision: bigint;
  hash: string;
}

const NO_STREAM_TIP: ChainTip = { revision: -1n, hash: GENESIS_HASH };

/**
 * Wraps any adapter and fills `metadata.prevHash` / `metadata.hash` on append. It always appends to the
 * inner store with the exact revision it chained on, so a racing writer causes a conflict, never a fork
 * or a broken chain. Reads, subscriptions, ping and close pass through.
 */
export class HashChainedEventStore extends ForwardingEventStore {
  private readonly maxRetries: number;

  constructor(inner: EventStore, options: HashChainedEventStoreOptions = {}) {
    super(inner);
    this.maxRetries = options.maxRetries ?? 5;
  }

  async appendToStream(stream: string, events: NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const expected = options.expected ?? 'any';
    if (expected === 'no_stream') return this.appendOnTip(stream, events, NO_STREAM_TIP);
    if (typeof expected === 'bigint') {
      const tip =
        options.prevHash !== undefined
          ? { revision: expected, hash: options.prevHash }
          : await this.tipAt(stream, expected);
      // A stream already past `expected` still goes to the inner store: that is where a retry of an
      // append that did succeed is recognised (idempotent), or the conflict reported with its actual.
      return this.appendOnTip(stream, events, tip);
    }
    for (let attempt = 0; ; attempt++) {
      const tip = (await this.lastEvent(stream)) ?? NO_STREAM_TIP;
      if (tip.revision < 0n && expected === 'stream_exists') {
        throw new WrongExpectedVersionError(stream, expected, 'no_stream');
      }
      try {
        return await this.appendOnTip(stream, events, tip);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        if (attempt >= this.maxRetries) throw new WrongExpectedVersionError(stream, expected, error.actual);
      }
    }
  }

  private appendOnTip(stream: string, events: NewEvent[], tip: ChainTip): Promise<AppendResult> {
    const expected: ExpectedRevision = tip.revision < 0n ? 'no_stream' : tip.revision;
    return this.inner.appendToStream(stream, chain(stream, events, tip), { expected });
  }

  /** The event at `revision`, or a conflict naming the stream's actual last revision. */
  private async tipAt(stream: string, revision: bigint): Promise<ChainTip> {
    const [event] = await this.inner.readStream(stream, { direction: 'backwards', from: revision, maxCount: 1 });
    if (event?.revision === revision) return { revision, hash: storedHash(event) };
    // Backwards from beyond the end yields the last event: the stream is shorter than expected.
    throw new WrongExpectedVersionError(stream, revision, event ? event.revision : 'no_stream');
  }

  private async lastEvent(stream: string): Promise<ChainTip | undefined> {
    const [event] = await this.inner.readStream(stream, { direction: 'backwards', maxCount: 1 });
    return event ? { revision: event.revision, hash: storedHash(event) } : undefined;
  }
}

function storedHash(event: RecordedEvent): string {
  const { hash } = event.metadata;
  if (typeof hash !== 'string') {
    throw new Error(`${event.streamName}@${event.revision} carries no hash: the stream is not hash-chained`);
  }
  return hash;
}

/** The events as they will be stored, each linked to the one before. */
function chain(stream: string, events: NewEvent[], tip: ChainTip): NewEvent[] {
  let prevHash = tip.hash;
  return events.map((event, index) => {
    // UUIDs are case-insensitive and stores hand them back in lower case: hash what will be read back.
    const id = event.id.toLowerCase();
    const { hash: _callerHash, ...rest } = event.metadata;
    const metadataWithoutHash = { ...rest, prevHash };
    const hash = computeEventHash({
      stream,
      revision: tip.revision + 1n + BigInt(index),
      id,
      type: event.type,
      data: event.data,
      metadataWithoutHash,
      prevHash,
    });
    prevHash = hash;
    return { ...event, id, metadata: { ...metadataWithoutHash, hash } };
  });
}
