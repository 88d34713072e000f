// Agencies and their unit trees over HTTP: commands, reads, the access matrix and bad input (nothing written).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { A, NIPS, buildOrganization, countEvents, tokensFor, type Tokens } from './organization.fixtures.js';

describe('agencies and units through HTTP', () => {
  let h: ApiHarness;
  let t: Tokens;
  beforeAll(async () => {
    h = await startApiHarness();
    t = await tokensFor(h);
    await buildOrganization(h, t);
  });
  afterAll(async () => {
    await h.close();
  });

  const get = (url: string, token: string) => h.request({ method: 'GET', url, token });
  const units = async (token = t.hrA, query = '') => {
    const r = await get(`/api/v1/agencies/${A}/units${query}`, token);
    return r.json() as {
      items: { unitId: string; parentUnitId: string | null; depth: number; headNip: string | null }[];
      nextCursor: string | null;
    };
  };

  it('POST /agencies: ADMIN only (HR, auditor, employee 403); duplicate 409; bad input 400; nothing written', async () => {
    const before = await countEvents(h);
    const body = { agencyId: 'kab-baru', name: 'Kabupaten Baru', timeZone: 'Asia/Makassar' };
    for (const token of [t.hrA, t.auditor, t.guru1]) {
      expect((await h.request({ method: 'POST', url: '/api/v1/agencies', token, body })).statusCode).toBe(403);
    }
    expect((await h.request({ method: 'POST', url: '/api/v1/agencies', body })).statusCode).toBe(401);
    const duplicate = await h.request({
      method: 'POST',
      url: '/api/v1/agencies',
      token: t.admin,
      body: { ...body, agencyId: A },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'AGENCY_ALREADY_REGISTERED' });
    for (const bad of [
      { ...body, timeZone: 'Asia/Singapore' },
      { ...body, agencyId: 'Kab Baru' },
      { ...body, name: '' },
      { ...body, extra: 1 },
      { agencyId: 'kab-baru' },
    ]) {
      const r = await h.request({ method: 'POST', url: '/api/v1/agencies', token: t.admin, body: bad });
      expect(r.statusCode).toBe(400);
      expect(r.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    expect(await countEvents(h)).toBe(before);
  });

  it('GET /agencies/{id}: HR, employees of the agency, auditor, admin; not HR or employees of another agency', async () => {
    const own = await h.eventually(async () => {
      const r = await get(`/api/v1/agencies/${A}`, t.hrA);
      return r.statusCode === 200 && (r.json() as { unitCount: number }).unitCount === 4 ? r : undefined;
    });
    expect(own.json()).toMatchObject({ agencyId: A, timeZone: 'Asia/Jayapura', rootUnitId: 'dinas', unitCount: 4 });
    expect(own.headers.etag).toMatch(/^W\/"\d+"$/);
    for (const token of [t.guru1, t.auditor, t.admin])
      expect((await get(`/api/v1/agencies/${A}`, token)).statusCode).toBe(200);
    for (const token of [t.hrB, t.employeeB]) expect((await get(`/api/v1/agencies/${A}`, token)).statusCode).toBe(403);
    expect((await get('/api/v1/agencies/no-such', t.admin)).json()).toMatchObject({
      statusCode: 404,
      code: 'AGENCY_NOT_FOUND',
    });
    expect((await get('/api/v1/agencies/NOPE', t.admin)).statusCode).toBe(400);
  });

  it('GET units: depth-first tree with parent, depth and head, keyset-paginated; filter by parent', async () => {
    const all = await units();
    expect(all.items.map((u) => [u.unitId, u.parentUnitId, u.depth])).toEqual([
      ['dinas', null, 0],
      ['bidang-sd', 'dinas', 1],
      ['sd-3', 'bidang-sd', 2],
      ['bidang-smp', 'dinas', 1],
    ]);
    expect(all.items[0].headNip).toBe(NIPS.KADIS);
    const page1 = await units(t.hrA, '?limit=2');
    expect(page1.items.map((u) => u.unitId)).toEqual(['dinas', 'bidang-sd']);
    expect(page1.nextCursor).toBe('bidang-sd');
    const page2 = await units(t.hrA, `?limit=2&after=${page1.nextCursor}`);
    expect(page2.items.map((u) => u.unitId)).toEqual(['sd-3', 'bidang-smp']);
    expect(page2.nextCursor).toBeNull();
    expect((await units(t.hrA, '?parentUnitId=dinas')).items.map((u) => u.unitId)).toEqual(['bidang-sd', 'bidang-smp']);
    expect((await get(`/api/v1/agencies/${A}/units?limit=501`, t.hrA)).statusCode).toBe(400);
    expect((await get(`/api/v1/agencies/${A}/units`, t.hrB)).statusCode).toBe(403);
    expect((await get(`/api/v1/agencies/${A}/units`, t.auditor)).statusCode).toBe(200);
  });

  it('POST units: HR of the agency or ADMIN; HR of another agency, auditor, employee 403; nothing written', async () => {
    const before = await countEvents(h);
    const body = { unitId: 'smp-1', name: 'SMP Negeri 1', parentUnitId: 'bidang-smp' };
    for (const token of [t.hrB, t.auditor, t.guru1]) {
      const r = await h.request({ method: 'POST', url: `/api/v1/agencies/${A}/units`, token, body });
      expect(r.statusCode).toBe(403);
    }
    expect(await countEvents(h)).toBe(before);
    const created = await h.request({ method: 'POST', url: `/api/v1/agencies/${A}/units`, token: t.admin, body });
    expect(created.statusCode).toBe(201);
    expect(created.headers.location).toBe(`/api/v1/agencies/${A}/units/smp-1`);
    const events = await h.api.infrastructure.rawEventStore.readStream(`agency-${A}`);
    expect(events.at(-1)).toMatchObject({
      type: 'UnitCreated.v1',
      data: body,
      metadata: { actor: { id: 'admin-1', role: 'ADMIN' } },
    });
    expect(created.headers.etag).toBe(`W/"${events.at(-1)!.revision}"`);
  });

  it('POST units: bad input 400, unknown parent 404, taken id or second root 409; nothing written', async () => {
    const before = await countEvents(h);
    const post = (body: unknown) =>
      h.request({ method: 'POST', url: `/api/v1/agencies/${A}/units`, token: t.hrA, body });
    for (const bad of [{ unitId: 'X Y', name: 'a' }, { unitId: 'ok' }, { unitId: 'ok', name: 'a', head: NIPS.KADIS }]) {
      expect((await post(bad)).statusCode).toBe(400);
    }
    expect((await post({ unitId: 'sd-9', name: 'SD 9', parentUnitId: 'nowhere' })).json()).toMatchObject({
      statusCode: 404,
      code: 'UNIT_NOT_FOUND',
    });
    expect((await post({ unitId: 'sd-3', name: 'again', parentUnitId: 'dinas' })).json()).toMatchObject({
      statusCode: 409,
      code: 'UNIT_ALREADY_EXISTS',
    });
    expect((await post({ unitId: 'root-2', name: 'root' })).json()).toMatchObject({
      statusCode: 409,
      code: 'ROOT_UNIT_EXISTS',
    });
    const noAgency = await h.request({
      method: 'POST',
      url: '/api/v1/agencies/kab-none/units',
      token: t.admin,
      body: { unitId: 'a', name: 'a' },
    });
    expect(noAgency.json()).toMatchObject({ statusCode: 404, code: 'AGENCY_NOT_FOUND' });
    expect(await countEvents(h)).toBe(before);
  });

  it('PATCH unit: rename and move with If-Match; stale If-Match 412; cycles 409; empty body 400', async () => {
    const etag = (await h.api.infrastructure.rawEventStore.readStream(`agency-${A}`)).at(-1)!.revision;
    const patch = (unitId: string, body: unknown, headers: Record<string, string> = {}, token = t.hrA) =>
      h.request({ method: 'PATCH', url: `/api/v1/agencies/${A}/units/${unitId}`, token, body, headers });
    const before = await countEvents(h);
    expect((await patch('sd-3', { parentUnitId: 'dinas' }, { 'if-match': `W/"${etag - 1n}"` })).json()).toMatchObject({
      statusCode: 412,
      code: 'STALE_REVISION',
    });
    expect((await patch('bidang-sd', { parentUnitId: 'sd-3' })).json()).toMatchObject({
      statusCode: 409,
      code: 'UNIT_CYCLE',
    });
    expect((await patch('dinas', { parentUnitId: 'sd-3' })).json()).toMatchObject({
      statusCode: 409,
      code: 'ROOT_UNIT_CANNOT_MOVE',
    });
    expect((await patch('sd-3', {})).json()).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect((await patch('sd-3', { name: 'x' }, { 'if-match': 'nonsense' })).json()).toMatchObject({
      statusCode: 400,
      code: 'INVALID_IF_MATCH',
    });
    expect((await patch('sd-3', { name: 'x' }, {}, t.hrB)).statusCode).toBe(403);
    expect((await patch('sd-3', { name: 'x' }, {}, t.auditor)).statusCode).toBe(403);
    expect(await countEvents(h)).toBe(before);

    const moved = await patch(
      'smp-1',
      { name: 'SMP Negeri 1 Manokwari', parentUnitId: 'bidang-sd' },
      { 'if-match': `W/"${etag}"` },
    );
    expect(moved.statusCode).toBe(200);
    expect(moved.headers.etag).toBe(`W/"${etag + 2n}"`);
    const tree = await h.eventually(async () => {
      const page = await units();
      const smp = page.items.find((u) => u.unitId === 'smp-1');
      return smp?.parentUnitId === 'bidang-sd' ? page : undefined;
    });
    expect(tree.items.map((u) => u.unitId)).toEqual(['dinas', 'bidang-sd', 'sd-3', 'smp-1', 'bidang-smp']);
  });

  it('PUT unit head: must be an employee of the agency (404 unknown, 400 other agency); HR of another agency 403', async () => {
    const before = await countEvents(h);
    const put = (nip: string, token = t.hrA) =>
      h.request({ method: 'PUT', url: `/api/v1/agencies/${A}/units/bidang-smp/head`, token, body: { nip } });
    expect((await put('197001012000011009')).json()).toMatchObject({ statusCode: 404, code: 'EMPLOYEE_NOT_FOUND' });
    expect((await put(NIPS.OTHER)).json()).toMatchObject({ statusCode: 400, code: 'HEAD_NOT_IN_AGENCY' });
    expect((await put('123')).json()).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect((await put(NIPS.PLT, t.hrB)).statusCode).toBe(403);
    expect((await put(NIPS.PLT, t.guru1)).statusCode).toBe(403);
    expect(await countEvents(h)).toBe(before);
    expect((await put(NIPS.PLT)).statusCode).toBe(200);
    const events = await h.api.infrastructure.rawEventStore.readStream(`agency-${A}`);
    expect(events.at(-1)).toMatchObject({
      type: 'UnitHeadAssigned.v1',
      data: { unitId: 'bidang-smp', nip: NIPS.PLT, previousNip: null },
    });
  });
});
