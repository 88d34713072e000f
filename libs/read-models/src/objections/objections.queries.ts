import { sql, type Kysely } from 'kysely';
import { activeSchema, findActiveSchema } from '../../../projections/src/projection.js';
import type { Predikat } from '../../../policy/src/policy.js';
import type { ObjectionOutcome } from '../../../appraisal/src/objection/objection-events.js';
import { EMPLOYEE_DIRECTORY } from '../employee-directory/employee-directory.projection.js';
import type { EmployeeDirectoryTables } from '../employee-directory/employee-directory.tables.js';
import { OBJECTIONS } from './objections.projection.js';
import type { ObjectionRow, ObjectionStatus, ObjectionTables } from './objections.tables.js';

export interface StatementRequestSummary {
  requestedAt: string | null;
  /** Last local day to answer; after it the request lapses. */
  dueLastDay: string | null;
  givenAt: string | null;
  /** Requested, not given, and past its deadline (at query time). */
  lapsed: boolean;
}

export interface ObjectionQueueItem {
  objectionId: string;
  cycleId: string;
  nip: string;
  /** From the employee directory; null when the person is not (yet) in it. */
  name: string | null;
  agencyId: string;
  unitId: string;
  status: ObjectionStatus;
  filedAt: string;
  recordedByHr: boolean;
  /** null: unassigned (HR names a decider). */
  deciderNip: string | null;
  deciderName: string | null;
  decisionDue: { lastDay: string; closesAt: string; timeZone: string };
  /** Open past its decision deadline by the server's clock, or decided after it. */
  overdue: boolean;
  statements: { rater: StatementRequestSummary; employee: StatementRequestSummary };
  outcome: ObjectionOutcome | null;
  beforePredikat: Predikat | null;
  afterPredikat: Predikat | null;
  decidedAt: string | null;
  withdrawnAt: string | null;
}

export interface ObjectionQueueFilter {
  /** Omitted: every agency (AUDITOR). */
  agencyId?: string;
  cycleId?: string;
  status?: ObjectionStatus;
  deciderNip?: string;
  unitId?: string;
  overdue?: boolean;
  /** true: only objections nobody is assigned to decide yet. */
  unassigned?: boolean;
  /** The nextCursor of the previous page. */
  after?: string;
  limit: number;
}

export interface ObjectionQueuePage {
  items: ObjectionQueueItem[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** Cursors are opaque to clients: the row's sort key, base64url. */
export const encodeCursor = (sortKey: string): string => Buffer.from(sortKey, 'utf8').toString('base64url');
const decodeCursor = (cursor: string): string => Buffer.from(cursor, 'base64url').toString('utf8');

const iso = (value: string | Date | null): string | null => (value === null ? null : new Date(value).toISOString());

function statement(
  requestedAt: string | Date | null,
  dueLastDay: string | null,
  dueClosesAt: string | Date | null,
  givenAt: string | Date | null,
  now: Date,
): StatementRequestSummary {
  return {
    requestedAt: iso(requestedAt),
    dueLastDay,
    givenAt: iso(givenAt),
    lapsed: requestedAt !== null && givenAt === null && dueClosesAt !== null && new Date(dueClosesAt) <= now,
  };
}

function toItem(row: ObjectionRow, names: Map<string, string>, now: Date): ObjectionQueueItem {
  const closesAt = new Date(row.decision_due_closes_at);
  return {
    objectionId: row.objection_id,
    cycleId: row.cycle_id,
    nip: row.nip,
    name: names.get(row.nip) ?? null,
    agencyId: row.agency_id,
    unitId: row.unit_id,
    status: row.status,
    filedAt: iso(row.filed_at)!,
    recordedByHr: row.recorded_by_hr,
    deciderNip: row.decider_nip,
    deciderName: row.decider_nip === null ? null : (names.get(row.decider_nip) ?? null),
    decisionDue: {
      lastDay: row.decision_due_last_day,
      closesAt: closesAt.toISOString(),
      timeZone: row.decision_due_time_zone,
    },
    overdue: row.status === 'OPEN' ? closesAt <= now : row.status === 'DECIDED' && row.decided_overdue,
    statements: {
      rater: statement(
        row.rater_statement_requested_at,
        row.rater_statement_due_last_day,
        row.rater_statement_due_closes_at,
        row.rater_statement_given_at,
        now,
      ),
      employee: statement(
        row.employee_statement_requested_at,
        row.employee_statement_due_last_day,
        row.employee_statement_due_closes_at,
        row.employee_statement_given_at,
        now,
      ),
    },
    outcome: row.outcome,
    beforePredikat: row.before_predikat,
    afterPredikat: row.after_predikat,
    decidedAt: iso(row.decided_at),
    withdrawnAt: iso(row.withdrawn_at),
  };
}

/** Names of these NIPs from the employee directory (empty when that read model is not built yet). */
export async function employeeNames(db: Kysely<unknown>, nips: readonly string[]): Promise<Map<string, string>> {
  const schema = await findActiveSchema(db, EMPLOYEE_DIRECTORY);
  if (schema === undefined || nips.length === 0) return new Map();
  const rows = await (db as Kysely<EmployeeDirectoryTables>)
    .withSchema(schema)
    .selectFrom('employees')
    .select(['nip', 'name'])
    .where('nip', 'in', [...new Set(nips)])
    .execute();
  return new Map(rows.map((r) => [r.nip, r.name]));
}

/**
 * The keberatan queue, filtered, in filing order, keyset-paginated. `now` is the server's clock: an open
 * objection is overdue from its decision deadline's closing instant on.
 */
export async function listObjections(
  db: Kysely<unknown>,
  filter: ObjectionQueueFilter,
  now: Date,
): Promise<ObjectionQueuePage> {
  let query = (db as Kysely<ObjectionTables>)
    .withSchema(await activeSchema(db, OBJECTIONS))
    .selectFrom('objections')
    .selectAll()
    .orderBy('sort_key')
    .limit(filter.limit + 1);
  if (filter.agencyId !== undefined) query = query.where('agency_id', '=', filter.agencyId);
  if (filter.cycleId !== undefined) query = query.where('cycle_id', '=', filter.cycleId);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.deciderNip !== undefined) query = query.where('decider_nip', '=', filter.deciderNip);
  if (filter.unitId !== undefined) query = query.where('unit_id', '=', filter.unitId);
  if (filter.unassigned !== undefined) {
    query = query.where('decider_nip', filter.unassigned ? 'is' : 'is not', null);
  }
  if (filter.overdue !== undefined) {
    const at = now.toISOString();
    const overdue = sql<boolean>`((status = 'OPEN' AND decision_due_closes_at <= ${at}::timestamptz) OR (status = 'DECIDED' AND decided_overdue))`;
    query = query.where(filter.overdue ? overdue : sql<boolean>`NOT ${overdue}`);
  }
  if (filter.after !== undefined) query = query.where('sort_key', '>', decodeCursor(filter.after));
  const rows = await query.execute();
  const page = rows.slice(0, filter.limit);
  const names = await employeeNames(
    db,
    page.flatMap((r) => (r.decider_nip === null ? [r.nip] : [r.nip, r.decider_nip])),
  );
  return {
    items: page.map((row) => toItem(row, names, now)),
    nextCursor: rows.length > filter.limit ? encodeCursor(page[page.length - 1].sort_key) : null,
  };
}

/** Every page of the queue, one page at a time (for the CSV export: never the whole queue in memory). */
export async function* allObjections(
  db: Kysely<unknown>,
  filter: Omit<ObjectionQueueFilter, 'after' | 'limit'>,
  now: Date,
  pageSize = 500,
): AsyncGenerator<ObjectionQueueItem> {
  let after: string | undefined;
  do {
    const page = await listObjections(db, { ...filter, after, limit: pageSize }, now);
    yield* page.items;
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
}
