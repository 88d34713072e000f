// The CSV writer's escaping, read back with the import's streaming RFC 4180 parser: separators, quotes and line
// breaks inside fields survive, formula-like cells are defused, empty for null.
import { describe, expect, it } from '@jest/globals';
import { readCsvRecords } from '../../../../libs/organization-import/src/csv/csv-parser.js';
import type { ObjectionQueueItem } from '../../../../libs/read-models/src/objections/objections.queries.js';
import { CSV_BOM, objectionsCsv } from './objections-csv.js';

const item = (overrides: Partial<ObjectionQueueItem>): ObjectionQueueItem => ({
  objectionId: 'keb-1',
  cycleId: 'kota-manokwari-2026',
  nip: '198503152010011002',
  name: 'Pegawai',
  agencyId: 'kota-manokwari',
  unitId: 'sd-3',
  status: 'OPEN',
  filedAt: '2027-01-08T02:00:00.000Z',
  recordedByHr: false,
  deciderNip: null,
  deciderName: null,
  decisionDue: { lastDay: '2027-01-22', closesAt: '2027-01-22T15:00:00.000Z', timeZone: 'Asia/Jayapura' },
  overdue: false,
  statements: {
    rater: { requestedAt: null, dueLastDay: null, givenAt: null, lapsed: false },
    employee: { requestedAt: null, dueLastDay: null, givenAt: null, lapsed: false },
  },
  outcome: null,
  beforePredikat: null,
  afterPredikat: null,
  decidedAt: null,
  withdrawnAt: null,
  ...overrides,
});

async function parse(items: ObjectionQueueItem[]): Promise<{ text: string; rows: string[][] }> {
  let text = '';
  for await (const chunk of objectionsCsv(
    (async function* () {
      yield* items;
    })(),
  ))
    text += chunk;
  const rows: string[][] = [];
  for await (const record of readCsvRecords([Buffer.from(text, 'utf8')])) {
    expect(record.problem).toBeUndefined();
    rows.push(record.fields);
  }
  return { text, rows };
}

describe('objections CSV', () => {
  it('quotes separators, quotes and line breaks so that a parser gets the exact text back', async () => {
    const tricky = 'Dr. Siti "Ani", M.Pd.\r\nSorong; Papua Barat Daya';
    const { text, rows } = await parse([
      item({ name: tricky, deciderName: 'Ruth Wanma' }),
      item({ objectionId: 'keb-2' }),
    ]);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, first, second] = rows;
    expect(rows).toHaveLength(3);
    // The parser keeps a line break inside quotes as one \n (csv-parser.ts), whatever its CR/LF form.
    expect(first[header.indexOf('name')]).toBe(tricky.replace('\r\n', '\n'));
    expect(first[header.indexOf('decider_name')]).toBe('Ruth Wanma');
    expect(first[header.indexOf('decider_nip')]).toBe('');
    expect(first[header.indexOf('recorded_by_hr')]).toBe('false');
    expect(second[header.indexOf('objection_id')]).toBe('keb-2');
    expect(rows.every((row) => row.length === header.length)).toBe(true);
  });

  it('defuses cells a spreadsheet would run as a formula', async () => {
    const { rows } = await parse([item({ name: '=HYPERLINK("http://x")' }), item({ name: '@SUM(A1)' })]);
    const name = rows[0].indexOf('name');
    expect([rows[1][name], rows[2][name]]).toEqual([`'=HYPERLINK("http://x")`, `'@SUM(A1)`]);
  });
});
