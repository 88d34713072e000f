// Follows $all from a generation's checkpoint, batch by batch, each batch applied with its checkpoint in
// one transaction. Shared by the live runner (follows forever) and the rebuild (stops when caught up).
import type { EventStore } from '../../event-store/src/port.js';
import { applyBatch } from './apply-batch.js';
import { readBatches } from './batches.js';
import type { Checkpoint } from './checkpoint.js';
import type { Generation } from './generations.js';
import type { Projection, ReadModelDb } from './projection.js';

export interface CatchUpOptions {
  db: ReadModelDb;
  store: EventStore;
  projection: Projection;
  generation: Generation;
  checkpoint: Checkpoint;
  batchSize: number;
  /** An idle subscription still lets shouldStop run this often. */
  idleMs: number;
  /** Return as soon as everything up to the head is applied, instead of following live events. */
  untilCaughtUp: boolean;
  /** Asked after every batch and idle tick; true ends the catch-up (the current batch is committed). */
  shouldStop?: () => boolean | Promise<boolean>;
  onBatch?: (checkpoint: Checkpoint, caughtUp: boolean) => void;
  /** Aborting closes the subscription: the catch-up ends after the batch in progress. */
  signal?: AbortSignal;
}

export type CatchUpEnd = 'caughtUp' | 'stopped' | 'ended';

export async function catchUp(options: CatchUpOptions): Promise<{ checkpoint: Checkpoint; end: CatchUpEnd }> {
  const { db, store, projection, generation, batchSize, idleMs } = options;
  const handles = new Set(projection.handles);
  let checkpoint = options.checkpoint;
  if (options.signal?.aborted) return { checkpoint, end: 'stopped' };
  const subscription = store.subscribeToAll(checkpoint.position === null ? {} : { fromPosition: checkpoint.position });
  const onAbort = () => void subscription.close();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for await (const batch of readBatches(subscription, { maxSize: batchSize, idleMs })) {
      checkpoint = await applyBatch(db, projection, generation.schema, checkpoint, batch.events, handles);
      options.onBatch?.(checkpoint, batch.caughtUp);
      if (options.untilCaughtUp && batch.caughtUp) return { checkpoint, end: 'caughtUp' };
      if (options.signal?.aborted || (await options.shouldStop?.())) return { checkpoint, end: 'stopped' };
    }
    return { checkpoint, end: options.signal?.aborted ? 'stopped' : 'ended' };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await subscription.close();
  }
}
