// Outside any cycle (issue 11): HR lists the agency's people nobody can rate or approve for, from the reporting
// lines, and registers employees without repeating the agency its token already names. Refusals write nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../libs/auth/src/index.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { A, B, NIPS, buildOrganization, ok, send, tokensFor, type Tokens } from './appraisals.support.js';

const LIST = `/api/v1/agencies/${A}/people-without-rater`;

interface Page {
  items: {
    nip: string;
    name: string;
    unitId: string | null;
    rater: { nip: string; name: string | null } | null;
    raterSupervisor: { nip: string; name: string | null } | null;
    source: string | null;
  }[];
  nextCursor: string | null;
}

describe('people without a rater, and the agency an HR registration defaults to', () => {
  let h: ApiHarness;
  let t: Tokens;

  async function refused(
    status: number,
    code: string,
    method: 'GET' | 'POST',
    url: string,
    token?: string,
    body?: unknown,
  ) {
    const before = await h.countEvents();
    const sent = await send(h, method, url, token, body);
    expect({ status: sent.status, code: sent.body.code }).toEqual({ status, code });
    expect(await h.countEvents()).toBe(before);
    return sent.body as { message: string; details?: { field: string; message: string }[] };
  }
  const page = async (query = '', token = t.hrA) =>
    (await ok(h, 'GET', `${LIST}${query}`, token)).body as unknown as Page;

  beforeAll(async () => {
    h = await startApiHarness({ AUTH_FAILURE_LIMIT: '10000' });
    t = await tokensFor(h);
    await buildOrganization(h, t);
    // The reporting lines follow the events: wait until the last head's line is derived.
    await h.eventually(async () => {
      const { items } = await page('?missing=RATER_SUPERVISOR');
      return items.length === 2 ? items : undefined;
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  describe('GET /agencies/{id}/people-without-rater', () => {
    it('missing=RATER: the head of the root unit (rated from outside the agency)', async () => {
      expect(await page('?missing=RATER')).toEqual({
        items: [
          {
            nip: NIPS.KADIS,
            name: `Pegawai ${NIPS.KADIS.slice(-4)}`,
            unitId: 'dinas',
            rater: null,
            raterSupervisor: null,
            source: 'derived',
          },
        ],
        nextCursor: null,
      });
    });

    it('missing=RATER_SUPERVISOR: also whoever is rated by them; without missing: either, paginated by NIP', async () => {
      const gaps = await page('?missing=RATER_SUPERVISOR');
      expect(gaps.items.map((p) => p.nip)).toEqual([NIPS.KADIS, NIPS.KABID]);
      expect(gaps.items[1]).toMatchObject({
        rater: { nip: NIPS.KADIS, name: expect.any(String) },
        raterSupervisor: null,
      });
      const first = await page('?limit=1');
      expect(first).toMatchObject({ items: [{ nip: NIPS.KADIS }], nextCursor: NIPS.KADIS });
      expect(await page(`?limit=1&after=${first.nextCursor}`)).toMatchObject({
        items: [{ nip: NIPS.KABID }],
        nextCursor: null,
      });
    });

    it('a rater override takes the head off the list', async () => {
      await ok(h, 'PUT', `/api/v1/employees/${NIPS.KADIS}/rater-override`, t.hrA, {
        raterNip: NIPS.KEPSEK2,
        reason: 'e2e: penilai sementara',
      });
      const after = await h.eventually(async () => {
        const { items } = await page('?missing=RATER');
        return items.length === 0 ? items : undefined;
      });
      expect(after).toEqual([]);
    });

    it('HR of the agency and AUDITOR only; bad parameters 400; an unknown agency 404', async () => {
      await ok(h, 'GET', LIST, t.auditor);
      for (const token of [t.hrB, t.admin, t.guru1, t.kabid]) await refused(403, 'FORBIDDEN', 'GET', LIST, token);
      await refused(401, 'UNAUTHENTICATED', 'GET', LIST);
      await refused(404, 'AGENCY_NOT_FOUND', 'GET', '/api/v1/agencies/kab-none/people-without-rater', t.auditor);
      await refused(400, 'VALIDATION_FAILED', 'GET', `${LIST}?missing=ATASAN`, t.hrA);
      await refused(400, 'VALIDATION_FAILED', 'GET', `${LIST}?after=abc`, t.hrA);
      await refused(400, 'VALIDATION_FAILED', 'GET', `${LIST}?limit=0`, t.hrA);
      await refused(400, 'VALIDATION_FAILED', 'GET', `${LIST}?unitId=dinas`, t.hrA);
    });
  });

  describe('POST /employees without agencyId', () => {
    const employee = (nip: string) => ({
      nip,
      name: 'Yosephina Wanma, S.Pd.',
      employmentType: 'PNS',
      unitId: 'sd-3',
      positionTitle: 'Guru Ahli Pertama',
      golongan: 'III/a',
      jobType: 'FUNGSIONAL',
    });

    it("HR: the token's agency is the default", async () => {
      const nip = '199506062020122001';
      await ok(h, 'POST', '/api/v1/employees', t.hrA, employee(nip));
      // The directory follows the event.
      const body = await h.eventually(async () => {
        const sent = await send(h, 'GET', `/api/v1/employees/${nip}`, t.hrA);
        return sent.status === 200 ? sent.body : undefined;
      });
      expect(body).toMatchObject({ nip, agencyId: A, unitId: 'sd-3' });
    });

    it('ADMIN must send it: 400 "agencyId is required" (no format errors), nothing written', async () => {
      const error = await refused(
        400,
        'VALIDATION_FAILED',
        'POST',
        '/api/v1/employees',
        t.admin,
        employee('199507072020121002'),
      );
      expect(error.message).toBe('invalid request: agencyId is required');
      expect(error.details).toEqual([{ field: 'agencyId', message: 'agencyId is required' }]);
    });

    it('an HR token without an agency must send it too; null is not absent; another agency is 403', async () => {
      const noAgency = await h.token({ sub: 'hr-none', roles: [Role.HR] });
      const error = await refused(
        400,
        'VALIDATION_FAILED',
        'POST',
        '/api/v1/employees',
        noAgency,
        employee('199508082020121003'),
      );
      expect(error.details).toEqual([{ field: 'agencyId', message: 'agencyId is required' }]);
      const nulled = await refused(400, 'VALIDATION_FAILED', 'POST', '/api/v1/employees', t.hrA, {
        ...employee('199508082020121003'),
        agencyId: null,
      });
      expect(nulled.details?.map((d) => d.field)).toContain('agencyId');
      await refused(403, 'FORBIDDEN', 'POST', '/api/v1/employees', t.hrA, {
        ...employee('199508082020121003'),
        agencyId: B,
      });
    });
  });
});
