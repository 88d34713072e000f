// Follow-ups of the organization issue over HTTP: renaming an employee (the directory and reporting lines follow),
// and keyset pagination of the conflict-of-interest list and of the reports list; with the access matrix and bad
// input writing nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import {
  NIPS,
  buildOrganization,
  countEvents,
  lineEventually,
  tokensFor,
  type Tokens,
} from './organization.fixtures.js';

const { KADIS, KABID, KEPSEK, GURU1, GURU2, PLT } = NIPS;
const UNKNOWN = '197001012000011009';

describe('employee records through HTTP: rename, paginated declarations and reports', () => {
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

  const get = (url: string, token: string | undefined) => h.request({ method: 'GET', url, token });
  const send = (
    method: 'PUT' | 'POST',
    url: string,
    token: string | undefined,
    body: unknown,
    headers: Record<string, string> = {},
  ) => h.request({ method, url, token, body, headers });
  const lastEvent = async (nip: string) =>
    (await h.api.infrastructure.rawEventStore.readStream(`employee-${nip}`)).at(-1)!;

  describe('PUT /employees/{nip}/name', () => {
    const url = `/api/v1/employees/${KEPSEK}/name`;
    const body = { name: 'Yohanis Mandacan, S.Pd., M.Pd.', reason: 'gelar magister (ijazah 2026)' };

    it('HR of another agency, auditor, the employee themself 403, anonymous 401; bad input 4xx; nothing written', async () => {
      const before = await countEvents(h);
      for (const token of [t.hrB, t.auditor, t.kepsek, t.guru1]) {
        expect((await send('PUT', url, token, body)).statusCode).toBe(403);
      }
      expect((await send('PUT', url, undefined, body)).statusCode).toBe(401);
      const stale = `W/"${(await lastEvent(KEPSEK)).revision + 5n}"`;
      const refusals: [string, unknown, Record<string, string>, number, string][] = [
        [url, { name: body.name }, {}, 400, 'VALIDATION_FAILED'],
        [url, { reason: body.reason }, {}, 400, 'VALIDATION_FAILED'],
        [url, { ...body, name: 'x'.repeat(201) }, {}, 400, 'VALIDATION_FAILED'],
        [url, { ...body, unitId: 'dinas' }, {}, 400, 'VALIDATION_FAILED'],
        [url, { ...body, name: '   ' }, {}, 400, 'INVALID_NAME'],
        [url, { ...body, reason: '  ' }, {}, 400, 'REASON_REQUIRED'],
        [url, body, { 'if-match': 'W/"x"' }, 400, 'INVALID_IF_MATCH'],
        [url, body, { 'if-match': stale }, 412, 'STALE_REVISION'],
        ['/api/v1/employees/123/name', body, {}, 400, 'VALIDATION_FAILED'],
        [`/api/v1/employees/${UNKNOWN}/name`, body, {}, 404, 'EMPLOYEE_NOT_FOUND'],
      ];
      for (const [target, payload, headers, status, code] of refusals) {
        const r = await send('PUT', target, t.hrA, payload, headers);
        expect({ payload, status: r.statusCode, code: (r.json() as { code: string }).code }).toEqual({
          payload,
          status,
          code,
        });
      }
      expect(await countEvents(h)).toBe(before);
    });

    it('HR renames with If-Match: EmployeeRenamed with the previous name; directory, reporting lines and history follow', async () => {
      const revision = (await lastEvent(KEPSEK)).revision;
      const r = await send('PUT', url, t.hrA, body, { 'if-match': `W/"${revision}"` });
      expect(r.statusCode).toBe(200);
      expect(r.headers.etag).toBe(`W/"${revision + 1n}"`);
      expect(await lastEvent(KEPSEK)).toMatchObject({
        type: 'EmployeeRenamed.v1',
        data: { nip: KEPSEK, name: body.name, previousName: `Pegawai ${KEPSEK.slice(-4)}`, reason: body.reason },
        metadata: { actor: { id: 'hr-a', role: 'HR' }, reason: body.reason },
      });
      const record = await h.eventually(async () => {
        const view = (await get(`/api/v1/employees/${KEPSEK}`, t.hrA)).json() as { name: string; revision: string };
        return view.name === body.name ? view : undefined;
      });
      expect(record.revision).toBe(String(revision + 1n));
      await lineEventually(h, t.guru1, GURU1, (l) => l.rater?.name === body.name);
      const reports = (await get(`/api/v1/employees/${KABID}/reports`, t.hrA)).json() as {
        directReports: { nip: string; name: string }[];
      };
      expect(reports.directReports).toEqual([{ nip: KEPSEK, name: body.name }]);
      const history = (await get(`/api/v1/employees/${KEPSEK}/history`, t.auditor)).json() as {
        items: { type: string; reason: string | null }[];
      };
      expect(history.items.at(-1)).toMatchObject({ type: 'EmployeeRenamed.v1', reason: body.reason });
    });

    it('the same name again writes nothing (same ETag); ADMIN renames too', async () => {
      const before = await countEvents(h);
      const again = await send('PUT', url, t.hrA, { ...body, name: ` ${body.name} ` });
      expect(again.statusCode).toBe(200);
      expect(again.headers.etag).toBe(`W/"${(await lastEvent(KEPSEK)).revision}"`);
      expect(await countEvents(h)).toBe(before);
      expect((await send('PUT', url, t.admin, { name: 'Yohanis Mandacan', reason: 'koreksi data' })).statusCode).toBe(
        200,
      );
      expect(await lastEvent(KEPSEK)).toMatchObject({
        data: { name: 'Yohanis Mandacan', previousName: body.name },
        metadata: { actor: { id: 'admin-1', role: 'ADMIN' } },
      });
    });
  });

  describe('GET /employees/{nip}/conflicts-of-interest, paginated', () => {
    const url = `/api/v1/employees/${GURU1}/conflicts-of-interest`;
    interface Page {
      items: { declarationId: string; kind: string; active: boolean }[];
      nextCursor: string | null;
    }
    const page = async (token: string, query: string) => (await get(`${url}${query}`, token)).json() as Page;
    const ids: string[] = [];

    beforeAll(async () => {
      const declarations = [
        { raterNip: KEPSEK, kind: 'FAMILY', description: 'the rater is my uncle' },
        { raterNip: KEPSEK, kind: 'BUSINESS', description: 'we run a shop together' },
        { raterNip: KABID, kind: 'OTHER', description: 'reported by a colleague' },
      ];
      for (const body of declarations) {
        const r = await send('POST', url, t.hrA, body);
        expect(r.statusCode).toBe(201);
        ids.push((r.json() as { declarationId: string }).declarationId);
      }
      await h.eventually(async () => ((await page(t.hrA, '')).items.length === 3 ? true : undefined));
    });

    it('pages oldest first with a declaration-id cursor; active and raterNip filter before paging', async () => {
      const first = await page(t.hrA, '?limit=2');
      expect(first.items.map((d) => d.declarationId)).toEqual(ids.slice(0, 2));
      expect(first.nextCursor).toBe(ids[1]);
      const second = await page(t.guru1, `?limit=2&after=${first.nextCursor}`);
      expect([second.items.map((d) => d.declarationId), second.nextCursor]).toEqual([[ids[2]], null]);
      expect(await page(t.auditor, '?limit=3')).toMatchObject({ nextCursor: null });
      expect((await page(t.hrA, `?raterNip=${KEPSEK}&limit=1&after=${ids[0]}`)).items.map((d) => d.kind)).toEqual([
        'BUSINESS',
      ]);
      expect(await page(t.hrA, '?after=5f0c8a9e-1b2d-4c3e-8f4a-6b7c8d9e0f1a')).toEqual({ items: [], nextCursor: null });
    });

    it('withdrawal honours If-Match (412 stale, nothing written) and the correlation id; active=false pages withdrawn ones', async () => {
      const withdrawal = `${url}/${ids[1]}/withdrawal`;
      const before = await countEvents(h);
      const revision = (await lastEvent(GURU1)).revision;
      const stale = await send(
        'POST',
        withdrawal,
        t.hrA,
        { reason: 'salah orang' },
        { 'if-match': `W/"${revision - 1n}"` },
      );
      expect(stale.json()).toMatchObject({ statusCode: 412, code: 'STALE_REVISION' });
      expect(await countEvents(h)).toBe(before);
      const correlationId = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
      const ok = await send(
        'POST',
        withdrawal,
        t.hrA,
        { reason: 'salah orang' },
        { 'if-match': `W/"${revision}"`, 'x-correlation-id': correlationId },
      );
      expect(ok.statusCode).toBe(201);
      expect(ok.headers.etag).toBe(`W/"${revision + 1n}"`);
      expect(ok.json()).toEqual({ revision: String(revision + 1n) });
      expect((await lastEvent(GURU1)).metadata).toMatchObject({ correlationId, reason: 'salah orang' });

      const active = await h.eventually(async () => {
        const p = await page(t.hrA, '?active=true&limit=1');
        return p.items[0]?.declarationId === ids[0] && p.nextCursor === ids[0] ? p : undefined;
      });
      expect(active.items).toHaveLength(1);
      expect((await page(t.hrA, `?active=true&limit=1&after=${active.nextCursor}`)).items.map((d) => d.kind)).toEqual([
        'OTHER',
      ]);
      expect(await page(t.hrA, '?active=false')).toMatchObject({
        items: [{ declarationId: ids[1], active: false }],
        nextCursor: null,
      });
    });

    it('others 403; bad paging 400; nothing written', async () => {
      const before = await countEvents(h);
      for (const token of [t.guru2, t.hrB, t.employeeB]) expect((await get(url, token)).statusCode).toBe(403);
      expect((await get(url, undefined)).statusCode).toBe(401);
      for (const query of ['?limit=0', '?limit=501', '?after=not-a-uuid', '?active=maybe', '?page=2']) {
        const r = await get(`${url}${query}`, t.hrA);
        expect({ query, status: r.statusCode, code: (r.json() as { code: string }).code }).toEqual({
          query,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
      }
      expect(await countEvents(h)).toBe(before);
    });
  });

  describe('GET /employees/{nip}/reports, paginated', () => {
    interface Page {
      directReports: { nip: string }[];
      reportsOfReports: { nip: string }[];
      nextCursor: string | null;
    }
    const reports = async (nip: string, query = '', token = t.hrA) =>
      (await get(`/api/v1/employees/${nip}/reports${query}`, token)).json() as Page;
    const nips = (p: Page) => [p.directReports.map((r) => r.nip), p.reportsOfReports.map((r) => r.nip), p.nextCursor];

    it('direct reports first, then reports of reports, each by NIP; the cursor says which list it stopped in', async () => {
      expect(nips(await reports(KABID))).toEqual([[KEPSEK], [GURU1, GURU2], null]);
      expect(nips(await reports(KADIS))).toEqual([[KABID, PLT], [KEPSEK], null]);
      const p1 = await reports(KABID, '?limit=1');
      expect(nips(p1)).toEqual([[KEPSEK], [], `direct:${KEPSEK}`]);
      const p2 = await reports(KABID, `?limit=1&after=${p1.nextCursor}`);
      expect(nips(p2)).toEqual([[], [GURU1], `indirect:${GURU1}`]);
      const p3 = await reports(KABID, `?limit=1&after=${p2.nextCursor}`, t.auditor);
      expect(nips(p3)).toEqual([[], [GURU2], null]);
      expect(nips(await reports(KABID, '?limit=2'))).toEqual([[KEPSEK], [GURU1], `indirect:${GURU1}`]);
      expect(nips(await reports(KABID, '?limit=3'))).toEqual([[KEPSEK], [GURU1, GURU2], null]);
      expect(nips(await reports(KADIS, `?limit=1&after=direct:${KABID}`))).toEqual([[PLT], [], `direct:${PLT}`]);
      expect(nips(await reports(GURU1, '', t.guru1))).toEqual([[], [], null]);
    });

    it('others 403; bad paging 400; nothing written', async () => {
      const before = await countEvents(h);
      for (const token of [t.hrB, t.guru2, t.employeeB]) {
        expect((await get(`/api/v1/employees/${KABID}/reports`, token)).statusCode).toBe(403);
      }
      for (const query of [
        '?limit=0',
        '?limit=501',
        `?after=${KEPSEK}`,
        '?after=direct:123',
        '?after=sideways:' + KEPSEK,
      ]) {
        const r = await get(`/api/v1/employees/${KABID}/reports${query}`, t.hrA);
        expect({ query, status: r.statusCode }).toEqual({ query, status: 400 });
      }
      expect((await get(`/api/v1/employees/${UNKNOWN}/reports`, t.admin)).statusCode).toBe(404);
      expect(await countEvents(h)).toBe(before);
    });
  });
});
