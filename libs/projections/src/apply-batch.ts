// One batch, one transaction: move the checkpoint with compare-and-set, then apply the handled events.
// The checkpoint goes first so that a competing writer blocks on the row lock and then misses, before
// either of them has done any projection work.
import { sql } from 'kysely';
import type { RecordedEvent } from '../../event-store/src/port.js';
import { CheckpointConflictError, checkpointFromRow, type Checkpoint, type CheckpointRow } from './checkpoint.js';
import type { Projection, ReadModelDb } from './projection.js';

export async function applyBatch(
  db: ReadModelDb,
  projection: Projection,
  schema: string,
  checkpoint: Checkpoint,
  events: readonly RecordedEvent[],
  handles: ReadonlySet<string> = new Set(projection.handles),
): Promise<Checkpoint> {
  if (events.length === 0) return checkpoint;
  const last = events[events.length - 1];
  const handled = events.filter((e) => handles.has(e.type));
  const previous = checkpoint.position;
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<CheckpointRow>`
      UPDATE projection_checkpoints
      SET commit_position = ${last.position.commit.toString()},
          prepare_position = ${last.position.prepare.toString()},
          events_seen = events_seen + ${events.length},
          events_applied = events_applied + ${handled.length},
          last_event_at = ${last.createdAt},
          updated_at = now()
      WHERE projection = ${checkpoint.projection} AND generation = ${checkpoint.generation}
        AND commit_position IS NOT DISTINCT FROM ${previous?.commit.toString() ?? null}::bigint
        AND prepare_position IS NOT DISTINCT FROM ${previous?.prepare.toString() ?? null}::bigint
      RETURNING commit_position, prepare_position, events_seen, events_applied, last_event_at`.execute(trx);
    if (rows.length !== 1) throw new CheckpointConflictError(checkpoint.projection, checkpoint.generation);
    if (handled.length > 0) await projection.apply(trx, schema, handled);
    return checkpointFromRow(checkpoint.projection, checkpoint.generation, rows[0]);
  });
}
