// Whether the read models have caught up, read from the database (the checkpoints of the active generations),
// so it holds whichever process runs the projections: this one (PROJECTOR=embedded), another API instance that
// holds the runner locks, or apps/projector (PROJECTOR=external). Used by GET /health/ready and by the
// read-your-writes wait (X-Min-Position, README "Read-your-writes").
import { sql } from 'kysely';
import { comparePositions, formatPosition, type EventStore, type Position } from '../../event-store/src/port.js';
import { readCheckpoint } from './checkpoint.js';
import { findActiveGeneration } from './generations.js';
import { measureLag } from './lag.js';
import { isLockHeld } from './lock-connection.js';
import { LockNamespace, projectionLockKey } from './lock-keys.js';
import type { ReadModelDb } from './projection.js';

/** Events behind are counted up to this (a readiness probe must stay cheap while a projection catches up). */
export const READINESS_LAG_CAP = 1_000;

export interface ProjectionReadiness {
  projection: string;
  ready: boolean;
  /**
   * Events in $all after the checkpoint, counted up to READINESS_LAG_CAP (or the threshold + 1, if larger);
   * null before the projection's first generation.
   */
  lagEvents: number | null;
  /** `commit/prepare` of the last event processed; null before the first. */
  checkpoint: string | null;
  /** Some instance holds the projection's runner lock (it is being kept up to date). */
  running: boolean;
}

export async function readProjectionReadiness(
  db: ReadModelDb,
  store: EventStore,
  projections: readonly string[],
  maxLagEvents: number,
): Promise<ProjectionReadiness[]> {
  const hasTables = await bookkeepingExists(db);
  return Promise.all(
    projections.map(async (projection): Promise<ProjectionReadiness> => {
      const running = await isLockHeld(db, LockNamespace.runner, projectionLockKey(projection));
      const generation = hasTables ? await findActiveGeneration(db, projection) : undefined;
      if (!generation) return { projection, ready: false, lagEvents: null, checkpoint: null, running };
      const checkpoint = await readCheckpoint(db, projection, generation.generation);
      // Counted one past the threshold at least, so a saturated count never passes for "within the threshold".
      const lag = await measureLag(store, checkpoint, Math.max(READINESS_LAG_CAP, maxLagEvents + 1));
      return {
        projection,
        ready: lag.events <= maxLagEvents,
        lagEvents: lag.events,
        checkpoint: checkpoint.position ? formatPosition(checkpoint.position) : null,
        running,
      };
    }),
  );
}

/** The checkpoint of each projection's active generation (null: nothing processed, or no generation yet). */
export async function readActiveCheckpoints(
  db: ReadModelDb,
  projections: readonly string[],
): Promise<Map<string, Position | null>> {
  const positions = new Map<string, Position | null>(projections.map((p) => [p, null]));
  if (projections.length === 0 || !(await bookkeepingExists(db))) return positions;
  const { rows } = await sql<{ projection: string; commit_position: string | null; prepare_position: string | null }>`
    SELECT c.projection, c.commit_position, c.prepare_position
    FROM projection_generations g
    JOIN projection_checkpoints c ON c.projection = g.projection AND c.generation = g.generation
    WHERE g.status = 'active'`.execute(db);
  for (const row of rows) {
    if (!positions.has(row.projection) || row.commit_position === null || row.prepare_position === null) continue;
    positions.set(row.projection, { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) });
  }
  return positions;
}

/** The projections whose active checkpoint has not reached `position` yet. */
export function projectionsBehind(checkpoints: Map<string, Position | null>, position: Position): string[] {
  return [...checkpoints]
    .filter(([, checkpoint]) => checkpoint === null || comparePositions(checkpoint, position) < 0)
    .map(([name]) => name);
}

async function bookkeepingExists(db: ReadModelDb): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`
    SELECT to_regclass('projection_checkpoints') IS NOT NULL AS ok`.execute(db);
  return rows[0].ok;
}
