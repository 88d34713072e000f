// Follow-ups of the organization issue over HTTP: vacating a unit head (reporting lines defer to the nearest
// head above) and the keyset-paginated list of agencies; with the access matrix and bad input writing nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import {
  A,
  B,
  NIPS,
  buildOrganization,
  countEvents,
  lineEventually,
  tokensFor,
  type Tokens,
} from './organization.fixtures.js';

const { KADIS, KABID, KEPSEK, GURU1, GURU2, PLT } = NIPS;
const REASON = 'Kepala sekolah pensiun per 1 Juli 2026 (SK 821/2026)';

describe('unit heads and the agency list through HTTP', () => {
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

  const vacate = (unitId: string, token: string | undefined, body: unknown, headers: Record<string, string> = {}) =>
    h.request({ method: 'DELETE', url: `/api/v1/agencies/${A}/units/${unitId}/head`, token, body, headers });
  const agencyRevision = async () =>
    (await h.api.infrastructure.rawEventStore.readStream(`agency-${A}`)).at(-1)!.revision;

  describe('DELETE /agencies/{id}/units/{unitId}/head', () => {
    it('HR of another agency, auditor, employees 403, anonymous 401; bad input 4xx with codes; nothing written', async () => {
      const before = await countEvents(h);
      for (const token of [t.hrB, t.auditor, t.guru1, t.kepsek, t.employeeB]) {
        expect((await vacate('sd-3', token, { reason: REASON })).statusCode).toBe(403);
      }
      expect((await vacate('sd-3', undefined, { reason: REASON })).statusCode).toBe(401);
      const refusals: [string, unknown, Record<string, string>, number, string][] = [
        ['sd-3', {}, {}, 400, 'VALIDATION_FAILED'],
        ['sd-3', { reason: '' }, {}, 400, 'VALIDATION_FAILED'],
        ['sd-3', { reason: REASON, nip: KEPSEK }, {}, 400, 'VALIDATION_FAILED'],
        ['sd-3', { reason: 'x'.repeat(2001) }, {}, 400, 'VALIDATION_FAILED'],
        ['sd-3', { reason: '   ' }, {}, 400, 'REASON_REQUIRED'],
        ['SD 3', { reason: REASON }, {}, 400, 'VALIDATION_FAILED'],
        ['sd-3', { reason: REASON }, { 'if-match': 'yesterday' }, 400, 'INVALID_IF_MATCH'],
        ['nowhere', { reason: REASON }, {}, 404, 'UNIT_NOT_FOUND'],
        ['bidang-smp', { reason: REASON }, {}, 409, 'UNIT_HEAD_VACANT'],
        ['sd-3', { reason: REASON }, { 'if-match': `W/"${(await agencyRevision()) - 1n}"` }, 412, 'STALE_REVISION'],
      ];
      for (const [unitId, body, headers, status, code] of refusals) {
        const r = await vacate(unitId, t.hrA, body, headers);
        expect({ unitId, body, status: r.statusCode, code: (r.json() as { code: string }).code }).toEqual({
          unitId,
          body,
          status,
          code,
        });
      }
      const noAgency = await h.request({
        method: 'DELETE',
        url: '/api/v1/agencies/kab-none/units/sd-3/head',
        token: t.admin,
        body: { reason: REASON },
      });
      expect(noAgency.json()).toMatchObject({ statusCode: 404, code: 'AGENCY_NOT_FOUND' });
      expect(await countEvents(h)).toBe(before);
    });

    it("HR of the agency vacates with If-Match: UnitHeadVacated with the reason; the unit's people defer to the head above", async () => {
      const revision = await agencyRevision();
      const correlationId = '3f2b8c4d-1e6a-4b7c-9d8e-0f1a2b3c4d5e';
      const r = await vacate(
        'sd-3',
        t.hrA,
        { reason: `  ${REASON} ` },
        {
          'if-match': `W/"${revision}"`,
          'x-correlation-id': correlationId,
        },
      );
      expect(r.statusCode).toBe(200);
      expect(r.headers.etag).toBe(`W/"${revision + 1n}"`);
      expect(r.json()).toEqual({ revision: String(revision + 1n) });
      const event = (await h.api.infrastructure.rawEventStore.readStream(`agency-${A}`)).at(-1)!;
      expect(event).toMatchObject({
        type: 'UnitHeadVacated.v1',
        data: { agencyId: A, unitId: 'sd-3', previousNip: KEPSEK, reason: REASON },
        metadata: { actor: { id: 'hr-a', role: 'HR' }, reason: REASON, correlationId },
      });
      await lineEventually(h, t.hrA, GURU1, (l) => l.rater?.nip === KABID && l.raterSupervisor?.nip === KADIS);
      await lineEventually(h, t.hrA, GURU2, (l) => l.rater?.nip === KABID);
      await lineEventually(h, t.hrA, KEPSEK, (l) => l.rater?.nip === KABID && l.source === 'derived');
      const sd3 = await h.eventually(async () => {
        const page = (
          await h.request({ method: 'GET', url: `/api/v1/agencies/${A}/units`, token: t.auditor })
        ).json() as {
          items: { unitId: string; headNip: string | null }[];
        };
        const unit = page.items.find((u) => u.unitId === 'sd-3');
        return unit?.headNip === null ? unit : undefined;
      });
      expect(sd3).toMatchObject({ unitId: 'sd-3', headNip: null });
      const before = await countEvents(h);
      expect((await vacate('sd-3', t.hrA, { reason: REASON })).json()).toMatchObject({
        statusCode: 409,
        code: 'UNIT_HEAD_VACANT',
      });
      expect(await countEvents(h)).toBe(before);
    });

    it('ADMIN vacates a head higher up; a new head ends a vacancy and the lines follow again', async () => {
      expect((await vacate('bidang-sd', t.admin, { reason: 'mutasi ke Dinas Kesehatan' })).statusCode).toBe(200);
      await lineEventually(h, t.hrA, GURU1, (l) => l.rater?.nip === KADIS && l.raterSupervisor === null);
      await lineEventually(h, t.hrA, KABID, (l) => l.rater?.nip === KADIS);
      const assigned = await h.request({
        method: 'PUT',
        url: `/api/v1/agencies/${A}/units/sd-3/head`,
        token: t.hrA,
        body: { nip: PLT },
      });
      expect(assigned.statusCode).toBe(200);
      const event = (await h.api.infrastructure.rawEventStore.readStream(`agency-${A}`)).at(-1)!;
      expect(event).toMatchObject({
        type: 'UnitHeadAssigned.v1',
        data: { unitId: 'sd-3', nip: PLT, previousNip: null },
      });
      await lineEventually(h, t.hrA, GURU1, (l) => l.rater?.nip === PLT && l.raterSupervisor?.nip === KADIS);
    });
  });

  it('OpenAPI documents the new routes, with examples of their bodies and answers', async () => {
    type Doc = {
      paths: Record<string, Record<string, { summary?: string; parameters?: { name: string }[] }>>;
      components: { schemas: Record<string, { properties: Record<string, { example?: unknown }> }> };
    };
    const doc = (await h.request({ method: 'GET', url: '/docs/openapi.json' })).json() as Doc;
    const operations = [
      ['/api/v1/agencies/{agencyId}/units/{unitId}/head', 'delete'],
      ['/api/v1/agencies', 'get'],
      ['/api/v1/employees/{nip}/name', 'put'],
      ['/api/v1/employees/{nip}/reports', 'get'],
      ['/api/v1/employees/{nip}/conflicts-of-interest', 'get'],
    ];
    for (const [path, method] of operations) expect(doc.paths[path]?.[method]).toHaveProperty('summary');
    const params = (path: string, method: string) => doc.paths[path][method].parameters!.map((p) => p.name).sort();
    expect(params('/api/v1/agencies', 'get')).toEqual(['after', 'limit']);
    expect(params('/api/v1/employees/{nip}/reports', 'get')).toEqual(['after', 'limit', 'nip']);
    expect(params('/api/v1/employees/{nip}/conflicts-of-interest', 'get')).toEqual(
      expect.arrayContaining(['after', 'limit', 'active', 'raterNip']),
    );
    expect(params('/api/v1/agencies/{agencyId}/units/{unitId}/head', 'delete')).toContain('If-Match');
    const example = (schema: string, property: string) => doc.components.schemas[schema]?.properties[property]?.example;
    expect(example('VacateUnitHeadRequest', 'reason')).toEqual(expect.any(String));
    expect(example('RenameEmployeeRequest', 'name')).toEqual(expect.any(String));
    expect(example('AgencyPageResponse', 'nextCursor')).toEqual(expect.any(String));
    expect(example('AgencyItem', 'unitCount')).toEqual(expect.any(Number));
    expect(example('ReportsPageResponse', 'nextCursor')).toMatch(/^(direct|indirect):\d{18}$/);
    expect(example('DeclarationPageResponse', 'nextCursor')).toEqual(expect.any(String));
  });

  describe('GET /agencies', () => {
    interface Page {
      items: { agencyId: string; name: string; timeZone: string; rootUnitId: string | null; unitCount: number }[];
      nextCursor: string | null;
    }
    const list = async (token: string | undefined, query = '') =>
      h.request({ method: 'GET', url: `/api/v1/agencies${query}`, token });

    it('ADMIN and AUDITOR see every agency by id, one page at a time, with root unit and unit count', async () => {
      const all = await h.eventually(async () => {
        const page = (await list(t.admin)).json() as Page;
        return page.items.length === 2 && page.items.every((a) => a.rootUnitId !== null) ? page : undefined;
      });
      expect(all).toEqual({
        items: [
          expect.objectContaining({ agencyId: B, name: 'Kabupaten Sorong', rootUnitId: 'setda', unitCount: 1 }),
          expect.objectContaining({ agencyId: A, timeZone: 'Asia/Jayapura', rootUnitId: 'dinas', unitCount: 4 }),
        ],
        nextCursor: null,
      });
      expect((await list(t.auditor)).json()).toEqual(all);
      const first = (await list(t.auditor, '?limit=1')).json() as Page;
      expect([first.items.map((a) => a.agencyId), first.nextCursor]).toEqual([[B], B]);
      const second = (await list(t.auditor, `?limit=1&after=${first.nextCursor}`)).json() as Page;
      expect([second.items.map((a) => a.agencyId), second.nextCursor]).toEqual([[A], null]);
      expect((await list(t.admin, `?after=${A}`)).json()).toEqual({ items: [], nextCursor: null });
    });

    it('HR sees its own agency only, whatever the cursor', async () => {
      const own = (await list(t.hrA)).json() as Page;
      expect(own.items.map((a) => a.agencyId)).toEqual([A]);
      expect(own.nextCursor).toBeNull();
      expect(((await list(t.hrB, '?limit=1')).json() as Page).items.map((a) => a.agencyId)).toEqual([B]);
      expect(((await list(t.hrA, `?after=${B}`)).json() as Page).items.map((a) => a.agencyId)).toEqual([A]);
      expect(((await list(t.hrB, `?after=${B}`)).json() as Page).items).toEqual([]);
    });

    it('employees and raters 403, anonymous 401; bad paging 400; nothing written', async () => {
      const before = await countEvents(h);
      for (const token of [t.guru1, t.kepsek, t.employeeB]) expect((await list(token)).statusCode).toBe(403);
      expect((await list(undefined)).statusCode).toBe(401);
      for (const query of ['?limit=0', '?limit=501', '?limit=ten', '?after=Kab%20Sorong', '?agencyId=' + A]) {
        const r = await list(t.admin, query);
        expect({ query, status: r.statusCode, body: r.json() }).toMatchObject({
          query,
          status: 400,
          body: { code: 'VALIDATION_FAILED' },
        });
      }
      expect(await countEvents(h)).toBe(before);
    });
  });
});
