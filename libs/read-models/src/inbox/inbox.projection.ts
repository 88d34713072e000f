// inbox: what each person is told about and what awaits them (README "Keberatan", the inbox): plan and rating
// returns and approvals, and every change of state of an objection to those it concerns (the employee, the rater,
// the decider). Items are facts derived from events; whether one still awaits its recipient (a statement not yet
// given, a decision not yet taken) and whether it is due soon or overdue are computed when read, from
// inbox_objections and the server's clock. Read/unread is the reader's UI state, kept in public.inbox_read_marks
// (not rebuilt, not audited), keyed by the stable item id.
//
// Every event of an appraisal stream passes the stream's guard in appraisal_parties first (appraisal-parties.ts):
// applied twice or in other batches, the tables come out the same.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { RecordedEvent } from '../../../event-store/src/port.js';
import type { AppraisalEvent } from '../../../appraisal/src/appraisal/appraisal-events.js';
import type { Projection } from '../../../projections/src/projection.js';
import {
  advanceAppraisal,
  migrateAppraisalParties,
  PARTY_EVENT_TYPES,
  type AppraisalPartiesRow,
} from '../objections/appraisal-parties.js';
import type { InboxItemRow, InboxKind, InboxObjectionRow, InboxTables } from './inbox.tables.js';

export const INBOX = 'inbox';

const ITEM_EVENT_TYPES = [
  'PlanReturned.v1',
  'RatingApproved.v1',
  'RatingReturned.v1',
  'ObjectionFiled.v1',
  'ObjectionDeciderAssigned.v1',
  'ObjectionStatementRequested.v1',
  'ObjectionStatementGiven.v1',
  'ObjectionDecided.v1',
  'ObjectionWithdrawn.v1',
] as const satisfies readonly AppraisalEvent['type'][];

type Db = Kysely<InboxTables>;
type Recipient = { nip: string | null; kind: InboxKind };
type Due = { lastDay: string; closesAt: string; timeZone: string };

export const inboxProjection: Projection = {
  name: INBOX,
  version: 1,
  handles: [...PARTY_EVENT_TYPES, ...ITEM_EVENT_TYPES],

  async migrate(db, schema) {
    await migrateAppraisalParties(db, schema);
    const s = db.schema.withSchema(schema);
    await s
      .createTable('inbox_items')
      .addColumn('item_id', 'text', (c) => c.primaryKey())
      .addColumn('recipient_nip', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('stream_id', 'text', (c) => c.notNull())
      .addColumn('cycle_id', 'text', (c) => c.notNull())
      .addColumn('appraisal_nip', 'text', (c) => c.notNull())
      .addColumn('objection_id', 'text')
      .addColumn('party', 'text')
      .addColumn('outcome', 'text')
      .addColumn('after_predikat', 'text')
      .addColumn('predikat', 'text')
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .addColumn('due_last_day', 'text')
      .addColumn('due_closes_at', 'timestamptz')
      .addColumn('due_time_zone', 'text')
      .addColumn('sort_key', 'text', (c) => c.notNull())
      .execute();
    await s.createIndex('inbox_items_recipient').on('inbox_items').columns(['recipient_nip', 'sort_key']).execute();
    await s
      .createTable('inbox_objections')
      .addColumn('stream_id', 'text', (c) => c.notNull())
      .addColumn('objection_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('decider_nip', 'text')
      .addColumn('rater_nip', 'text')
      .addColumn('decision_due_last_day', 'text', (c) => c.notNull())
      .addColumn('decision_due_closes_at', 'timestamptz', (c) => c.notNull())
      .addColumn('decision_due_time_zone', 'text', (c) => c.notNull())
      .addColumn('rater_statement_given', 'boolean', (c) => c.notNull())
      .addColumn('employee_statement_given', 'boolean', (c) => c.notNull())
      .addPrimaryKeyConstraint('inbox_objections_pk', ['stream_id', 'objection_id'])
      .execute();
    await migrateReadMarks(db);
  },

  async apply(trx, schema, events: RecordedEvent[]) {
    const db = (trx as Transaction<InboxTables>).withSchema(schema) as unknown as Db;
    for (const recorded of events) {
      const parties = await advanceAppraisal(db as unknown as Kysely<unknown>, recorded);
      if (!parties || !(ITEM_EVENT_TYPES as readonly string[]).includes(recorded.type)) continue;
      const event = { type: recorded.type, data: recorded.data } as unknown as AppraisalEvent;
      const items = await itemsFor(db, parties, event);
      const seen = new Set<string>();
      const at = recorded.metadata.occurredAt;
      for (const { recipients, due, ...fields } of items) {
        for (const { nip, kind } of recipients) {
          if (nip === null || seen.has(nip)) continue;
          seen.add(nip);
          const itemId = `${recorded.id}-${nip}`;
          const row: InboxItemRow = {
            item_id: itemId,
            recipient_nip: nip,
            kind,
            stream_id: parties.stream_id,
            cycle_id: parties.cycle_id,
            appraisal_nip: parties.nip,
            objection_id: null,
            party: null,
            outcome: null,
            after_predikat: null,
            predikat: null,
            ...fields,
            at,
            due_last_day: due?.lastDay ?? null,
            due_closes_at: due?.closesAt ?? null,
            due_time_zone: due?.timeZone ?? null,
            sort_key: sortKey(at, recorded, itemId),
          };
          await db.insertInto('inbox_items').values(row).execute();
        }
      }
    }
  },
};

/** Newest first by time, then by the event's place in the log (events of one instant keep their order). */
function sortKey(at: string, recorded: RecordedEvent, itemId: string): string {
  const pad = (n: bigint) => n.toString().padStart(20, '0');
  return `${new Date(at).toISOString()}|${pad(recorded.position.commit)}|${pad(recorded.position.prepare)}|${itemId}`;
}

/** The public read-mark table, shared by every generation (CREATE IF NOT EXISTS; a concurrent creator wins). */
async function migrateReadMarks(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS public.inbox_read_marks (
      recipient_nip text NOT NULL,
      item_id text NOT NULL,
      read_at timestamptz NOT NULL,
      PRIMARY KEY (recipient_nip, item_id))`
    .execute(db)
    .catch((error: unknown) => {
      // 23505 / 42P07: created at the same moment by another generation's migration.
      if (!['23505', '42P07'].includes((error as { code?: string }).code ?? '')) throw error;
    });
}

interface ItemDraft extends Partial<
  Pick<InboxItemRow, 'objection_id' | 'party' | 'outcome' | 'after_predikat' | 'predikat'>
> {
  recipients: Recipient[];
  due?: Due;
}

async function itemsFor(db: Db, p: AppraisalPartiesRow, event: AppraisalEvent): Promise<ItemDraft[]> {
  const objection = (objectionId: string) =>
    db
      .selectFrom('inbox_objections')
      .selectAll()
      .where('stream_id', '=', p.stream_id)
      .where('objection_id', '=', objectionId)
      .executeTakeFirst();
  const update = (objectionId: string, changes: Partial<InboxObjectionRow>) =>
    db
      .updateTable('inbox_objections')
      .set(changes)
      .where('stream_id', '=', p.stream_id)
      .where('objection_id', '=', objectionId)
      .execute();
  switch (event.type) {
    case 'PlanReturned.v1':
      return [{ recipients: [{ nip: p.nip, kind: 'PLAN_RETURNED' }] }];
    case 'RatingApproved.v1':
      return [{ recipients: [{ nip: p.nip, kind: 'RATING_APPROVED' }], predikat: event.data.predikat }];
    case 'RatingReturned.v1':
      // A return asks the rater to rate again: theirs to act on (the employee learns of the approved rating).
      return [{ recipients: [{ nip: p.rater_nip, kind: 'RATING_RETURNED' }] }];
    case 'ObjectionFiled.v1': {
      const d = event.data;
      await db
        .insertInto('inbox_objections')
        .values({
          stream_id: p.stream_id,
          objection_id: d.objectionId,
          status: 'OPEN',
          decider_nip: d.deciderNip,
          rater_nip: p.rater_nip,
          decision_due_last_day: d.decisionDue.lastDay,
          decision_due_closes_at: d.decisionDue.closesAt,
          decision_due_time_zone: d.decisionDue.timeZone,
          rater_statement_given: false,
          employee_statement_given: false,
        })
        .execute();
      return [
        {
          objection_id: d.objectionId,
          recipients: [{ nip: d.deciderNip, kind: 'OBJECTION_ASSIGNED' }],
          due: d.decisionDue,
        },
        { objection_id: d.objectionId, recipients: [{ nip: p.rater_nip, kind: 'OBJECTION_FILED' }] },
        {
          objection_id: d.objectionId,
          recipients: d.recordedByHr ? [{ nip: p.nip, kind: 'OBJECTION_RECORDED_BY_HR' }] : [],
        },
      ];
    }
    case 'ObjectionDeciderAssigned.v1': {
      const d = event.data;
      await update(d.objectionId, { decider_nip: d.deciderNip });
      const row = await objection(d.objectionId);
      const due = row && {
        lastDay: row.decision_due_last_day,
        closesAt: new Date(row.decision_due_closes_at).toISOString(),
        timeZone: row.decision_due_time_zone,
      };
      return [{ objection_id: d.objectionId, recipients: [{ nip: d.deciderNip, kind: 'OBJECTION_ASSIGNED' }], due }];
    }
    case 'ObjectionStatementRequested.v1': {
      const d = event.data;
      return [
        {
          objection_id: d.objectionId,
          party: d.party,
          recipients: [{ nip: d.partyNip, kind: 'STATEMENT_REQUESTED' }],
          due: d.due,
        },
      ];
    }
    case 'ObjectionStatementGiven.v1': {
      const d = event.data;
      await update(
        d.objectionId,
        d.party === 'RATER' ? { rater_statement_given: true } : { employee_statement_given: true },
      );
      const row = await objection(d.objectionId);
      return [
        {
          objection_id: d.objectionId,
          party: d.party,
          recipients: [{ nip: row?.decider_nip ?? null, kind: 'STATEMENT_GIVEN' }],
        },
      ];
    }
    case 'ObjectionDecided.v1': {
      const d = event.data;
      await update(d.objectionId, { status: 'DECIDED' });
      const row = await objection(d.objectionId);
      return [
        {
          objection_id: d.objectionId,
          outcome: d.outcome,
          after_predikat: d.after.predikat,
          recipients: [
            { nip: p.nip, kind: 'OBJECTION_DECIDED' },
            { nip: row?.rater_nip ?? null, kind: 'OBJECTION_DECIDED' },
          ],
        },
      ];
    }
    case 'ObjectionWithdrawn.v1': {
      const d = event.data;
      await update(d.objectionId, { status: 'WITHDRAWN' });
      const row = await objection(d.objectionId);
      return [
        {
          objection_id: d.objectionId,
          recipients: [
            { nip: row?.rater_nip ?? null, kind: 'OBJECTION_WITHDRAWN' },
            { nip: row?.decider_nip ?? null, kind: 'OBJECTION_WITHDRAWN' },
          ],
        },
      ];
    }
    default:
      return [];
  }
}
