import {
  BACKWARDS,
  FORWARDS,
  EventStoreDBClient,
  jsonEvent,
  type AppendExpectedRevision,
  type JSONType,
} from '@eventstore/db-client';
import { EventStoreUnavailableError, WrongExpectedVersionError } from '../errors.js';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
} from '../port.js';
import { readAllPages } from './all-pages.js';
import { CatchUpSubscription } from './catch-up-subscription.js';
import { asWrongExpectedVersion, isStreamNotFound, translateClientError } from './client-errors.js';
import { isSystemEvent, toRecordedEvent } from './recorded-event.js';

export interface EventStoreDbOptions {
  /** esdb:// or esdb+discover:// connection string (kurrentdb:// and kurrentdb+discover:// are accepted too). */
  connectionString: string;
  /** Records per readAll page while a subscription catches up. Default 500. */
  subscriptionPageSize?: number;
}

const READ_ALL_PAGE_SIZE = 500;
/** Read calls carry no deadline in the client; a health check must not hang on an unreachable node. */
const PING_TIMEOUT_MS = 5_000;
/** Any stream name works: a read of a missing stream is answered StreamNotFound, a full round trip. */
const PING_STREAM = 'kinerja-ping';

export function createEventStoreDbEventStore({
  connectionString,
  subscriptionPageSize = 500,
}: EventStoreDbOptions): EventStore {
  const client = EventStoreDBClient.connectionString(asEsdbConnectionString(connectionString));
  return new EventStoreDbEventStore(client, subscriptionPageSize);
}

/** KurrentDB speaks the same protocol, but this client only parses the esdb schemes. */
function asEsdbConnectionString(connectionString: string): string {
  return connectionString.replace(/^kurrentdb(\+discover)?:\/\//i, 'esdb$1://');
}

const DISPOSE_GRACE_MS = 2000;

class EventStoreDbEventStore implements EventStore {
  private readonly subscriptions = new Set<CatchUpSubscription>();

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly subscriptionPageSize: number,
  ) {}

  async appendToStream(stream: string, events: NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('appendToStream needs at least one event');
    const expected = options.expected ?? 'any';
    if (typeof expected === 'bigint' && expected < 0n) {
      throw new RangeError(`expected revision must not be negative, got ${expected}`);
    }
    const proposed = events.map(({ id, type, data, metadata }) =>
      jsonEvent({ id, type, data: data as JSONType, metadata: metadata as JSONType }),
    );
    let result;
    try {
      result = await this.client.appendToStream(stream, proposed, { expectedRevision: toClientExpected(expected) });
    } catch (error) {
      const conflict = asWrongExpectedVersion(error);
      if (conflict) throw new WrongExpectedVersionError(stream, expected, conflict.actualVersion);
      throw translateClientError(error);
    }
    // The server answers the write's commit position, which is the last event's position only for a
    // one-event write, and no position at all for an idempotent re-append: read the last event then.
    const position =
      events.length === 1 && result.position
        ? { commit: result.position.commit, prepare: result.position.prepare }
        : await this.positionOf(stream, result.nextExpectedRevision);
    return { nextExpectedRevision: result.nextExpectedRevision, position };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    if (validMaxCount(options.maxCount) === 0) return [];
    const read = this.client.readStream(stream, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.from ?? (backwards ? 'end' : 'start'),
      maxCount: options.maxCount,
      resolveLinkTos: false,
    });
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of read) if (resolved.event) events.push(toRecordedEvent(resolved.event));
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw translateClientError(error);
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const wanted = validMaxCount(options.maxCount) ?? Infinity;
    if (wanted === 0) return [];
    const events: RecordedEvent[] = [];
    // System events count against the server's page size: page until `wanted` of ours are found.
    const pages = readAllPages(this.client, {
      after: options.fromPosition,
      backwards: options.direction === 'backwards',
      pageSize: Math.min(READ_ALL_PAGE_SIZE, wanted + 1),
    });
    try {
      for await (const event of pages) {
        if (isSystemEvent(event)) continue;
        events.push(toRecordedEvent(event));
        if (events.length >= wanted) break;
      }
    } catch (error) {
      throw translateClientError(error);
    }
    return events;
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    const subscription = new CatchUpSubscription(this.client, options, this.subscriptionPageSize, () =>
      this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async ping(): Promise<void> {
    const read = this.client.readStream(PING_STREAM, { maxCount: 1, resolveLinkTos: false });
    let timer: NodeJS.Timeout | undefined;
    const roundTrip = (async () => {
      try {
        for await (const _ of read) break;
      } catch (error) {
        if (!isStreamNotFound(error)) throw error;
      }
    })();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([roundTrip, timeout]);
    } catch (error) {
      void read.cancel();
      throw new EventStoreUnavailableError(`EventStoreDB ping failed: ${(error as Error).message}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    // Subscriptions first: dispose() waits for every open gRPC stream to finish.
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    // A cancelled call's stream does not always report that it finished (seen under load: dispose() never
    // returned), and dispose() leaves the channel open. Give it a moment, then close the channel, which
    // ends every call on it, so shutdown cannot hang.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.client.dispose(),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, DISPOSE_GRACE_MS);
      }),
    ]);
    clearTimeout(timer);
    const channelOf = (this.client as unknown as { getChannel?: () => Promise<{ close(): void }> }).getChannel;
    if (channelOf) (await channelOf.call(this.client)).close();
  }

  private async positionOf(stream: string, revision: bigint): Promise<Position> {
    const [event] = await this.readStream(stream, { from: revision, maxCount: 1 });
    if (!event) throw new Error(`event ${revision} of ${stream} was just written but cannot be read`);
    return event.position;
  }
}

function validMaxCount(value: number | undefined): number | undefined {
  if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
    throw new RangeError(`maxCount must be a whole number >= 0, got ${value}`);
  }
  return value;
}

/** Our expectations and the client's have the same shape and meaning; kept explicit should either change. */
function toClientExpected(expected: ExpectedRevision): AppendExpectedRevision {
  return expected;
}
