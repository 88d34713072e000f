// Records -> rows keyed by column name. Header names are matched case-insensitively (`nip`, `Nip`, `NIP`;
// `ID UNIT` = `ID_UNIT`); columns we do not know are ignored, because HR exports carry dozens of them.
import type { ImportError } from '../report.js';
import { CsvEncodingError, readCsvRecords, type CsvRecord, type Separator } from './csv-parser.js';

export interface ColumnSpec {
  required: readonly string[];
  optional?: readonly string[];
}

export interface TableRow {
  line: number;
  /** Trimmed values of the known columns; an absent optional column reads as ''. */
  values: Record<string, string>;
  /** The record was malformed (see CsvRecord.problem) or had more fields than the header. */
  problem?: string;
}

/** The file as a whole cannot be imported (not UTF-8, no header, required columns missing). */
export class CsvFileError extends Error {
  override readonly name = 'CsvFileError';
  constructor(readonly errors: ImportError[]) {
    super(errors.map((e) => e.reason).join('; '));
  }
}

export const normaliseHeader = (name: string): string =>
  name
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');

export async function* readCsvTable(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  spec: ColumnSpec,
  options: { separator?: Separator } = {},
): AsyncGenerator<TableRow> {
  const records = readCsvRecords(source, options);
  let columns: Array<{ name: string; index: number }> | undefined;
  let headerWidth = 0;
  try {
    for await (const record of records) {
      if (!columns) {
        ({ columns, headerWidth } = readHeader(record, spec));
        continue;
      }
      yield toRow(record, columns, headerWidth);
    }
  } catch (error) {
    if (error instanceof CsvEncodingError) throw new CsvFileError([fileError(1, null, error.message)]);
    throw error;
  }
  if (!columns) throw new CsvFileError([fileError(1, null, 'the file is empty: expected a header line')]);
}

function readHeader(record: CsvRecord, spec: ColumnSpec) {
  const names = record.fields.map(normaliseHeader);
  const errors: ImportError[] = [];
  if (record.problem) errors.push(fileError(record.line, null, `header line: ${record.problem}`));
  const seen = new Set<string>();
  for (const name of names) {
    if (name !== '' && seen.has(name)) errors.push(fileError(record.line, name, `column ${name} appears twice`));
    seen.add(name);
  }
  const missing = spec.required.filter((c) => !seen.has(c));
  if (missing.length > 0) {
    errors.push(
      fileError(
        record.line,
        missing.join(','),
        `required column${missing.length > 1 ? 's' : ''} missing: ${missing.join(', ')} ` +
          `(header read: ${names.join(', ')})`,
      ),
    );
  }
  if (errors.length > 0) throw new CsvFileError(errors);
  const wanted = [...spec.required, ...(spec.optional ?? [])];
  const columns = wanted.map((name) => ({ name, index: names.indexOf(name) }));
  return { columns, headerWidth: names.length };
}

function toRow(record: CsvRecord, columns: Array<{ name: string; index: number }>, headerWidth: number): TableRow {
  const values: Record<string, string> = {};
  for (const { name, index } of columns) values[name] = index < 0 ? '' : (record.fields[index] ?? '').trim();
  let problem = record.problem;
  // Excel pads rows with empty cells; only extra cells with content mean the row is misaligned.
  if (!problem && record.fields.slice(headerWidth).some((f) => f.trim() !== '')) {
    problem = `the row has ${record.fields.length} fields but the header has ${headerWidth}`;
  }
  return problem ? { line: record.line, values, problem } : { line: record.line, values };
}

const fileError = (line: number, column: string | null, reason: string): ImportError => ({
  line,
  column,
  value: null,
  reason,
});
