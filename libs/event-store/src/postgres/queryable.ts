import type pg from 'pg';

/** A pool, a pooled client or a client: lets an append run inside a caller's own transaction. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(config: pg.QueryConfig): Promise<pg.QueryResult<R>>;
}

export function isPgError(error: unknown): error is Error & { code?: string; detail?: string } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}
