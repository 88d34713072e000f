// What a read-model author writes. A projection owns the tables of one PostgreSQL schema per generation
// (`rm_<name>_g<generation>`); a rebuild fills a new generation beside the live one and switches atomically,
// so queries must resolve the schema with activeSchema() instead of hard-coding it.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { RecordedEvent } from '../../event-store/src/port.js';

/** The read-model database; each read model brings its own table types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ReadModelDb = Kysely<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ReadModelTransaction = Transaction<any>;

export interface Projection {
  /** Stable identifier: lower-case letters, digits and underscores, starting with a letter (max 40). */
  name: string;
  /**
   * Bump when migrate() or apply() changes meaning: a runner that finds the active generation built by
   * another version builds a new generation from the start beside it, then switches.
   */
  version: number;
  /** Event types passed to apply(); other events only move the checkpoint. */
  handles: readonly string[];
  /** Creates the projection's tables in `schema` (an empty schema, created by the runner). */
  migrate(db: ReadModelDb, schema: string): Promise<void>;
  /**
   * Applies a batch of handled events, in $all order, inside the transaction that also moves the
   * checkpoint. Use `trx.withSchema(schema)`. Must not commit, must not touch other schemas.
   */
  apply(trx: ReadModelTransaction, schema: string, events: RecordedEvent[]): Promise<void>;
}

export class ProjectionNotBuiltError extends Error {
  override readonly name = 'ProjectionNotBuiltError';
  constructor(readonly projection: string) {
    super(`projection ${projection} has no active generation yet (is the projector running?)`);
  }
}

const NAME = /^[a-z][a-z0-9_]{0,39}$/;

export function assertProjectionName(name: string): void {
  if (!NAME.test(name)) {
    throw new Error(`invalid projection name "${name}": use [a-z][a-z0-9_]*, at most 40 characters`);
  }
}

/** The schema that holds one generation of a projection's tables. */
export function generationSchema(name: string, generation: number): string {
  assertProjectionName(name);
  return `rm_${name}_g${generation}`;
}

/**
 * The schema of the projection's active generation, for queries: `db.withSchema(await activeSchema(db, name))`.
 * Throws ProjectionNotBuiltError before the projector has created the first generation.
 */
export async function activeSchema(db: ReadModelDb, name: string): Promise<string> {
  const schema = await findActiveSchema(db, name);
  if (schema === undefined) throw new ProjectionNotBuiltError(name);
  return schema;
}

export async function findActiveSchema(db: ReadModelDb, name: string): Promise<string | undefined> {
  const result = await sql<{ schema_name: string }>`
    SELECT schema_name FROM projection_generations WHERE projection = ${name} AND status = 'active'`
    .execute(db)
    .catch((error: unknown) => {
      // 42P01: the registry table does not exist yet, i.e. nothing was ever projected.
      if ((error as { code?: string }).code === '42P01') return { rows: [] };
      throw error;
    });
  return result.rows[0]?.schema_name;
}
