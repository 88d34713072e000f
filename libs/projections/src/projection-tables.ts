// Bookkeeping tables of the projections, in the read-model database (public schema):
// - projection_generations: one row per generation of a projection; exactly one is 'active' (what queries
//   read), a rebuild's is 'building' until it is switched in;
// - projection_checkpoints: one row per generation, moved with compare-and-set in the same transaction
//   that applies a batch.
import { sql } from 'kysely';
import type { ReadModelDb } from './projection.js';

// Serialises concurrent migrations (two projectors starting together): CREATE ... IF NOT EXISTS alone races.
const MIGRATION_LOCK = 741_000_000;

export async function migrateProjectionTables(db: ReadModelDb): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    await sql`
      CREATE TABLE IF NOT EXISTS projection_generations (
        projection text NOT NULL,
        generation integer NOT NULL CHECK (generation > 0),
        schema_name text NOT NULL UNIQUE,
        version integer NOT NULL,
        status text NOT NULL CHECK (status IN ('building', 'active', 'retired')),
        created_at timestamptz NOT NULL DEFAULT now(),
        activated_at timestamptz,
        PRIMARY KEY (projection, generation)
      )`.execute(trx);
    await sql`
      CREATE UNIQUE INDEX IF NOT EXISTS projection_generations_one_active
        ON projection_generations (projection) WHERE status = 'active'`.execute(trx);
    await sql`
      CREATE TABLE IF NOT EXISTS projection_checkpoints (
        projection text NOT NULL,
        generation integer NOT NULL,
        -- position of the last event processed in $all order; NULL: nothing processed yet
        commit_position bigint,
        prepare_position bigint,
        -- every $all event passed (handled or not) and those handed to apply()
        events_seen bigint NOT NULL DEFAULT 0,
        events_applied bigint NOT NULL DEFAULT 0,
        last_event_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (projection, generation),
        FOREIGN KEY (projection, generation) REFERENCES projection_generations ON DELETE CASCADE,
        CHECK ((commit_position IS NULL) = (prepare_position IS NULL))
      )`.execute(trx);
  });
}
