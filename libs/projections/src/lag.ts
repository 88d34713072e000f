// How far a checkpoint is behind the head of $all. The port has no count, so events behind are counted
// by reading them, up to a cap: the gauge saturates there (the seconds gauge keeps telling the story).
import { comparePositions, type EventStore, type Position } from '../../event-store/src/port.js';
import type { Checkpoint } from './checkpoint.js';

export const LAG_EVENTS_CAP = 10_000;

export interface Lag {
  events: number;
  ms: number;
}

export async function measureLag(store: EventStore, checkpoint: Checkpoint, cap = LAG_EVENTS_CAP): Promise<Lag> {
  const [head] = await store.readAll({ direction: 'backwards', maxCount: 1 });
  if (!head || (checkpoint.position && comparePositions(head.position, checkpoint.position) <= 0)) {
    return { events: 0, ms: 0 };
  }
  const behind = await store.readAll({ ...after(checkpoint.position), maxCount: cap });
  // Nothing applied yet: behind by the whole history, from its first event.
  const reference = checkpoint.lastEventAt ?? behind[0]?.createdAt ?? head.createdAt;
  return { events: behind.length, ms: Math.max(0, head.createdAt.getTime() - reference.getTime()) };
}

/** Counts the events in $all after a position (all of them without one), page by page. */
export async function countEventsAfter(
  store: EventStore,
  position: Position | null,
  pageSize = 5_000,
): Promise<number> {
  let count = 0;
  let from = position;
  for (;;) {
    const page = await store.readAll({ ...after(from), maxCount: pageSize });
    count += page.length;
    if (page.length < pageSize) return count;
    from = page[page.length - 1].position;
  }
}

const after = (position: Position | null) => (position === null ? {} : { fromPosition: position });
