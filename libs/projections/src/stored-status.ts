// Projection status read from the database, for a process that does not run the projections itself
// (the API when PROJECTOR=external): checkpoints of the active generations, whether some instance holds
// each runner lock, and lag measured against the event store.
import { sql } from 'kysely';
import { formatPosition, type EventStore } from '../../event-store/src/port.js';
import { readCheckpoint } from './checkpoint.js';
import { findActiveGeneration } from './generations.js';
import { measureLag } from './lag.js';
import { isLockHeld } from './lock-connection.js';
import { LockNamespace, projectionLockKey } from './lock-keys.js';
import type { ReadModelDb } from './projection.js';
import { initialStatus, type ProjectionStatus } from './status.js';

export async function readStoredStatuses(
  db: ReadModelDb,
  store: EventStore,
  projections: readonly string[],
): Promise<ProjectionStatus[]> {
  const tables = await sql<{ ok: boolean }>`SELECT to_regclass('projection_checkpoints') IS NOT NULL AS ok`.execute(db);
  return Promise.all(
    projections.map(async (name) => {
      const status = initialStatus(name);
      status.active = await isLockHeld(db, LockNamespace.runner, projectionLockKey(name));
      const generation = tables.rows[0].ok ? await findActiveGeneration(db, name) : undefined;
      if (!generation) return status;
      const checkpoint = await readCheckpoint(db, name, generation.generation);
      const lag = await measureLag(store, checkpoint);
      const caughtUp = lag.events === 0;
      return {
        ...status,
        state: caughtUp ? 'live' : 'catching-up',
        generation: generation.generation,
        checkpoint: checkpoint.position ? formatPosition(checkpoint.position) : null,
        eventsApplied: checkpoint.eventsApplied,
        eventsSeen: checkpoint.eventsSeen,
        caughtUp,
        lagEvents: lag.events,
        lagMs: lag.ms,
      };
    }),
  );
}
