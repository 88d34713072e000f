import { WrongExpectedVersionError } from '../errors.js';
import type { AppendResult, ExpectedRevision, NewEvent } from '../port.js';
import type { StoreNames } from '../postgres/names.js';
import type { Queryable } from '../postgres/queryable.js';
import { batchAppendFunctionName } from './schema-sql.js';

export interface BatchAppend {
  stream: string;
  events: NewEvent[];
  expected: ExpectedRevision;
}

/** Each append's own outcome: its result, or the WrongExpectedVersionError its caller gets. */
export type BatchOutcome = { ok: true; result: AppendResult } | { ok: false; error: WrongExpectedVersionError };

interface BatchRow {
  append_index: number;
  ok: boolean;
  next_revision: string | null;
  last_commit: string | null;
  last_prepare: string | null;
  actual_revision: string | null;
}

/**
 * Sends the appends as one call of append_to_streams (one round trip, one transaction), which runs them
 * as if one after the other in the order given, and returns their outcomes in that order. Throws only
 * when the call itself fails, in which case nothing of the batch was stored.
 */
export async function appendBatch(db: Queryable, names: StoreNames, appends: BatchAppend[]): Promise<BatchOutcome[]> {
  const kinds: string[] = [];
  const revisions: (string | null)[] = [];
  const counts: number[] = [];
  const ids: string[] = [];
  const types: string[] = [];
  const data: string[] = [];
  const metadata: string[] = [];
  for (const append of appends) {
    const [kind, revision] = expectation(append.expected);
    kinds.push(kind);
    revisions.push(revision);
    counts.push(append.events.length);
    for (const event of append.events) {
      ids.push(event.id);
      types.push(event.type);
      data.push(JSON.stringify(event.data));
      metadata.push(JSON.stringify(event.metadata));
    }
  }
  const { rows } = await db.query<BatchRow>({
    name: `kl_append_batch_${names.channel}`,
    text: `SELECT append_index, ok, next_revision::text AS next_revision, last_commit,
                  last_prepare::text AS last_prepare, actual_revision::text AS actual_revision
             FROM ${batchAppendFunctionName(names)}($1::text[], $2::text[], $3::bigint[], $4::int[],
                                                    $5::uuid[], $6::text[], $7::jsonb[], $8::jsonb[])`,
    values: [appends.map((a) => a.stream), kinds, revisions, counts, ids, types, data, metadata],
  });
  const byIndex = new Map(rows.map((row) => [Number(row.append_index), row]));
  return appends.map((append, i) => {
    const row = byIndex.get(i + 1);
    if (!row) throw new Error(`append_to_streams returned no row for append ${i + 1} of ${appends.length}`);
    if (row.ok) {
      return {
        ok: true,
        result: {
          nextExpectedRevision: BigInt(row.next_revision ?? ''),
          position: { commit: BigInt(row.last_commit ?? ''), prepare: BigInt(row.last_prepare ?? '') },
        },
      };
    }
    const actual = BigInt(row.actual_revision ?? '');
    return {
      ok: false,
      error: new WrongExpectedVersionError(append.stream, append.expected, actual < 0n ? 'no_stream' : actual),
    };
  });
}

function expectation(expected: ExpectedRevision): [string, string | null] {
  if (typeof expected !== 'bigint') return [expected, null];
  return ['revision', expected.toString()];
}
