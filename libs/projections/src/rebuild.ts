// Rebuild without downtime: fill a new generation from the start of $all beside the live one (which
// keeps serving and updating), then take over from the live runner (it stands by), apply the last few
// events, switch the active generation and hand the lock back. The runner resumes on the new generation.
import type { EventStore } from '../../event-store/src/port.js';
import { catchUp } from './catch-up.js';
import { readCheckpoint, type Checkpoint } from './checkpoint.js';
import {
  createGeneration,
  dropGeneration,
  dropLeftoverGenerations,
  findActiveGeneration,
  switchActiveGeneration,
  type Generation,
} from './generations.js';
import { countEventsAfter } from './lag.js';
import { LockConnection } from './lock-connection.js';
import { LockNamespace, projectionLockKey } from './lock-keys.js';
import type { Projection, ReadModelDb } from './projection.js';
import { migrateProjectionTables } from './projection-tables.js';
import { RebuildChainCheck, type ChainFinding } from './rebuild-chain-check.js';

export type RebuildPhase = 'counting' | 'catching-up' | 'taking-over' | 'switching' | 'done';

export interface RebuildProgress {
  projection: string;
  phase: RebuildPhase;
  /** $all events processed into the new generation. */
  done: number;
  /** $all events up to the head when the rebuild started; grows if `done` passes it. */
  total: number;
}

export interface RebuildOptions {
  projection: Projection;
  store: EventStore;
  db: ReadModelDb;
  /** The read-model database, for the rebuild's dedicated lock connection. */
  connectionString: string;
  batchSize?: number;
  idleMs?: number;
  onProgress?: (progress: RebuildProgress) => void;
  /** Wait between the switch and dropping the old generation, for queries that resolved it just before. */
  retireGraceMs?: number;
  /** Aborting stops the rebuild and drops the half-built generation; the live one is untouched. */
  signal?: AbortSignal;
}

export interface RebuildResult {
  generation: Generation;
  /** The generation that was active before, now dropped. */
  replaced: Generation | undefined;
  checkpoint: Checkpoint;
  /** Events whose hash chain does not hold, found on the way (README "Tamper evidence"); empty when clean. */
  chainFindings: ChainFinding[];
}

export class RebuildAbortedError extends Error {
  override readonly name = 'RebuildAbortedError';
}

export async function rebuildProjection(options: RebuildOptions): Promise<RebuildResult> {
  const { projection, db, signal } = options;
  const chainCheck = new RebuildChainCheck();
  const store = chainCheck.tap(options.store);
  const name = projection.name;
  const key = projectionLockKey(name);
  await migrateProjectionTables(db);
  const lock = await LockConnection.open(options.connectionString, `kinerja-rebuild:${name}`);
  let building: Generation | undefined;
  let switched = false;
  try {
    if (!(await lock.tryLock(LockNamespace.rebuild, key))) {
      throw new Error(`a rebuild of ${name} is already running`);
    }
    await dropLeftoverGenerations(db, name, { building: true });

    let total = 0;
    let done = 0;
    const report = (phase: RebuildPhase) => {
      total = Math.max(total, done);
      options.onProgress?.({ projection: name, phase, done, total });
    };
    report('counting');
    total = await countEventsToHead(db, store, name);
    building = await createGeneration(db, projection, 'building');
    let phase: RebuildPhase = 'catching-up';
    const settings = {
      db,
      store,
      projection,
      generation: building,
      batchSize: options.batchSize ?? 1000,
      idleMs: options.idleMs ?? 1000,
      untilCaughtUp: true,
      signal,
      onBatch: (cp: Checkpoint) => {
        done = cp.eventsSeen;
        report(phase);
      },
    };
    report(phase);
    let { checkpoint, end } = await catchUp({
      ...settings,
      checkpoint: await readCheckpoint(db, name, building.generation),
    });
    if (end !== 'caughtUp') throw new RebuildAbortedError(`rebuild of ${name} stopped before catching up`);

    // Hold the takeover lock first: the live runner sees it, commits its batch and gives up the runner lock.
    phase = 'taking-over';
    report(phase);
    await lock.lock(LockNamespace.takeover, key);
    await lock.lock(LockNamespace.runner, key);
    ({ checkpoint, end } = await catchUp({ ...settings, checkpoint }));
    if (end !== 'caughtUp') throw new RebuildAbortedError(`rebuild of ${name} stopped before taking over`);

    phase = 'switching';
    report(phase);
    const replaced = await switchActiveGeneration(db, name, building.generation);
    switched = true;
    await lock.unlock(LockNamespace.runner, key);
    await lock.unlock(LockNamespace.takeover, key);
    if (replaced) {
      if (options.retireGraceMs) await new Promise((resolve) => setTimeout(resolve, options.retireGraceMs));
      await dropGeneration(db, replaced);
    }
    report('done');
    return { generation: { ...building, status: 'active' }, replaced, checkpoint, chainFindings: chainCheck.findings };
  } catch (error) {
    if (building && !switched) await dropGeneration(db, building).catch(() => undefined);
    throw error;
  } finally {
    await lock.close();
  }
}

/** $all events up to the head: the live generation already counted most of them. */
async function countEventsToHead(db: ReadModelDb, store: EventStore, projection: string): Promise<number> {
  const live = await findActiveGeneration(db, projection);
  const checkpoint = live ? await readCheckpoint(db, projection, live.generation) : undefined;
  return (checkpoint?.eventsSeen ?? 0) + (await countEventsAfter(store, checkpoint?.position ?? null));
}
