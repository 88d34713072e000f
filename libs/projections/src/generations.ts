// The generation registry: create a generation (schema + tables + checkpoint, in one transaction), switch
// the active one, drop retired or abandoned ones.
import { sql } from 'kysely';
import { LockNamespace, projectionLockKey } from './lock-keys.js';
import { generationSchema, type Projection, type ReadModelDb, type ReadModelTransaction } from './projection.js';

export type GenerationStatus = 'building' | 'active' | 'retired';

export interface Generation {
  projection: string;
  generation: number;
  schema: string;
  version: number;
  status: GenerationStatus;
}

interface GenerationRow {
  projection: string;
  generation: number;
  schema_name: string;
  version: number;
  status: GenerationStatus;
}

const fromRow = (row: GenerationRow): Generation => ({
  projection: row.projection,
  generation: row.generation,
  schema: row.schema_name,
  version: row.version,
  status: row.status,
});

async function lockRegistry(trx: ReadModelTransaction, projection: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${LockNamespace.registry}, ${projectionLockKey(projection)})`.execute(trx);
}

export async function listGenerations(db: ReadModelDb, projection: string): Promise<Generation[]> {
  const { rows } = await sql<GenerationRow>`
    SELECT projection, generation, schema_name, version, status FROM projection_generations
    WHERE projection = ${projection} ORDER BY generation`.execute(db);
  return rows.map(fromRow);
}

export async function findActiveGeneration(db: ReadModelDb, projection: string): Promise<Generation | undefined> {
  return (await listGenerations(db, projection)).find((g) => g.status === 'active');
}

/**
 * Creates the next generation: its schema, the projection's tables (projection.migrate) and an empty
 * checkpoint, all or nothing. 'active' is for the very first generation only (nothing to switch from).
 */
export async function createGeneration(
  db: ReadModelDb,
  projection: Projection,
  status: 'building' | 'active',
): Promise<Generation> {
  return db.transaction().execute(async (trx) => {
    await lockRegistry(trx, projection.name);
    const { rows } = await sql<{ next: number }>`
      SELECT COALESCE(MAX(generation), 0) + 1 AS next FROM projection_generations
      WHERE projection = ${projection.name}`.execute(trx);
    const generation = rows[0].next;
    const schema = generationSchema(projection.name, generation);
    await sql`
      INSERT INTO projection_generations (projection, generation, schema_name, version, status, activated_at)
      VALUES (${projection.name}, ${generation}, ${schema}, ${projection.version}, ${status},
              ${status === 'active' ? sql`now()` : null})`.execute(trx);
    await sql`INSERT INTO projection_checkpoints (projection, generation) VALUES (${projection.name}, ${generation})`.execute(
      trx,
    );
    // A leftover schema of a generation whose row was deleted would hold stale tables.
    await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(trx);
    await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(trx);
    await projection.migrate(trx, schema);
    return { projection: projection.name, generation, schema, version: projection.version, status };
  });
}

/**
 * Makes a building generation the active one and retires the previous active one, atomically: a query
 * resolves either the old schema or the new one. The retired generation's checkpoint is deleted in the
 * same transaction, so a runner still writing to it gets a compare-and-set miss. Returns the retired one.
 */
export async function switchActiveGeneration(
  db: ReadModelDb,
  projection: string,
  generation: number,
): Promise<Generation | undefined> {
  return db.transaction().execute(async (trx) => {
    await lockRegistry(trx, projection);
    const retired = await sql<GenerationRow>`
      UPDATE projection_generations SET status = 'retired'
      WHERE projection = ${projection} AND status = 'active'
      RETURNING projection, generation, schema_name, version, status`.execute(trx);
    const activated = await sql`
      UPDATE projection_generations SET status = 'active', activated_at = now()
      WHERE projection = ${projection} AND generation = ${generation} AND status = 'building'`.execute(trx);
    if (activated.numAffectedRows !== 1n) {
      throw new Error(`generation ${generation} of ${projection} is not a building generation`);
    }
    const old = retired.rows[0];
    if (old) {
      await sql`DELETE FROM projection_checkpoints WHERE projection = ${projection} AND generation = ${old.generation}`.execute(
        trx,
      );
    }
    return old ? fromRow(old) : undefined;
  });
}

/** Drops a generation that is not active: its schema, checkpoint and registry row. */
export async function dropGeneration(db: ReadModelDb, generation: Generation): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockRegistry(trx, generation.projection);
    const { rows } = await sql<{ status: GenerationStatus }>`
      SELECT status FROM projection_generations
      WHERE projection = ${generation.projection} AND generation = ${generation.generation}`.execute(trx);
    if (rows[0]?.status === 'active') throw new Error(`refusing to drop the active generation ${generation.schema}`);
    await sql`DROP SCHEMA IF EXISTS ${sql.id(generation.schema)} CASCADE`.execute(trx);
    await sql`
      DELETE FROM projection_generations
      WHERE projection = ${generation.projection} AND generation = ${generation.generation}`.execute(trx);
  });
}

/** Drops generations left behind by a crash: retired ones always; building ones when `building` is set. */
export async function dropLeftoverGenerations(
  db: ReadModelDb,
  projection: string,
  options: { building: boolean },
): Promise<void> {
  for (const g of await listGenerations(db, projection)) {
    if (g.status === 'retired' || (options.building && g.status === 'building')) await dropGeneration(db, g);
  }
}
