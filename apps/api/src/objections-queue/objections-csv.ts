// The keberatan queue as CSV (RFC 4180): UTF-8 with a BOM (so Excel reads the names right), CRLF line ends, a
// header row, every field quoted when it holds a separator, a quote or a line break. A cell that a spreadsheet
// would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe.
import type { ObjectionQueueItem } from '../../../../libs/read-models/src/objections/objections.queries.js';

const COLUMNS: [string, (o: ObjectionQueueItem) => string | boolean | null][] = [
  ['objection_id', (o) => o.objectionId],
  ['cycle_id', (o) => o.cycleId],
  ['nip', (o) => o.nip],
  ['name', (o) => o.name],
  ['agency_id', (o) => o.agencyId],
  ['unit_id', (o) => o.unitId],
  ['status', (o) => o.status],
  ['filed_at', (o) => o.filedAt],
  ['recorded_by_hr', (o) => o.recordedByHr],
  ['decider_nip', (o) => o.deciderNip],
  ['decider_name', (o) => o.deciderName],
  ['decision_due_last_day', (o) => o.decisionDue.lastDay],
  ['decision_due_time_zone', (o) => o.decisionDue.timeZone],
  ['overdue', (o) => o.overdue],
  ['rater_statement_requested_at', (o) => o.statements.rater.requestedAt],
  ['rater_statement_due_last_day', (o) => o.statements.rater.dueLastDay],
  ['rater_statement_given_at', (o) => o.statements.rater.givenAt],
  ['rater_statement_lapsed', (o) => o.statements.rater.lapsed],
  ['employee_statement_requested_at', (o) => o.statements.employee.requestedAt],
  ['employee_statement_due_last_day', (o) => o.statements.employee.dueLastDay],
  ['employee_statement_given_at', (o) => o.statements.employee.givenAt],
  ['employee_statement_lapsed', (o) => o.statements.employee.lapsed],
  ['outcome', (o) => o.outcome],
  ['before_predikat', (o) => o.beforePredikat],
  ['after_predikat', (o) => o.afterPredikat],
  ['decided_at', (o) => o.decidedAt],
  ['withdrawn_at', (o) => o.withdrawnAt],
];

export const CSV_BOM = '\uFEFF';

function cell(value: string | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvHeader = (): string => `${CSV_BOM}${COLUMNS.map(([name]) => name).join(',')}\r\n`;

export const csvRow = (o: ObjectionQueueItem): string => `${COLUMNS.map(([, get]) => cell(get(o))).join(',')}\r\n`;

/** The export, line by line: the header, then one row per objection as the pages arrive. */
export async function* objectionsCsv(items: AsyncIterable<ObjectionQueueItem>): AsyncGenerator<string> {
  yield csvHeader();
  for await (const item of items) yield csvRow(item);
}
