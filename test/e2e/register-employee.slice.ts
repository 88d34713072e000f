// The register-employee slice's HTTP behaviour, shared by the PostgreSQL and the EventStoreDB e2e runs.
import { beforeAll, expect, it } from '@jest/globals';
import { Role } from '../../libs/auth/src/index.js';
import type { ApiHarness } from '../support/api-harness.js';

const AGENCY = 'kota-manokwari';
const valid = {
  nip: '198503152010011002',
  name: 'Siti Rahayu, S.Pd.',
  employmentType: 'PNS',
  agencyId: AGENCY,
  unitId: 'disdik-sd-negeri-3',
  positionTitle: 'Guru Ahli Pertama',
  golongan: 'III/a',
  jobType: 'FUNGSIONAL',
};

export function registerEmployeeSlice(harness: () => ApiHarness): void {
  const hr = () => harness().token({ sub: 'hr-1', roles: [Role.HR], agencyId: AGENCY });
  const countEvents = () => harness().countEvents();
  const post = async (body: unknown, token?: string) =>
    harness().request({ method: 'POST', url: '/api/v1/employees', token: token ?? (await hr()), body });

  // Since issue 3 the unit must exist in the agency: ADMIN registers the agency, its HR creates the units.
  beforeAll(async () => {
    const admin = await harness().token({ sub: 'admin-1', roles: [Role.ADMIN] });
    const setup = [
      {
        url: '/api/v1/agencies',
        token: admin,
        body: { agencyId: AGENCY, name: 'Kota Manokwari', timeZone: 'Asia/Jayapura' },
      },
      {
        url: `/api/v1/agencies/${AGENCY}/units`,
        token: await hr(),
        body: { unitId: 'disdik', name: 'Dinas Pendidikan' },
      },
      {
        url: `/api/v1/agencies/${AGENCY}/units`,
        token: await hr(),
        body: { unitId: valid.unitId, name: 'SD Negeri 3', parentUnitId: 'disdik' },
      },
    ];
    for (const { url, token, body } of setup) {
      const response = await harness().request({ method: 'POST', url, token, body });
      expect(response.statusCode).toBe(201);
    }
  });

  it('HR registers an employee: 201 with ETag, the event is appended and the read model shows it', async () => {
    const response = await post(valid);
    expect(response.statusCode).toBe(201);
    expect(response.headers.etag).toBe('W/"0"');
    expect(response.headers.location).toBe(`/api/v1/employees/${valid.nip}`);
    expect(response.json()).toEqual({ nip: valid.nip, revision: '0' });

    const events = await harness().api.infrastructure.rawEventStore.readStream(`employee-${valid.nip}`);
    expect(events.map((e) => e.type)).toEqual(['EmployeeRegistered.v2']);
    expect(events[0].metadata.actor).toEqual({ id: 'hr-1', role: 'HR' });

    const view = await harness().eventually(async () => {
      const r = await harness().request({ method: 'GET', url: `/api/v1/employees/${valid.nip}`, token: await hr() });
      return r.statusCode === 200 ? r : undefined;
    });
    expect(view.headers.etag).toBe('W/"0"');
    expect(view.json()).toEqual({
      nip: valid.nip,
      name: valid.name,
      employmentType: 'PNS',
      agencyId: AGENCY,
      unitId: valid.unitId,
      positionTitle: valid.positionTitle,
      golongan: 'III/a',
      jobType: 'FUNGSIONAL',
      registeredAt: expect.any(String),
      revision: '0',
    });
  });

  it('registering the same NIP again is 409 EMPLOYEE_ALREADY_REGISTERED and writes nothing', async () => {
    const before = await countEvents();
    const response = await post(valid);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ statusCode: 409, code: 'EMPLOYEE_ALREADY_REGISTERED' });
    expect(await countEvents()).toBe(before);
  });

  const badInputs: [string, unknown, string, string[]][] = [
    // agencyId is not among them: an HR token's agency is the default (register-employee.agency-default spec).
    ['missing fields', { nip: '198503152010011003' }, 'VALIDATION_FAILED', ['name', 'employmentType', 'unitId']],
    ['an unknown field', { ...valid, nip: '198503152010011004', salary: 1 }, 'VALIDATION_FAILED', ['salary']],
    ['wrong types', { ...valid, nip: 1985031520, name: 42 }, 'VALIDATION_FAILED', ['nip', 'name']],
    [
      'an unknown employment type',
      { ...valid, nip: '198503152010011006', employmentType: 'HONORER' },
      'VALIDATION_FAILED',
      ['employmentType'],
    ],
    ['a NIP of 17 digits', { ...valid, nip: '19850315201001100' }, 'VALIDATION_FAILED', ['nip']],
    ['an 18-digit NIP with 30 February as birth date', { ...valid, nip: '198502302010011002' }, 'INVALID_NIP', ['nip']],
    ['an 18-digit NIP with gender digit 3', { ...valid, nip: '198503152010013002' }, 'INVALID_NIP', ['nip']],
    [
      'an 18-digit NIP appointed before the 18th birthday',
      { ...valid, nip: '198503152001011002' },
      'INVALID_NIP',
      ['nip'],
    ],
    ['a blank name', { ...valid, nip: '198503152010011007', name: '   ' }, 'INVALID_NAME', ['name']],
    [
      'a PPPK grade for a PNS',
      { ...valid, nip: '198503152010011007', golongan: 'IX' },
      'INVALID_GOLONGAN',
      ['golongan'],
    ],
    [
      'an unknown job type',
      { ...valid, nip: '198503152010011007', jobType: 'HONORER' },
      'VALIDATION_FAILED',
      ['jobType'],
    ],
    ['an array body', [valid], 'VALIDATION_FAILED', []],
  ];
  it.each(badInputs)('%s: 400 with a clear JSON error and no event written', async (_label, body, code, fields) => {
    const before = await countEvents();
    const response = await post(body);
    expect(response.statusCode).toBe(400);
    const error = response.json() as { code: string; message: string; details?: { field?: string }[] };
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
    for (const field of fields) expect(error.details?.map((d) => d.field)).toContain(field);
    expect(await countEvents()).toBe(before);
  });

  it('a unit that does not exist in the agency is 404 UNIT_NOT_FOUND and writes nothing', async () => {
    const before = await countEvents();
    const response = await post({ ...valid, nip: '198503152010011009', unitId: 'sd-nowhere' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'UNIT_NOT_FOUND' });
    expect(await countEvents()).toBe(before);
  });

  it('malformed JSON is 400 and an oversized body 413, both in the error shape, nothing written', async () => {
    const before = await countEvents();
    const token = await hr();
    const malformed = await harness().request({
      method: 'POST',
      url: '/api/v1/employees',
      token,
      payload: '{"nip": "1',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST' });
    const huge = await harness().request({
      method: 'POST',
      url: '/api/v1/employees',
      token,
      payload: JSON.stringify({ ...valid, name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(await countEvents()).toBe(before);
  });

  it('without a token 401, as an employee 403, as HR of another agency 403; nothing written', async () => {
    const before = await countEvents();
    const body = { ...valid, nip: '198503152010011008' };
    const anonymous = await harness().request({ method: 'POST', url: '/api/v1/employees', body });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const employee = await harness().token({ sub: 'e-1', roles: [Role.EMPLOYEE], agencyId: AGENCY, nip: valid.nip });
    expect((await post(body, employee)).statusCode).toBe(403);
    const otherHr = await harness().token({ sub: 'hr-2', roles: [Role.HR], agencyId: 'kab-sorong' });
    const other = await post(body, otherHr);
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect(await countEvents()).toBe(before);
  });

  it('GET: an employee reads their own record only; HR of another agency is refused; unknown NIP is 404', async () => {
    const own = await harness().token({ sub: 'e-1', roles: [Role.EMPLOYEE], nip: valid.nip });
    expect(
      (await harness().request({ method: 'GET', url: `/api/v1/employees/${valid.nip}`, token: own })).statusCode,
    ).toBe(200);
    const someoneElse = await harness().token({ sub: 'e-2', roles: [Role.EMPLOYEE], nip: '199001012015031001' });
    expect(
      (await harness().request({ method: 'GET', url: `/api/v1/employees/${valid.nip}`, token: someoneElse }))
        .statusCode,
    ).toBe(403);
    const otherHr = await harness().token({ sub: 'hr-2', roles: [Role.HR], agencyId: 'kab-sorong' });
    expect(
      (await harness().request({ method: 'GET', url: `/api/v1/employees/${valid.nip}`, token: otherHr })).statusCode,
    ).toBe(403);
    const missing = await harness().request({
      method: 'GET',
      url: '/api/v1/employees/197001012000011001',
      token: await hr(),
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'EMPLOYEE_NOT_FOUND' });
    const badNip = await harness().request({ method: 'GET', url: '/api/v1/employees/abc', token: await hr() });
    expect(badNip.statusCode).toBe(400);
  });

  it('GET list: paginated by NIP with a cursor, limited to the agency for HR', async () => {
    const nips = ['196801011990031001', '196801011990031002', '196801011990031003'];
    for (const nip of nips) expect((await post({ ...valid, nip })).statusCode).toBe(201);
    const token = await hr();
    await harness().eventually(async () => {
      const r = await harness().request({ method: 'GET', url: `/api/v1/employees/${nips[2]}`, token });
      return r.statusCode === 200 ? true : undefined;
    });
    const first = await harness().request({ method: 'GET', url: '/api/v1/employees?limit=2', token });
    expect(first.statusCode).toBe(200);
    const page1 = first.json() as { items: { nip: string }[]; nextCursor: string | null };
    expect(page1.items.map((i) => i.nip)).toEqual(nips.slice(0, 2));
    expect(page1.nextCursor).toBe(nips[1]);
    const second = await harness().request({
      method: 'GET',
      url: `/api/v1/employees?limit=2&after=${page1.nextCursor}`,
      token,
    });
    const page2 = second.json() as { items: { nip: string }[]; nextCursor: string | null };
    expect(page2.items.map((i) => i.nip)).toEqual([nips[2], valid.nip].sort().slice(0, 2));
    const badLimit = await harness().request({ method: 'GET', url: '/api/v1/employees?limit=0', token });
    expect(badLimit.statusCode).toBe(400);
    const otherAgency = await harness().request({ method: 'GET', url: '/api/v1/employees?agencyId=kab-sorong', token });
    expect(otherAgency.statusCode).toBe(403);
  });
}
