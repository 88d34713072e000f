// Employees over HTTP: reporting lines (derived, following unit-head changes, overridden with a reason),
// moves and position changes, the history (audit view), conflict-of-interest declarations; with the access
// matrix and bad input writing nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import {
  A,
  NIPS,
  buildOrganization,
  countEvents,
  lineEventually,
  tokensFor,
  type Tokens,
} from './organization.fixtures.js';

const { KADIS, KABID, KEPSEK, GURU1, GURU2, PLT, OTHER } = NIPS;

describe('employees, reporting lines and conflicts of interest through HTTP', () => {
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
  const send = (
    method: 'PUT' | 'DELETE' | 'POST',
    url: string,
    token: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => h.request({ method, url, token, body, headers });

  it('GET reporting-line: derived from unit heads; readable by the employee, HR of the agency, auditor, admin only', async () => {
    const line = (await get(`/api/v1/employees/${GURU1}/reporting-line`, t.guru1)).json();
    expect(line).toMatchObject({
      nip: GURU1,
      agencyId: A,
      rater: { nip: KEPSEK, name: `Pegawai ${KEPSEK.slice(-4)}` },
      raterSupervisor: { nip: KABID },
      source: 'derived',
      reason: null,
    });
    for (const token of [t.hrA, t.auditor, t.admin]) {
      expect((await get(`/api/v1/employees/${GURU1}/reporting-line`, token)).statusCode).toBe(200);
    }
    for (const token of [t.guru2, t.hrB, t.employeeB]) {
      expect((await get(`/api/v1/employees/${GURU1}/reporting-line`, token)).statusCode).toBe(403);
    }
    expect((await get(`/api/v1/employees/${KADIS}/reporting-line`, t.hrA)).json()).toMatchObject({
      rater: null,
      raterSupervisor: null,
    });
    expect((await get('/api/v1/employees/197001012000011009/reporting-line', t.admin)).statusCode).toBe(404);
  });

  it('GET reports: direct reports and reports of reports', async () => {
    const reports = (await get(`/api/v1/employees/${KABID}/reports`, t.hrA)).json() as {
      directReports: { nip: string }[];
      reportsOfReports: { nip: string }[];
    };
    expect(reports.directReports.map((r) => r.nip)).toEqual([KEPSEK]);
    expect(reports.reportsOfReports.map((r) => r.nip).sort()).toEqual([GURU1, GURU2].sort());
    expect((await get(`/api/v1/employees/${KABID}/reports`, t.hrB)).statusCode).toBe(403);
  });

  it('PUT rater-override: HR of the agency or ADMIN only; reason required; self refused; nothing written on refusal', async () => {
    const url = `/api/v1/employees/${GURU1}/rater-override`;
    const body = { raterNip: PLT, reason: 'Plt. kepala sekolah while the head is on leave' };
    const before = await countEvents(h);
    for (const token of [t.hrB, t.auditor, t.guru1, t.kepsek])
      expect((await send('PUT', url, token, body)).statusCode).toBe(403);
    expect((await send('PUT', url, t.hrA, { raterNip: PLT })).json()).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
    });
    expect((await send('PUT', url, t.hrA, { raterNip: PLT, reason: '   ' })).json()).toMatchObject({
      statusCode: 400,
      code: 'REASON_REQUIRED',
    });
    expect((await send('PUT', url, t.hrA, { ...body, raterNip: GURU1 })).json()).toMatchObject({
      statusCode: 400,
      code: 'SELF_AS_RATER',
    });
    expect((await send('PUT', url, t.hrA, { ...body, raterNip: OTHER })).json()).toMatchObject({
      statusCode: 400,
      code: 'RATER_NOT_IN_AGENCY',
    });
    expect((await send('PUT', url, t.hrA, { ...body, raterNip: '197001012000011009' })).json()).toMatchObject({
      statusCode: 404,
      code: 'RATER_NOT_FOUND',
    });
    expect((await send('PUT', url, t.hrA, body, { 'if-match': 'W/"7"' })).json()).toMatchObject({
      statusCode: 412,
      code: 'STALE_REVISION',
    });
    expect((await send('DELETE', url, t.hrA, { reason: 'nothing to clear' })).json()).toMatchObject({
      statusCode: 409,
      code: 'NO_RATER_OVERRIDE',
    });
    expect(await countEvents(h)).toBe(before);

    const current = (await h.api.infrastructure.rawEventStore.readStream(`employee-${GURU1}`)).at(-1)!.revision;
    const ok = await send('PUT', url, t.hrA, body, { 'if-match': `W/"${current}"` });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe(`W/"${current + 1n}"`);
    const line = await lineEventually(h, t.guru1, GURU1, (l) => l.source === 'override');
    expect(line).toMatchObject({ rater: { nip: PLT }, raterSupervisor: { nip: KADIS }, reason: body.reason });
  });

  it('the override and its clearing are in the history with actor, time and reason; DELETE goes back to derived', async () => {
    const cleared = await send('DELETE', `/api/v1/employees/${GURU1}/rater-override`, t.admin, {
      reason: 'head is back',
    });
    expect(cleared.statusCode).toBe(200);
    await lineEventually(h, t.hrA, GURU1, (l) => l.source === 'derived' && l.rater?.nip === KEPSEK);
    const history = (await get(`/api/v1/employees/${GURU1}/history`, t.guru1)).json() as {
      items: { type: string; actor: { id: string; role: string }; reason: string | null; occurredAt: string }[];
    };
    expect(history.items.map((e) => e.type)).toEqual([
      'EmployeeRegistered.v2',
      'RaterOverridden.v1',
      'RaterOverrideCleared.v1',
    ]);
    expect(history.items[1]).toMatchObject({
      actor: { id: 'hr-a', role: 'HR' },
      reason: 'Plt. kepala sekolah while the head is on leave',
    });
    expect(history.items[2]).toMatchObject({ actor: { id: 'admin-1', role: 'ADMIN' }, reason: 'head is back' });
    const page = (await get(`/api/v1/employees/${GURU1}/history?limit=2`, t.auditor)).json() as {
      items: unknown[];
      nextCursor: string;
    };
    expect(page.items).toHaveLength(2);
    expect((await get(`/api/v1/employees/${GURU1}/history?after=${page.nextCursor}`, t.hrA)).json()).toMatchObject({
      items: [{ type: 'RaterOverrideCleared.v1' }],
      nextCursor: null,
    });
    for (const token of [t.guru2, t.hrB])
      expect((await get(`/api/v1/employees/${GURU1}/history`, token)).statusCode).toBe(403);
    expect((await get(`/api/v1/employees/${GURU1}/history?limit=0`, t.hrA)).statusCode).toBe(400);
  });

  it('reporting lines follow a unit-head change (members and the atasan of their reports)', async () => {
    expect((await send('PUT', `/api/v1/agencies/${A}/units/sd-3/head`, t.hrA, { nip: GURU2 })).statusCode).toBe(200);
    await lineEventually(h, t.hrA, GURU1, (l) => l.rater?.nip === GURU2 && l.raterSupervisor?.nip === KABID);
    await lineEventually(h, t.hrA, KEPSEK, (l) => l.rater?.nip === GURU2);
    await lineEventually(h, t.hrA, GURU2, (l) => l.rater?.nip === KABID && l.raterSupervisor?.nip === KADIS);
  });

  it('PUT unit and position: HR moves and promotes with effective dates; bad input 400; others 403', async () => {
    const before = await countEvents(h);
    const move = (token: string, body: unknown) => send('PUT', `/api/v1/employees/${KEPSEK}/unit`, token, body);
    const position = (token: string, body: unknown) => send('PUT', `/api/v1/employees/${KEPSEK}/position`, token, body);
    const promotion = {
      positionTitle: 'Pengawas Sekolah',
      golongan: 'IV/a',
      jobType: 'FUNGSIONAL',
      effectiveDate: '2026-07-01',
    };
    for (const token of [t.hrB, t.auditor, t.kepsek]) {
      expect((await move(token, { unitId: 'bidang-smp' })).statusCode).toBe(403);
      expect((await position(token, promotion)).statusCode).toBe(403);
    }
    expect((await move(t.hrA, { unitId: 'nowhere' })).json()).toMatchObject({
      statusCode: 404,
      code: 'UNIT_NOT_FOUND',
    });
    expect((await move(t.hrA, { unitId: 'setda' })).json()).toMatchObject({ statusCode: 404, code: 'UNIT_NOT_FOUND' });
    expect((await move(t.hrA, { unitId: 'bidang-smp', effectiveDate: '2026-02-30' })).json()).toMatchObject({
      statusCode: 400,
      code: 'INVALID_EFFECTIVE_DATE',
    });
    expect((await position(t.hrA, { ...promotion, golongan: 'XI' })).json()).toMatchObject({
      statusCode: 400,
      code: 'INVALID_GOLONGAN',
    });
    expect((await position(t.hrA, { ...promotion, jobType: 'GURU' })).json()).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
    });
    expect(
      (await send('PUT', '/api/v1/employees/197001012000011009/unit', t.hrA, { unitId: 'dinas' })).statusCode,
    ).toBe(404);
    expect(await countEvents(h)).toBe(before);

    expect((await move(t.hrA, { unitId: 'bidang-smp' })).statusCode).toBe(200);
    expect((await position(t.hrA, promotion)).statusCode).toBe(200);
    const events = await h.api.infrastructure.rawEventStore.readStream(`employee-${KEPSEK}`);
    expect(events.slice(-2).map((e) => [e.type, e.data.effectiveDate])).toEqual([
      ['EmployeeMoved.v1', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)],
      ['EmployeePositionChanged.v1', '2026-07-01'],
    ]);
    const view = await h.eventually(async () => {
      const r = await get(`/api/v1/employees/${KEPSEK}`, t.hrA);
      const body = r.json() as { unitId: string; golongan: string };
      return body.unitId === 'bidang-smp' && body.golongan === 'IV/a' ? body : undefined;
    });
    expect(view).toMatchObject({ positionTitle: 'Pengawas Sekolah', jobType: 'FUNGSIONAL' });
    // bidang-smp has no head: the nearest head further up rates
    await lineEventually(h, t.hrA, KEPSEK, (l) => l.rater?.nip === KADIS && l.source === 'derived');
  });

  describe('conflicts of interest', () => {
    const url = `/api/v1/employees/${GURU1}/conflicts-of-interest`;
    const body = { raterNip: KEPSEK, kind: 'FAMILY', description: 'the rater is my uncle' };
    const list = async (token: string, query = '') =>
      h.eventually(async () => {
        const r = await get(`${url}${query}`, token);
        return r.statusCode === 200
          ? (r.json() as { items: { declarationId: string; declaredBy: string; kind: string; active: boolean }[] })
          : undefined;
      });

    it('declared by the ratee, by the rater or by HR; anyone else 403; bad input 400; nothing written on refusal', async () => {
      const before = await countEvents(h);
      for (const token of [t.guru2, t.hrB, t.auditor, t.employeeB])
        expect((await send('POST', url, token, body)).statusCode).toBe(403);
      expect((await send('POST', url, t.guru1, { ...body, raterNip: GURU1 })).json()).toMatchObject({
        statusCode: 400,
        code: 'CONFLICT_WITH_SELF',
      });
      expect((await send('POST', url, t.guru1, { ...body, kind: 'ROMANCE' })).json()).toMatchObject({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
      });
      expect((await send('POST', url, t.guru1, { ...body, description: ' ' })).json()).toMatchObject({
        statusCode: 400,
        code: 'DESCRIPTION_REQUIRED',
      });
      expect((await send('POST', url, t.guru1, { raterNip: KEPSEK, kind: 'FAMILY' })).statusCode).toBe(400);
      expect(await countEvents(h)).toBe(before);

      const byRatee = await send('POST', url, t.guru1, body);
      expect(byRatee.statusCode).toBe(201);
      expect((await send('POST', url, t.guru1, body)).json()).toMatchObject({
        statusCode: 409,
        code: 'CONFLICT_OF_INTEREST_ALREADY_DECLARED',
      });
      expect(
        (await send('POST', url, t.kepsek, { ...body, kind: 'BUSINESS', description: 'we run a shop together' }))
          .statusCode,
      ).toBe(201);
      expect(
        (
          await send('POST', url, t.hrA, {
            ...body,
            raterNip: KABID,
            kind: 'OTHER',
            description: 'reported by a colleague',
          })
        ).statusCode,
      ).toBe(201);
      const declared = await h.eventually(async () => {
        const page = await list(t.hrA);
        return page.items.length === 3 ? page : undefined;
      });
      expect(declared.items.map((d) => [d.declaredBy, d.kind, d.active])).toEqual([
        ['RATEE', 'FAMILY', true],
        ['RATER', 'BUSINESS', true],
        ['HR', 'OTHER', true],
      ]);
      const events = await h.api.infrastructure.rawEventStore.readStream(`employee-${GURU1}`);
      expect(events.at(-1)).toMatchObject({
        type: 'ConflictOfInterestDeclared.v1',
        metadata: { actor: { id: 'hr-a', role: 'HR' } },
      });
    });

    it('listed for the ratee, the rater (as involved), HR and auditor; not for others; withdrawn by HR with a reason', async () => {
      const { items } = await list(t.guru1);
      const family = items.find((d) => d.kind === 'FAMILY')!;
      expect((await get(`/api/v1/employees/${KEPSEK}/conflicts-of-interest`, t.kepsek)).statusCode).toBe(200);
      expect((await list(t.auditor)).items).toHaveLength(3);
      for (const token of [t.guru2, t.hrB]) expect((await get(url, token)).statusCode).toBe(403);
      expect((await get(`${url}?active=maybe`, t.hrA)).statusCode).toBe(400);

      const withdrawal = `${url}/${family.declarationId}/withdrawal`;
      const before = await countEvents(h);
      for (const token of [t.guru1, t.kepsek, t.hrB, t.auditor]) {
        expect((await send('POST', withdrawal, token, { reason: 'not a conflict' })).statusCode).toBe(403);
      }
      expect((await send('POST', withdrawal, t.hrA, {})).statusCode).toBe(400);
      expect((await send('POST', `${url}/not-a-uuid/withdrawal`, t.hrA, { reason: 'x' })).statusCode).toBe(400);
      expect(await countEvents(h)).toBe(before);
      expect((await send('POST', withdrawal, t.hrA, { reason: 'declared for the wrong person' })).statusCode).toBe(201);
      expect((await send('POST', withdrawal, t.hrA, { reason: 'again' })).json()).toMatchObject({
        statusCode: 409,
        code: 'DECLARATION_ALREADY_WITHDRAWN',
      });
      const active = await h.eventually(async () => {
        const page = await list(t.hrA, '?active=true');
        return page.items.length === 2 ? page : undefined;
      });
      expect(active.items.map((d) => d.kind)).toEqual(['BUSINESS', 'OTHER']);
      expect((await list(t.hrA, `?raterNip=${KABID}`)).items.map((d) => d.kind)).toEqual(['OTHER']);
    });
  });
});
