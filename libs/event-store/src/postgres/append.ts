import { WrongExpectedVersionError, type ActualRevision } from '../errors.js';
import type { AppendOptions, AppendResult, ExpectedRevision, NewEvent } from '../port.js';
import { WRONG_EXPECTED_VERSION_SQLSTATE, type StoreNames } from './names.js';
import { isPgError, type Queryable } from './queryable.js';

interface AppendRow {
  next_revision: string;
  last_commit: string;
  last_prepare: string;
}

/**
 * Appends through the SQL function: one statement, so one round trip. Pass a client inside an open
 * transaction to make the append part of it (the events then become visible when it commits).
 */
export async function appendEvents(
  db: Queryable,
  names: StoreNames,
  stream: string,
  events: NewEvent[],
  options: AppendOptions = {},
): Promise<AppendResult> {
  if (events.length === 0) throw new RangeError('appendToStream needs at least one event');
  const expected = options.expected ?? 'any';
  const [kind, revision] = expectation(expected);
  try {
    const { rows } = await db.query<AppendRow>({
      // Appends use the same text on every connection: prepare it once per connection.
      name: `kl_append_${names.channel}`,
      text: `SELECT next_revision::text AS next_revision, last_commit, last_prepare::text AS last_prepare
               FROM ${names.appendFunction}($1, $2, $3::bigint, $4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[])`,
      values: [
        stream,
        kind,
        revision,
        events.map((e) => e.id),
        events.map((e) => e.type),
        events.map((e) => JSON.stringify(e.data)),
        events.map((e) => JSON.stringify(e.metadata)),
      ],
    });
    const row = rows[0];
    return {
      nextExpectedRevision: BigInt(row.next_revision),
      position: { commit: BigInt(row.last_commit), prepare: BigInt(row.last_prepare) },
    };
  } catch (error) {
    if (isPgError(error) && error.code === WRONG_EXPECTED_VERSION_SQLSTATE) {
      throw new WrongExpectedVersionError(stream, expected, actualRevision(error.detail));
    }
    throw error;
  }
}

function expectation(expected: ExpectedRevision): [string, string | null] {
  if (typeof expected !== 'bigint') return [expected, null];
  if (expected < 0n) throw new RangeError(`expected revision must not be negative, got ${expected}`);
  return ['revision', expected.toString()];
}

function actualRevision(detail: string | undefined): ActualRevision {
  if (detail === 'no_stream') return 'no_stream';
  if (detail && /^\d+$/.test(detail)) return BigInt(detail);
  throw new Error(`append_to_stream reported a conflict without an actual revision: ${String(detail)}`);
}
