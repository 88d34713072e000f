import type {
  EventMetadata,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscriptionFilter,
} from '../port.js';
import type { StoreNames } from './names.js';
import type { Queryable } from './queryable.js';

interface EventRow {
  stream_name: string;
  stream_revision: string;
  event_id: string;
  event_type: string;
  data: string;
  metadata: string;
  created_at: Date;
  commit_position: string;
  prepare_position: string;
}

// Numbers and JSON come back as text and are parsed here, so pg's global type parsers (which another
// library in the process may have changed) never decide how a revision or a payload is read.
// Always qualify columns with `e.` elsewhere: ORDER BY would otherwise pick these text aliases.
const COLUMNS = `e.stream_name, e.stream_revision::text AS stream_revision, e.event_id::text AS event_id,
  e.event_type, e.data::text AS data, e.metadata::text AS metadata, e.created_at,
  e.commit_position::text AS commit_position, e.prepare_position::text AS prepare_position`;

/** Only events of transactions older than every running one: a late commit can never be skipped. */
const VISIBLE = 'e.commit_position < pg_snapshot_xmin(pg_current_snapshot())';

export async function readStreamRows(
  db: Queryable,
  names: StoreNames,
  stream: string,
  options: ReadStreamOptions = {},
): Promise<RecordedEvent[]> {
  const backwards = options.direction === 'backwards';
  const limit = maxCount(options.maxCount);
  const from = options.from ?? (backwards ? 'end' : 'start');
  // 'start' backwards is revision 0 and below; 'end' forwards is past the last event.
  if (from === 'end' && !backwards) return [];
  const bound = from === 'start' ? (backwards ? '0' : null) : from === 'end' ? null : from.toString();
  const { rows } = await db.query<EventRow>({
    text: `SELECT ${COLUMNS} FROM ${names.events} e
            WHERE e.stream_name = $1 AND ($2::bigint IS NULL OR e.stream_revision ${backwards ? '<=' : '>='} $2::bigint)
            ORDER BY e.stream_revision ${backwards ? 'DESC' : 'ASC'}
            LIMIT $3`,
    values: [stream, bound, limit],
  });
  return rows.map(toRecordedEvent);
}

export async function readAllRows(
  db: Queryable,
  names: StoreNames,
  options: ReadAllOptions & { filter?: SubscriptionFilter } = {},
): Promise<RecordedEvent[]> {
  const backwards = options.direction === 'backwards';
  const from = options.fromPosition;
  const streamPrefixes = nonEmpty(options.filter?.streamNamePrefixes);
  const typePrefixes = nonEmpty(options.filter?.eventTypePrefixes);
  const { rows } = await db.query<EventRow>({
    text: `SELECT ${COLUMNS} FROM ${names.events} e
            WHERE ${VISIBLE}
              AND ($1::xid8 IS NULL OR (e.commit_position, e.prepare_position) ${backwards ? '<' : '>'} ($1::xid8, $2::bigint))
              AND ($4::text[] IS NULL OR EXISTS (SELECT 1 FROM unnest($4::text[]) p WHERE starts_with(e.stream_name, p)))
              AND ($5::text[] IS NULL OR EXISTS (SELECT 1 FROM unnest($5::text[]) p WHERE starts_with(e.event_type, p)))
            ORDER BY e.commit_position ${backwards ? 'DESC' : 'ASC'}, e.prepare_position ${backwards ? 'DESC' : 'ASC'}
            LIMIT $3`,
    values: [
      from ? from.commit.toString() : null,
      from ? from.prepare.toString() : null,
      maxCount(options.maxCount),
      streamPrefixes,
      typePrefixes,
    ],
  });
  return rows.map(toRecordedEvent);
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  const position: Position = { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) };
  return {
    id: row.event_id,
    type: row.event_type,
    data: JSON.parse(row.data) as Record<string, unknown>,
    metadata: JSON.parse(row.metadata) as EventMetadata,
    streamName: row.stream_name,
    revision: BigInt(row.stream_revision),
    position,
    createdAt: row.created_at,
  };
}

function maxCount(value: number | undefined): number | null {
  if (value === undefined) return null;
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`maxCount must be a whole number >= 0, got ${value}`);
  return value;
}

/** An absent or empty prefix list does not filter. */
function nonEmpty(list: string[] | undefined): string[] | null {
  return list && list.length > 0 ? list : null;
}
