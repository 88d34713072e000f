// CSV import over HTTP: the real app on real PostgreSQL. Access (HR of the agency and ADMIN only), the
// row-by-row report on a partly bad file, idempotent re-runs, and files refused as a whole (400, nothing written).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Role } from '../../libs/auth/src/index.js';
import { agencyStreamName } from '../../libs/organization/src/agency/agency-events.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';

const UNITS = 'test/fixtures/import/units.csv';
const EMPLOYEES = 'test/fixtures/import/employees.csv';
const url = (agencyId: string, kind: 'units' | 'employees') => `/api/v1/agencies/${agencyId}/imports/${kind}`;

describe('CSV import over HTTP', () => {
  let h: ApiHarness;
  let hr: string;
  // Counted in the table, not through readAll: $all only shows events below the oldest open transaction,
  // and the embedded projections keep one open while they apply what the import just wrote.
  const events = async () =>
    Number((await h.api.infrastructure.pool.query('SELECT count(*) FROM event_store.events')).rows[0].count);
  const post = (kind: 'units' | 'employees', payload: string | Buffer, token: string, agencyId = 'kota-manokwari') =>
    h.request({
      method: 'POST',
      url: url(agencyId, kind),
      token,
      payload: payload as string,
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });

  beforeAll(async () => {
    h = await startApiHarness();
    for (const agencyId of ['kota-manokwari', 'kota-sorong']) {
      await h.api.infrastructure.eventStore.appendToStream(
        agencyStreamName(agencyId),
        [
          {
            id: randomUUID(),
            type: 'AgencyRegistered.v1',
            data: {
              agencyId,
              name: `Dinas ${agencyId}`,
              timeZone: 'Asia/Jayapura',
              registeredAt: new Date().toISOString(),
            },
            metadata: {
              actor: { id: 'admin', role: 'ADMIN' },
              correlationId: randomUUID(),
              causationId: 'seed',
              occurredAt: new Date().toISOString(),
            },
          },
        ],
        { expected: 'no_stream' },
      );
    }
    hr = await h.token({ sub: 'hr-mkw', roles: [Role.HR], agencyId: 'kota-manokwari' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('HR of the agency imports units, then employees: 200 with the report, bad rows listed by line and column', async () => {
    const units = await post('units', await readFile(UNITS, 'utf8'), hr);
    expect(units.statusCode).toBe(200);
    expect(units.json()).toEqual({
      kind: 'units',
      agencyId: 'kota-manokwari',
      rows: 4,
      imported: 4,
      unchanged: 0,
      failed: 0,
      errors: [],
    });
    const employees = await post('employees', await readFile(EMPLOYEES), hr);
    expect(employees.statusCode).toBe(200);
    expect(employees.json()).toMatchObject({ rows: 7, imported: 5, unchanged: 0, failed: 2 });
    expect((employees.json() as { errors: unknown[] }).errors).toEqual([
      {
        line: 7,
        column: 'NIP',
        value: '199001012015033001',
        reason: 'invalid NIP (gender: digit 15 is the gender digit and must be 1 or 2, got 3)',
      },
      {
        line: 8,
        column: 'ID_UNIT',
        value: 'smp-09-mkw',
        reason: 'unknown unit smp-09-mkw: import the units file first',
      },
    ]);
    const [registered] = await h.api.infrastructure.rawEventStore.readStream('employee-197203151998031004');
    expect(registered).toMatchObject({
      type: 'EmployeeRegistered.v2',
      data: { name: 'Drs. Yakob Mandacan, M.Pd.', agencyId: 'kota-manokwari', unitId: 'disdik-mkw', golongan: 'IV/c' },
      metadata: { actor: { id: 'hr-mkw', role: 'HR' } },
    });
  });

  it('reporting lines derive from the imported unit heads', async () => {
    // Ester teaches at SD 03, which has no head in the file: her pejabat penilai is the head of Bidang SD
    // (KEPALA_UNIT = Y), whose own rater, the Kepala Dinas, is her atasan pejabat penilai.
    const line = await h.eventually(async () => {
      const response = await h.request({
        method: 'GET',
        url: '/api/v1/employees/199304182019032002/reporting-line',
        token: hr,
      });
      const body = response.json() as { rater?: { nip: string } | null };
      return response.statusCode === 200 && body.rater ? body : undefined;
    });
    expect(line).toMatchObject({
      rater: { nip: '198107222006042003' },
      raterSupervisor: { nip: '197203151998031004' },
    });
  });

  it('posting the same files again writes nothing', async () => {
    const before = await events();
    expect((await post('units', await readFile(UNITS), hr)).json()).toMatchObject({ imported: 0, unchanged: 4 });
    expect((await post('employees', await readFile(EMPLOYEES), hr)).json()).toMatchObject({
      imported: 0,
      unchanged: 5,
      failed: 2,
    });
    expect(await events()).toBe(before);
  });

  it('ADMIN may import into any agency', async () => {
    const admin = await h.token({ sub: 'admin-1', roles: [Role.ADMIN] });
    const response = await post('units', 'ID_UNIT,NAMA_UNIT,ID_INDUK\nsorong,Dinas Sorong,\n', admin, 'kota-sorong');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ agencyId: 'kota-sorong', imported: 1 });
  });

  it('HR of another agency, an employee, an auditor: 403; no token: 401; nothing written', async () => {
    const before = await events();
    const file = 'ID_UNIT,NAMA_UNIT,ID_INDUK\nx-1,X,disdik-mkw\n';
    const otherHr = await h.token({ sub: 'hr-sorong', roles: [Role.HR], agencyId: 'kota-sorong' });
    const employee = await h.token({
      sub: 'emp-1',
      roles: [Role.EMPLOYEE],
      agencyId: 'kota-manokwari',
      nip: '199304182019032002',
    });
    const auditor = await h.token({ sub: 'aud-1', roles: [Role.AUDITOR] });
    for (const token of [otherHr, employee, auditor]) {
      for (const kind of ['units', 'employees'] as const) {
        const response = await post(kind, file, token);
        expect(response.statusCode).toBe(403);
        expect(response.json()).toMatchObject({ code: 'FORBIDDEN' });
      }
    }
    const anonymous = await h.request({
      method: 'POST',
      url: url('kota-manokwari', 'units'),
      payload: file,
      headers: { 'content-type': 'text/csv' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await events()).toBe(before);
  });

  it('a file that cannot be read is 400 INVALID_CSV naming the problem, and writes nothing', async () => {
    const before = await events();
    const missing = await post('employees', 'NIP;NAMA\n197203151998031004;X\n', hr);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({
      code: 'INVALID_CSV',
      details: [
        {
          field: 'JENIS_PEGAWAI,JABATAN,JENIS_JABATAN,GOLONGAN,ID_UNIT',
          line: 1,
          message: expect.stringContaining('required columns missing: JENIS_PEGAWAI, JABATAN'),
        },
      ],
    });
    const empty = await post('units', '', hr);
    expect(empty.statusCode).toBe(400);
    const latin1 = await post('units', Buffer.from('ID_UNIT,NAMA_UNIT,ID_INDUK\nx,Jos\xe9,\n', 'latin1'), hr);
    expect(latin1.statusCode).toBe(400);
    expect(latin1.json()).toMatchObject({ code: 'INVALID_CSV', message: expect.stringContaining('not valid UTF-8') });
    expect(await events()).toBe(before);
  });

  it('refuses other content types (415), a bad agency id (400), an unknown agency (404)', async () => {
    const before = await events();
    const json = await h.request({ method: 'POST', url: url('kota-manokwari', 'units'), token: hr, body: { a: 1 } });
    expect(json.statusCode).toBe(415);
    const admin = await h.token({ sub: 'admin-1', roles: [Role.ADMIN] });
    const badId = await post('units', 'ID_UNIT,NAMA_UNIT,ID_INDUK\n', admin, 'Kota_X');
    expect(badId.statusCode).toBe(400);
    expect(badId.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const unknown = await post('units', 'ID_UNIT,NAMA_UNIT,ID_INDUK\nx,X,\n', admin, 'kota-nowhere');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'AGENCY_NOT_FOUND' });
    expect(await events()).toBe(before);
  });

  it('takes files over the app-wide 1 MiB limit, up to 20 MiB', async () => {
    // A 2 MiB export: one unit row plus an ignored column full of text, as HR exports carry.
    const big = `ID_UNIT;NAMA_UNIT;ID_INDUK;CATATAN\r\nsek-big;Seksi Besar;bid-sd;${'x'.repeat(2 * 1024 * 1024)}\r\n`;
    const ok = await post('units', big, hr);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ imported: 1 });
    const tooBig = await post('units', Buffer.alloc(21 * 1024 * 1024, 'a'), hr);
    expect(tooBig.statusCode).toBe(413);
  });

  it('documents both routes in OpenAPI with a summary', async () => {
    const doc = (await h.request({ method: 'GET', url: '/docs/openapi.json' })).json() as {
      paths: Record<string, { post?: { summary?: string; requestBody?: { content: Record<string, unknown> } } }>;
    };
    for (const kind of ['units', 'employees']) {
      const operation = doc.paths[`/api/v1/agencies/{agencyId}/imports/${kind}`]?.post;
      expect(operation?.summary).toContain('Import');
      expect(Object.keys(operation?.requestBody?.content ?? {})).toEqual(['text/csv']);
    }
  });
});
