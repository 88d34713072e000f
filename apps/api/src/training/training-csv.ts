// The training shortfall as CSV, in the same dialect as the keberatan export (objections-csv.ts: UTF-8 with BOM,
// CRLF, quoted fields, formula-looking cells defused).
import type { ShortfallItem } from '../../../../libs/read-models/src/training/training-jp.queries.js';
import { CSV_BOM } from '../objections-queue/objections-csv.js';

const COLUMNS: [string, (s: ShortfallItem) => string | number | null][] = [
  ['nip', (s) => s.nip],
  ['name', (s) => s.name],
  ['unit_id', (s) => s.unitId],
  ['position_title', (s) => s.positionTitle],
  ['year', (s) => s.year],
  ['jp', (s) => s.jp],
  ['target', (s) => s.target],
  ['shortfall', (s) => s.shortfall],
  ['trainings', (s) => s.trainings],
];

function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export async function* shortfallCsv(items: AsyncIterable<ShortfallItem>): AsyncGenerator<string> {
  yield `${CSV_BOM}${COLUMNS.map(([name]) => name).join(',')}\r\n`;
  for await (const item of items) yield `${COLUMNS.map(([, get]) => cell(get(item))).join(',')}\r\n`;
}
