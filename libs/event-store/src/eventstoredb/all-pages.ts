import {
  BACKWARDS,
  END,
  FORWARDS,
  START,
  type AllStreamRecordedEvent,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import type { Position } from '../port.js';
import { samePosition } from './recorded-event.js';

export interface AllPagesOptions {
  /** Exclusive; omitted: from the start (forwards) or the end (backwards). */
  after?: Position;
  backwards?: boolean;
  pageSize: number;
}

/**
 * Every record of $all beyond `after`, system events included, read page by page. The server's
 * fromPosition is inclusive, so the record at the cursor is dropped (an exact match: positions are unique).
 */
export async function* readAllPages(
  client: EventStoreDBClient,
  { after, backwards = false, pageSize }: AllPagesOptions,
): AsyncGenerator<AllStreamRecordedEvent> {
  let cursor = after;
  for (;;) {
    const read = client.readAll({
      fromPosition: cursor ?? (backwards ? END : START),
      direction: backwards ? BACKWARDS : FORWARDS,
      maxCount: pageSize,
      resolveLinkTos: false,
    });
    let received = 0;
    let last: Position | undefined;
    let complete = false;
    try {
      for await (const resolved of read) {
        received += 1;
        const event = resolved.event;
        if (!event) continue;
        last = event.position;
        if (cursor && samePosition(event.position, cursor)) continue;
        yield event;
      }
      complete = true;
    } finally {
      // The caller stopped early: release the server-side read.
      if (!complete) await read.cancel();
    }
    if (received < pageSize || !last) return;
    cursor = last;
  }
}
