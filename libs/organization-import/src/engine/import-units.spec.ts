// The units engine against real PostgreSQL: parents first whatever the row order, errors by line and column,
// and a second run of the same file writes nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { agencyStreamName } from '../../../organization/src/agency/agency-events.js';
import { CsvFileError } from '../csv/csv-table.js';
import { openImportTestInfrastructure, type ImportTestInfrastructure } from '../testing/import-test-infrastructure.js';
import { importUnits } from './import-units.js';

const csv = (...lines: string[]) => [lines.join('\r\n') + '\r\n'];

describe('importUnits', () => {
  let t: ImportTestInfrastructure;
  beforeAll(async () => {
    t = await openImportTestInfrastructure();
    await t.registerAgency('kota-a');
    await t.registerAgency('kota-b');
  });
  afterAll(async () => {
    await t.close();
  });

  // Children before parents on purpose.
  const file = csv(
    'id_unit;Nama_Unit;ID_INDUK',
    'SD-3;SD Negeri 3 Manokwari;bid-sd',
    'bid-sd;Bidang Pembinaan SD;disdik',
    'disdik;Dinas Pendidikan;',
    'sek-kur;"Seksi Kurikulum; SD";bid-sd',
  );

  it('creates the units parents first, whatever the order of the rows', async () => {
    const report = await importUnits(t.context(), 'kota-a', file);
    expect(report).toEqual({
      kind: 'units',
      agencyId: 'kota-a',
      rows: 4,
      imported: 4,
      unchanged: 0,
      failed: 0,
      errors: [],
    });
    const events = await t.infrastructure.rawEventStore.readStream(agencyStreamName('kota-a'));
    expect(events.slice(1).map((e) => [e.type, e.data.unitId, e.data.parentUnitId])).toEqual([
      ['UnitCreated.v1', 'disdik', null],
      ['UnitCreated.v1', 'bid-sd', 'disdik'],
      ['UnitCreated.v1', 'sd-3', 'bid-sd'],
      ['UnitCreated.v1', 'sek-kur', 'bid-sd'],
    ]);
    expect(events[4].data.name).toBe('Seksi Kurikulum; SD');
  });

  it('re-running the same file adds no event and counts every row unchanged', async () => {
    const before = await t.countEvents();
    const report = await importUnits(t.context(), 'kota-a', file);
    expect(report).toMatchObject({ rows: 4, imported: 0, unchanged: 4, failed: 0 });
    expect(await t.countEvents()).toBe(before);
  });

  it('a changed name or parent is recorded as a rename or move', async () => {
    const report = await importUnits(
      t.context(),
      'kota-a',
      csv('ID_UNIT,NAMA_UNIT,ID_INDUK', 'disdik,Dinas Pendidikan,', 'sek-kur,Seksi Kurikulum,disdik'),
    );
    expect(report).toMatchObject({ imported: 1, unchanged: 1, failed: 0 });
    const events = await t.infrastructure.rawEventStore.readStream(agencyStreamName('kota-a'));
    expect(events.slice(-2).map((e) => e.type)).toEqual(['UnitRenamed.v1', 'UnitMoved.v1']);
  });

  it('imports the good rows and reports each bad one by line and column', async () => {
    const report = await importUnits(
      t.context(),
      'kota-b',
      csv(
        'ID_UNIT;NAMA_UNIT;ID_INDUK',
        'root;Dinas;',
        'bid-1;Bidang 1;root',
        'bid 2;Bidang 2;root', // space: not an id
        'bid-1;Bidang 1 again;root', // duplicate
        'sek-x;Seksi X;nowhere', // unknown parent
        'c1;Cycle 1;c2',
        'c2;Cycle 2;c1',
        'sek-y;;bid-1', // no name
        'sek-z;Under a bad parent;bid 2',
      ),
    );
    expect(report).toMatchObject({ rows: 9, imported: 2, unchanged: 0, failed: 7 });
    expect(report.errors).toEqual([
      { line: 4, column: 'ID_UNIT', value: 'bid 2', reason: 'ID_UNIT must be letters, digits and dashes (max 64)' },
      { line: 5, column: 'ID_UNIT', value: 'bid-1', reason: 'duplicate ID_UNIT: already on line 3' },
      {
        line: 6,
        column: 'ID_INDUK',
        value: 'nowhere',
        reason: 'unknown parent unit nowhere: not in this file nor in the agency',
      },
      { line: 7, column: 'ID_INDUK', value: 'c2', reason: 'ID_INDUK forms a cycle: c1 -> c2 -> c1' },
      { line: 8, column: 'ID_INDUK', value: 'c1', reason: 'ID_INDUK forms a cycle: c1 -> c2 -> c1' },
      { line: 9, column: 'NAMA_UNIT', value: '', reason: 'NAMA_UNIT is required' },
      { line: 10, column: 'ID_INDUK', value: 'bid 2', reason: 'ID_INDUK must be letters, digits and dashes (max 64)' },
    ]);
  });

  it('a second root is refused by the domain rule, and its children with it', async () => {
    const report = await importUnits(
      t.context(),
      'kota-b',
      csv('ID_UNIT,NAMA_UNIT,ID_INDUK', 'other-root,Another root,', 'kid,Kid,other-root'),
    );
    expect(report.errors).toEqual([
      {
        line: 2,
        column: 'ID_INDUK',
        value: '',
        reason: expect.stringMatching(/^ROOT_UNIT_EXISTS: agency kota-b already has its root unit root/),
      },
      {
        line: 3,
        column: 'ID_INDUK',
        value: 'other-root',
        reason: 'parent unit other-root was not imported (see its row)',
      },
    ]);
  });

  it('a file without a required column is one file-level error and writes nothing', async () => {
    const before = await t.countEvents();
    await expect(importUnits(t.context(), 'kota-b', csv('ID_UNIT;NAMA', 'x;y'))).rejects.toThrow(CsvFileError);
    await importUnits(t.context(), 'kota-b', csv('ID_UNIT;NAMA', 'x;y')).catch((error: CsvFileError) => {
      expect(error.errors).toEqual([
        {
          line: 1,
          column: 'NAMA_UNIT,ID_INDUK',
          value: null,
          reason: 'required columns missing: NAMA_UNIT, ID_INDUK (header read: ID_UNIT, NAMA)',
        },
      ]);
    });
    expect(await t.countEvents()).toBe(before);
  });

  it('an agency that is not registered is refused (AGENCY_NOT_FOUND)', async () => {
    await expect(importUnits(t.context(), 'kota-z', file)).rejects.toMatchObject({ code: 'AGENCY_NOT_FOUND' });
  });
});
