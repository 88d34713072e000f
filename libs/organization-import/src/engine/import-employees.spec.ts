// The employees engine against real PostgreSQL: every bad row reported by line and column while the good
// rows are imported; a re-run writes nothing; a changed unit or position becomes a move or position change.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { agencyStreamName } from '../../../organization/src/agency/agency-events.js';
import { openImportTestInfrastructure, type ImportTestInfrastructure } from '../testing/import-test-infrastructure.js';
import { importEmployees } from './import-employees.js';
import { importUnits } from './import-units.js';

const NOW = '2026-11-22T00:00:00.000Z';
const csv = (...lines: string[]) => [lines.join('\n') + '\n'];
const HEADER = 'NIP;NAMA;JENIS_PEGAWAI;JABATAN;JENIS_JABATAN;GOLONGAN;ID_UNIT;KEPALA_UNIT';

describe('importEmployees', () => {
  let t: ImportTestInfrastructure;
  beforeAll(async () => {
    t = await openImportTestInfrastructure();
    await t.registerAgency('kota-a');
    await t.registerAgency('kota-b');
    for (const agency of ['kota-a', 'kota-b']) {
      await importUnits(t.context(), agency, csv('ID_UNIT;NAMA_UNIT;ID_INDUK', 'dinas;Dinas;', 'sd-1;SD 1;dinas'));
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const good = csv(
    HEADER,
    '198503152010011002;Siti Rahayu;PNS;Kepala Dinas;JPT;IV/c;dinas;Y',
    '199001012015032001;Maria Mandacan;pns;Guru Ahli Muda;fungsional;iii/C;SD-1;',
    '199205102020121003;Yohanes Rumbiak;PPPK;Guru;FUNGSIONAL;9;sd-1;N',
  );

  it('registers each employee in its own stream and assigns the unit head', async () => {
    const progress: number[] = [];
    const report = await importEmployees(t.context({ onProgress: (p) => progress.push(p.done) }), 'kota-a', good);
    expect(report).toEqual({
      kind: 'employees',
      agencyId: 'kota-a',
      rows: 3,
      imported: 3,
      unchanged: 0,
      failed: 0,
      errors: [],
    });
    expect(progress.at(-1)).toBe(3);
    const [registered] = await t.infrastructure.rawEventStore.readStream('employee-199001012015032001');
    expect(registered).toMatchObject({
      type: 'EmployeeRegistered.v2',
      data: { unitId: 'sd-1', golongan: 'III/c', jobType: 'FUNGSIONAL', gender: 'FEMALE' },
    });
    const [pppk] = await t.infrastructure.rawEventStore.readStream('employee-199205102020121003');
    expect(pppk.data.golongan).toBe('IX');
    const agency = await t.infrastructure.rawEventStore.readStream(agencyStreamName('kota-a'));
    expect(agency.at(-1)).toMatchObject({
      type: 'UnitHeadAssigned.v1',
      data: { unitId: 'dinas', nip: '198503152010011002', previousNip: null },
    });
  });

  it('re-running the same file adds no event', async () => {
    const before = await t.countEvents();
    const report = await importEmployees(t.context(), 'kota-a', good);
    expect(report).toMatchObject({ rows: 3, imported: 0, unchanged: 3, failed: 0, errors: [] });
    expect(await t.countEvents()).toBe(before);
  });

  it('after a rename, the file with the new name is unchanged and the one with the old name is refused', async () => {
    const nip = '199205102020121003';
    const [registered, ...rest] = await t.infrastructure.rawEventStore.readStream(`employee-${nip}`);
    const last = rest.at(-1) ?? registered;
    await t.infrastructure.eventStore.appendToStream(
      `employee-${nip}`,
      [
        {
          id: randomUUID(),
          type: 'EmployeeRenamed.v1',
          data: { nip, name: 'Yohanes P. Rumbiak', previousName: 'Yohanes Rumbiak', reason: 'akta' },
          metadata: { actor: { id: 'hr', role: 'HR' }, correlationId: 'c', causationId: 'c', occurredAt: NOW },
        },
      ],
      { expected: last.revision },
    );
    const renamed = csv(HEADER, `${nip};Yohanes P. Rumbiak;PPPK;Guru;FUNGSIONAL;9;sd-1;N`);
    const before = await t.countEvents();
    expect(await importEmployees(t.context(), 'kota-a', renamed)).toMatchObject({ unchanged: 1, failed: 0 });
    const old = await importEmployees(
      t.context(),
      'kota-a',
      csv(HEADER, `${nip};Yohanes Rumbiak;PPPK;Guru;FUNGSIONAL;9;sd-1;N`),
    );
    expect(old).toMatchObject({ failed: 1, errors: [expect.objectContaining({ column: 'NAMA' })] });
    expect(await t.countEvents()).toBe(before);
  });

  it('a new unit or position for a known NIP is recorded as a move and a position change', async () => {
    const report = await importEmployees(
      t.context(),
      'kota-a',
      csv(HEADER, '199001012015032001;Maria Mandacan;PNS;Guru Ahli Madya;FUNGSIONAL;IV/a;dinas;'),
    );
    expect(report).toMatchObject({ imported: 1, unchanged: 0, failed: 0 });
    const events = await t.infrastructure.rawEventStore.readStream('employee-199001012015032001');
    expect(events.map((e) => e.type)).toEqual([
      'EmployeeRegistered.v2',
      'EmployeeMoved.v1',
      'EmployeePositionChanged.v1',
    ]);
    expect(events[1].data).toMatchObject({ fromUnitId: 'sd-1', toUnitId: 'dinas', effectiveDate: '2026-11-22' });
  });

  it('imports the valid rows and reports every bad one by line, column and value', async () => {
    const report = await importEmployees(
      t.context(),
      'kota-b',
      csv(
        HEADER,
        '197501012000031001;Good One;PNS;Kepala Seksi;PENGAWAS;III/d;sd-1;', // 2 ok
        '198502302010011002;Bad Birth;PNS;Guru;FUNGSIONAL;III/a;sd-1;', // 3 30 Feb
        '197501012000031001;Same Again;PNS;Guru;FUNGSIONAL;III/a;sd-1;', // 4 duplicate
        '198001012005011001;No Unit;PNS;Guru;FUNGSIONAL;III/a;smp-9;', // 5 unknown unit
        '198001012005011002;;PPPK;Guru;GURU;III/a;sd-1;', // 6 no name, bad job type, PNS grade for PPPK
        '198503152010011002;Siti Rahayu;PNS;Kepala Dinas;JPT;IV/c;dinas;', // 7 employee of kota-a
      ),
    );
    expect(report).toMatchObject({ rows: 6, imported: 1, unchanged: 0, failed: 5 });
    expect(report.errors).toEqual([
      {
        line: 3,
        column: 'NIP',
        value: '198502302010011002',
        reason: 'invalid NIP (birthDate: digits 1-8 (19850230) are not a real birth date YYYYMMDD)',
      },
      { line: 4, column: 'NIP', value: '197501012000031001', reason: 'duplicate NIP: already on line 2' },
      { line: 5, column: 'ID_UNIT', value: 'smp-9', reason: 'unknown unit smp-9: import the units file first' },
      { line: 6, column: 'NAMA', value: '', reason: 'NAMA is required' },
      {
        line: 6,
        column: 'JENIS_JABATAN',
        value: 'GURU',
        reason: 'JENIS_JABATAN must be one of JPT, ADMINISTRATOR, PENGAWAS, PELAKSANA, FUNGSIONAL',
      },
      { line: 6, column: 'GOLONGAN', value: 'III/a', reason: 'GOLONGAN must be a PPPK grade (I .. XVII)' },
      {
        line: 7,
        column: 'NIP',
        value: '198503152010011002',
        reason: 'EMPLOYEE_IN_OTHER_AGENCY: NIP 198503152010011002 is an employee of kota-a',
      },
    ]);
  });

  it('two heads for one unit: the second row is refused', async () => {
    const report = await importEmployees(
      t.context(),
      'kota-b',
      csv(
        HEADER,
        '197501012000031001;Good One;PNS;Kepala Seksi;PENGAWAS;III/d;sd-1;Y',
        '198001012005011003;Other Head;PNS;Kepala Sekolah;FUNGSIONAL;IV/a;sd-1;Y',
      ),
    );
    expect(report).toMatchObject({ imported: 1, failed: 1 });
    expect(report.errors).toEqual([
      { line: 3, column: 'KEPALA_UNIT', value: 'Y', reason: 'unit sd-1 already has its head on line 2' },
    ]);
  });
});
