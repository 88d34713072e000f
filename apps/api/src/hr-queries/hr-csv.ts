// CSV (RFC 4180) of HR's lists, written as objections-csv.ts writes the keberatan queue: UTF-8 with a BOM (so
// spreadsheets read names right), CRLF, a header row, quoting of separators, quotes and line breaks, and a
// leading apostrophe on a cell a spreadsheet would run as a formula.
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { CSV_BOM } from '../objections-queue/objections-csv.js';

export type CsvColumns<T> = readonly (readonly [string, (item: T) => string | number | boolean | null])[];

function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export async function* csvLines<T>(columns: CsvColumns<T>, items: AsyncIterable<T>): AsyncGenerator<string> {
  yield `${CSV_BOM}${columns.map(([name]) => name).join(',')}\r\n`;
  for await (const item of items) yield `${columns.map(([, get]) => cell(get(item))).join(',')}\r\n`;
}

/** Streams the lines as an attachment; rows are fetched page by page as the client reads. */
export async function sendCsv(reply: FastifyReply, filename: string, lines: AsyncIterable<string>): Promise<void> {
  await reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(Readable.from(lines));
}
