import { describe, expect, it } from '@jest/globals';
import { CsvParser, readCsvRecords, type CsvRecord } from './csv-parser.js';

/** Parses `text` fed in chunks of `size` characters, so every boundary case (CRLF, "" split) is crossed. */
function parse(text: string, size = text.length || 1): CsvRecord[] {
  const parser = new CsvParser();
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...parser.push(text.slice(i, i + size)));
  out.push(...parser.end());
  return out;
}

const fields = (records: CsvRecord[]) => records.map((r) => r.fields);

describe('CsvParser', () => {
  it('reads comma-separated records with LF line ends', () => {
    expect(parse('A,B\n1,2\n3,4\n')).toEqual([
      { line: 1, fields: ['A', 'B'] },
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', '4'] },
    ]);
  });

  it('detects ; from the header line (Indonesian Excel) and keeps commas inside fields', () => {
    expect(fields(parse('NIP;NAMA\n1;Rahayu, S.Pd.\n'))).toEqual([
      ['NIP', 'NAMA'],
      ['1', 'Rahayu, S.Pd.'],
    ]);
  });

  it('handles CRLF and lone CR, and a last line without a line end', () => {
    expect(parse('A,B\r\n1,2\r3,4')).toEqual([
      { line: 1, fields: ['A', 'B'] },
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', '4'] },
    ]);
  });

  it('drops a BOM', () => {
    expect(fields(parse('\uFEFFNIP,NAMA\n1,x\n'))).toEqual([
      ['NIP', 'NAMA'],
      ['1', 'x'],
    ]);
  });

  it('reads quoted fields with separators, doubled quotes and line breaks, counting lines right', () => {
    const text = 'A;B;C\r\n"x;y";"say ""hi""";"two\r\nlines"\r\n"";plain;"end"\r\n';
    expect(parse(text)).toEqual([
      { line: 1, fields: ['A', 'B', 'C'] },
      { line: 2, fields: ['x;y', 'say "hi"', 'two\nlines'] },
      { line: 4, fields: ['', 'plain', 'end'] },
    ]);
  });

  it('gives the same records whatever the chunking', () => {
    const text = '\uFEFFA;B\r\n"a\r\nb";"c""d"\r\n1;2\r\n;\r\n"x";y';
    const whole = parse(text);
    for (const size of [1, 2, 3, 5, 7]) expect(parse(text, size)).toEqual(whole);
    expect(fields(whole)).toEqual([
      ['A', 'B'],
      ['a\nb', 'c"d'],
      ['1', '2'],
      ['x', 'y'],
    ]);
  });

  it('skips blank lines and separator-only lines, keeping the line numbers of the rest', () => {
    expect(parse('A;B\n\n;\n1;2\n\n')).toEqual([
      { line: 1, fields: ['A', 'B'] },
      { line: 4, fields: ['1', '2'] },
    ]);
  });

  it('reports a record with text after a closing quote and goes on with the next', () => {
    expect(parse('A,B\n"x"y,2\n3,4\n')).toEqual([
      { line: 1, fields: ['A', 'B'] },
      { line: 2, fields: ['xy', '2'], problem: 'unexpected text after the closing quote of field 1' },
      { line: 3, fields: ['3', '4'] },
    ]);
  });

  it('reports a quote never closed, naming the line it opened on', () => {
    const records = parse('A,B\n1,2\n3,"open\n4,5\n');
    expect(records.at(-1)).toEqual({
      line: 3,
      fields: ['3', 'open\n4,5\n'],
      problem: 'a quoted field opened on line 3 is never closed',
    });
  });

  it('treats a quote inside an unquoted field as text', () => {
    expect(fields(parse('A\n5" disk\n'))).toEqual([['A'], ['5" disk']]);
  });

  it('reads a file with only a header line and no line end', () => {
    expect(parse('NIP;NAMA')).toEqual([{ line: 1, fields: ['NIP', 'NAMA'] }]);
  });
});

describe('readCsvRecords', () => {
  it('decodes UTF-8 split across chunks and drops a byte-order mark', async () => {
    const bytes = Buffer.from('\uFEFFNAMA\nYohanes Mandacan Ñ\n', 'utf8');
    const chunks = [...bytes].map((b) => Uint8Array.of(b));
    const out: CsvRecord[] = [];
    for await (const record of readCsvRecords(chunks)) out.push(record);
    expect(fields(out)).toEqual([['NAMA'], ['Yohanes Mandacan Ñ']]);
  });

  it('refuses bytes that are not UTF-8', async () => {
    const latin1 = Buffer.from('NAMA\nJos\xe9\n', 'latin1');
    const consume = async () => {
      for await (const _ of readCsvRecords([latin1])) void _;
    };
    await expect(consume()).rejects.toThrow('not valid UTF-8');
  });
});
