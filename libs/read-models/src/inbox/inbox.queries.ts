import { sql, type Kysely } from 'kysely';
import { activeSchema } from '../../../projections/src/projection.js';
import type { Predikat } from '../../../policy/src/policy.js';
import type { ObjectionOutcome, StatementParty } from '../../../appraisal/src/objection/objection-events.js';
import { employeeNames } from '../objections/objections.queries.js';
import { INBOX } from './inbox.projection.js';
import { inboxMessage, type InboxMessage } from './inbox-messages.js';
import type { InboxItemRow, InboxKind, InboxObjectionRow, InboxTables } from './inbox.tables.js';

/** A deadline this close (or closer) is "due soon". */
export const DUE_SOON_MS = 3 * 24 * 60 * 60 * 1000;

export interface InboxItem {
  id: string;
  kind: InboxKind;
  cycleId: string;
  appraisalNip: string;
  appraisalName: string | null;
  objectionId: string | null;
  party: StatementParty | null;
  outcome: ObjectionOutcome | null;
  predikat: Predikat | null;
  at: string;
  message: InboxMessage;
  read: boolean;
  /**
   * What the recipient must act by. `pending`: still awaited (the objection open, the statement not given, the
   * recipient still the decider); `overdue` and `dueSoon` by the server's clock, only while pending.
   */
  due: {
    lastDay: string;
    closesAt: string;
    timeZone: string;
    pending: boolean;
    overdue: boolean;
    dueSoon: boolean;
  } | null;
}

export interface InboxPage {
  items: InboxItem[];
  nextCursor: string | null;
}

type Row = InboxItemRow &
  Partial<Pick<InboxObjectionRow, 'status' | 'decider_nip' | 'rater_statement_given' | 'employee_statement_given'>> & {
    read_at: string | Date | null;
  };

async function tables(db: Kysely<unknown>) {
  return (
    db as Kysely<InboxTables & { 'public.inbox_read_marks': { recipient_nip: string; item_id: string; read_at: Date } }>
  ).withSchema(await activeSchema(db, INBOX));
}

function pending(row: Row): boolean {
  if (row.status !== 'OPEN') return false;
  if (row.kind === 'OBJECTION_ASSIGNED') return row.decider_nip === row.recipient_nip;
  if (row.kind === 'STATEMENT_REQUESTED') {
    return !(row.party === 'RATER' ? row.rater_statement_given : row.employee_statement_given);
  }
  return false;
}

function toItem(row: Row, names: Map<string, string>, now: Date): InboxItem {
  const own = row.appraisal_nip === row.recipient_nip;
  let due: InboxItem['due'] = null;
  if (row.due_closes_at !== null && row.due_last_day !== null && row.due_time_zone !== null) {
    const closesAt = new Date(row.due_closes_at);
    const awaited = pending(row);
    due = {
      lastDay: row.due_last_day,
      closesAt: closesAt.toISOString(),
      timeZone: row.due_time_zone,
      pending: awaited,
      overdue: awaited && closesAt <= now,
      dueSoon: awaited && closesAt > now && closesAt.getTime() - now.getTime() <= DUE_SOON_MS,
    };
  }
  return {
    id: row.item_id,
    kind: row.kind,
    cycleId: row.cycle_id,
    appraisalNip: row.appraisal_nip,
    appraisalName: names.get(row.appraisal_nip) ?? null,
    objectionId: row.objection_id,
    party: row.party,
    outcome: row.outcome,
    predikat: row.kind === 'OBJECTION_DECIDED' ? row.after_predikat : row.predikat,
    at: new Date(row.at).toISOString(),
    message: inboxMessage(row, names.get(row.appraisal_nip) ?? row.appraisal_nip, own),
    read: row.read_at !== null,
    due,
  };
}

/** One person's inbox, newest first, keyset-paginated; `unread` keeps the items not marked read. */
export async function listInbox(
  db: Kysely<unknown>,
  filter: { recipientNip: string; unread?: boolean; after?: string; limit: number },
  now: Date,
): Promise<InboxPage> {
  let query = (await tables(db))
    .selectFrom('inbox_items as i')
    .leftJoin('inbox_objections as o', (join) =>
      join.onRef('o.stream_id', '=', 'i.stream_id').onRef('o.objection_id', '=', 'i.objection_id'),
    )
    .leftJoin('public.inbox_read_marks as m', (join) =>
      join.onRef('m.item_id', '=', 'i.item_id').onRef('m.recipient_nip', '=', 'i.recipient_nip'),
    )
    .selectAll('i')
    .select(['o.status', 'o.decider_nip', 'o.rater_statement_given', 'o.employee_statement_given', 'm.read_at'])
    .where('i.recipient_nip', '=', filter.recipientNip)
    .orderBy('i.sort_key', 'desc')
    .limit(filter.limit + 1);
  if (filter.unread === true) query = query.where('m.read_at', 'is', null);
  if (filter.unread === false) query = query.where('m.read_at', 'is not', null);
  if (filter.after !== undefined) {
    query = query.where('i.sort_key', '<', Buffer.from(filter.after, 'base64url').toString('utf8'));
  }
  const rows = (await query.execute()) as unknown as Row[];
  const page = rows.slice(0, filter.limit);
  const names = await employeeNames(
    db,
    page.map((r) => r.appraisal_nip),
  );
  return {
    items: page.map((row) => toItem(row, names, now)),
    nextCursor:
      rows.length > filter.limit ? Buffer.from(page[page.length - 1].sort_key, 'utf8').toString('base64url') : null,
  };
}

/**
 * Marks one of the recipient's items read (idempotent: the first read time is kept). False when the item is
 * not theirs or does not exist (the caller answers 404 either way: nobody learns of another's items).
 */
export async function markInboxItemRead(
  db: Kysely<unknown>,
  recipientNip: string,
  itemId: string,
  now: Date,
): Promise<{ readAt: string } | undefined> {
  const item = await (
    await tables(db)
  )
    .selectFrom('inbox_items')
    .select('item_id')
    .where('item_id', '=', itemId)
    .where('recipient_nip', '=', recipientNip)
    .executeTakeFirst();
  if (!item) return undefined;
  await sql`INSERT INTO public.inbox_read_marks (recipient_nip, item_id, read_at)
            VALUES (${recipientNip}, ${itemId}, ${now.toISOString()}::timestamptz)
            ON CONFLICT (recipient_nip, item_id) DO NOTHING`.execute(db);
  const { rows } = await sql<{ read_at: Date }>`SELECT read_at FROM public.inbox_read_marks
            WHERE recipient_nip = ${recipientNip} AND item_id = ${itemId}`.execute(db);
  return { readAt: new Date(rows[0].read_at).toISOString() };
}
