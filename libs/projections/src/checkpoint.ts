// A generation's checkpoint: where in $all it has got to. Moved only by applyBatch (compare-and-set).
import { sql } from 'kysely';
import type { Position } from '../../event-store/src/port.js';
import type { ReadModelDb } from './projection.js';

export interface Checkpoint {
  projection: string;
  generation: number;
  /** Last event processed; null before the first. */
  position: Position | null;
  eventsSeen: number;
  eventsApplied: number;
  /** createdAt of the last event processed. */
  lastEventAt: Date | null;
}

/** The checkpoint moved under us: another instance (or a rebuild's switch) took over. */
export class CheckpointConflictError extends Error {
  override readonly name = 'CheckpointConflictError';
  constructor(
    readonly projection: string,
    readonly generation: number,
  ) {
    super(`checkpoint of ${projection} generation ${generation} was moved by someone else`);
  }
}

export interface CheckpointRow {
  commit_position: string | null;
  prepare_position: string | null;
  events_seen: string;
  events_applied: string;
  last_event_at: Date | null;
}

export function checkpointFromRow(projection: string, generation: number, row: CheckpointRow): Checkpoint {
  return {
    projection,
    generation,
    position:
      row.commit_position === null || row.prepare_position === null
        ? null
        : { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) },
    eventsSeen: Number(row.events_seen),
    eventsApplied: Number(row.events_applied),
    lastEventAt: row.last_event_at,
  };
}

export async function readCheckpoint(db: ReadModelDb, projection: string, generation: number): Promise<Checkpoint> {
  const { rows } = await sql<CheckpointRow>`
    SELECT commit_position, prepare_position, events_seen, events_applied, last_event_at
    FROM projection_checkpoints WHERE projection = ${projection} AND generation = ${generation}`.execute(db);
  if (rows.length === 0) throw new CheckpointConflictError(projection, generation);
  return checkpointFromRow(projection, generation, rows[0]);
}
