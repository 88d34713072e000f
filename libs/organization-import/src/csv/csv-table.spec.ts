import { describe, expect, it } from '@jest/globals';
import { CsvFileError, readCsvTable, type ColumnSpec, type TableRow } from './csv-table.js';

const SPEC: ColumnSpec = { required: ['ID_UNIT', 'NAMA_UNIT'], optional: ['KEPALA_UNIT'] };

async function table(text: string, spec = SPEC): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of readCsvTable([text], spec)) rows.push(row);
  return rows;
}

async function fileErrors(text: string): Promise<CsvFileError['errors']> {
  try {
    await table(text);
  } catch (error) {
    if (error instanceof CsvFileError) return error.errors;
    throw error;
  }
  throw new Error('expected a CsvFileError');
}

describe('readCsvTable', () => {
  it('matches headers case-insensitively, with spaces for underscores, ignoring unknown columns', async () => {
    expect(await table('Nama Unit;id_unit;Catatan\n Dinas ;disdik;whatever\n')).toEqual([
      { line: 2, values: { ID_UNIT: 'disdik', NAMA_UNIT: 'Dinas', KEPALA_UNIT: '' } },
    ]);
  });

  it('reads short rows as empty cells and flags rows with extra non-empty cells', async () => {
    expect(await table('ID_UNIT,NAMA_UNIT\nx\ny,Y,,\nz,Z,oops\n')).toEqual([
      { line: 2, values: { ID_UNIT: 'x', NAMA_UNIT: '', KEPALA_UNIT: '' } },
      { line: 3, values: { ID_UNIT: 'y', NAMA_UNIT: 'Y', KEPALA_UNIT: '' } },
      {
        line: 4,
        values: { ID_UNIT: 'z', NAMA_UNIT: 'Z', KEPALA_UNIT: '' },
        problem: 'the row has 3 fields but the header has 2',
      },
    ]);
  });

  it('one file-level error for missing required columns, naming them and the header read', async () => {
    expect(await fileErrors('ID_UNIT;NAMA\nx;y\n')).toEqual([
      {
        line: 1,
        column: 'NAMA_UNIT',
        value: null,
        reason: 'required column missing: NAMA_UNIT (header read: ID_UNIT, NAMA)',
      },
    ]);
  });

  it('refuses an empty file and a header with a column twice', async () => {
    expect(await fileErrors('')).toEqual([
      { line: 1, column: null, value: null, reason: 'the file is empty: expected a header line' },
    ]);
    expect((await fileErrors('ID_UNIT,NAMA_UNIT,id_unit\n'))[0].reason).toBe('column ID_UNIT appears twice');
  });
});
