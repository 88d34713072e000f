import { START, type AllStreamSubscription, type EventStoreDBClient } from '@eventstore/db-client';
import { EventStoreUnavailableError } from '../errors.js';
import type { Position, SubscribeToAllOptions, Subscription, SubscriptionMessage } from '../port.js';
import { readAllPages } from './all-pages.js';
import { translateClientError } from './client-errors.js';
import { isSystemEvent, toRecordedEvent } from './recorded-event.js';
import { matchesFilter, serverSideFilter } from './subscription-filter.js';

/**
 * History first, paged through readAll, then `caughtUp`, then the client's live subscription from the last
 * position seen. The client only reports caught-up as a side event (and only on servers >= 23.10), which a
 * `for await` consumer cannot place among the events, so we catch up ourselves. The live subscription's
 * fromPosition is exclusive and starts at the last record read, so nothing is lost or repeated at the seam.
 */
export class CatchUpSubscription implements Subscription {
  private closed = false;
  private started = false;
  private live: AllStreamSubscription | undefined;
  private iterator: AsyncGenerator<SubscriptionMessage> | undefined;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: SubscribeToAllOptions = {},
    private readonly pageSize = 500,
    private readonly onClose: () => void = () => undefined,
  ) {}

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    if (this.started) throw new Error('a subscription can be iterated only once');
    this.started = true;
    this.iterator = this.messages();
    return this.iterator;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
    await this.stopLive();
    // A consumer that stops iterating leaves the generator suspended, and with it a half-read readAll
    // page whose gRPC stream never finishes: client.dispose() would wait for it forever. Returning the
    // generator runs its finally blocks, which cancel that read (queued behind a next() in progress).
    void this.iterator?.return(undefined).catch(() => undefined);
  }

  private async *messages(): AsyncGenerator<SubscriptionMessage> {
    const { filter } = this.options;
    let last: Position | undefined = this.options.fromPosition;
    try {
      for await (const event of readAllPages(this.client, { after: last, pageSize: this.pageSize })) {
        if (this.closed) return;
        last = event.position;
        if (isSystemEvent(event)) continue;
        const recorded = toRecordedEvent(event);
        if (matchesFilter(recorded, filter)) yield { kind: 'event', event: recorded };
      }
      if (this.closed) return;
      yield { kind: 'caughtUp' };
      if (this.closed) return;

      this.live = this.client.subscribeToAll({ fromPosition: last ?? START, filter: serverSideFilter(filter) });
      // for await keeps the events in order (an async 'data' listener would process them concurrently).
      for await (const resolved of this.live) {
        if (this.closed) return;
        const event = resolved.event;
        if (!event || isSystemEvent(event)) continue;
        const recorded = toRecordedEvent(event);
        if (matchesFilter(recorded, filter)) yield { kind: 'event', event: recorded };
      }
      if (!this.closed) throw new EventStoreUnavailableError('EventStoreDB ended the subscription');
    } catch (error) {
      // close() destroys the live stream under a pending read: that is the end, not a failure.
      if (this.closed) return;
      throw translateClientError(error);
    } finally {
      await this.stopLive();
    }
  }

  private async stopLive(): Promise<void> {
    const live = this.live;
    this.live = undefined;
    if (!live) return;
    await live.unsubscribe();
    // Cancelling the gRPC call does not end the client's stream; destroying it ends a pending `for await`.
    live.destroy();
  }
}
