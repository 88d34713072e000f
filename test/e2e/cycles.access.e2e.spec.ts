// Who may call every cycle route: anonymous, an employee, a rater, a rater's supervisor (here also the leader one
// level up of sd-3), HR of the agency and of another, auditor, admin (DESIGN section 7, tested as a matrix).
// Write routes are called with a body the domain refuses after the access check (a phase skip, a phase too
// early), so an admitted caller gets that 409 and a refused one 401/403, and nothing is ever written; opening a
// cycle is the exception (each admitted call opens one).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { buildOrganization, tokensFor } from './organization.fixtures.js';
import { Role } from '../../libs/auth/src/index.js';
import { A, B, EVERYONE, IN_SCOPE, NIPS, cycleClient, openBody, tokenOf, type Who } from './cycles.support.js';

const { KABID, KEPSEK, GURU1, GURU2 } = NIPS;
const CYCLE = '/api/v1/cycles/acc-2026';

type Expected = Record<Who, number>;
const only = (allowed: Partial<Record<Who, number>>, otherwise = 403): Expected => ({
  ...(Object.fromEntries(EVERYONE.map((w) => [w, otherwise])) as Expected),
  anonymous: 401,
  ...allowed,
});

describe('cycle routes: access matrix', () => {
  let h: ApiHarness;
  let c: ReturnType<typeof cycleClient>;
  let opened = 0;
  beforeAll(async () => {
    h = await startApiHarness();
    c = cycleClient(h);
    await buildOrganization(h, await tokensFor(h));
    const hr = await tokenOf(h, 'HR own');
    await c.ok('POST', '/api/v1/cycles', hr, openBody('acc-2026'));
    await c.eventually<{ items: unknown[] }>(`${CYCLE}/appraisals`, hr, (p) => p.items.length === IN_SCOPE.length);
    await c.eventually<{ items: unknown[] }>(`/api/v1/cycles?agencyId=${A}`, hr, (p) => p.items.length === 1);
  });
  afterAll(async () => {
    await h.close();
  });

  const cases = (expected: Expected) => EVERYONE.map((who) => [who, expected[who]] as const);

  describe.each([
    ['POST /cycles/{id}/phase (a skip)', 'POST', `${CYCLE}/phase`, { to: 'CLOSED', reason: 'uji akses' }, 409],
    ['POST /cycles/{id}/publication/retry (not published)', 'POST', `${CYCLE}/publication/retry`, undefined, 409],
    ['POST /cycles/{id}/reconcile (nothing to change)', 'POST', `${CYCLE}/reconcile`, undefined, 200],
  ] as const)('%s', (_name, method, url, body, admitted) => {
    it.each(cases(only({ 'HR own': admitted, ADMIN: admitted })))('as %s: %d', async (who, status) => {
      const before = await h.countEvents();
      const response = await c.send(method, url, await tokenOf(h, who), body);
      expect([who, response.statusCode]).toEqual([who, status]);
      if (status === 403) expect(response.json()).toMatchObject({ code: 'FORBIDDEN' });
      expect(await h.countEvents()).toBe(before);
    });
  });

  describe.each([
    ['PUT …/populations/sd-3/unit-predikat (too early)', 'PUT', 'unit-predikat', { unitPredikat: 'BAIK', reason: 'x' }],
    ['POST …/populations/sd-3/determination (too early)', 'POST', 'determination', {}],
  ] as const)('%s: the leader one level up, HR of the agency, ADMIN', (_name, method, route, body) => {
    const expected = only({ 'HR own': 409, ADMIN: 409, RATER_SUPERVISOR: 409 });
    it.each(cases(expected))('as %s: %d', async (who, status) => {
      const before = await h.countEvents();
      const url = `${CYCLE}/populations/sd-3/${route}`;
      const response = await c.send(method, url, await tokenOf(h, who), body);
      expect([who, response.statusCode]).toEqual([who, status]);
      if (status === 409) expect(response.json()).toMatchObject({ code: 'WRONG_CYCLE_PHASE' });
      expect(await h.countEvents()).toBe(before);
    });
  });

  it.each(cases(only({ 'HR own': 201, ADMIN: 201 })))('POST /cycles as %s: %d', async (who, status) => {
    const before = await h.countEvents();
    const cycleId = `acc-open-${++opened}`;
    const response = await c.send('POST', '/api/v1/cycles', await tokenOf(h, who), openBody(cycleId));
    expect([who, response.statusCode]).toEqual([who, status]);
    expect(await h.countEvents()).toBe(status === 201 ? before + 1 + IN_SCOPE.length : before);
    if (status === 201) {
      const [event] = await h.api.infrastructure.rawEventStore.readStream(`cycle-${cycleId}`);
      expect(event.metadata.actor.role).toBe(who === 'ADMIN' ? 'ADMIN' : 'HR');
    }
  });

  it.each(cases(only({ 'HR own': 200, AUDITOR: 200, ADMIN: 200 })))(
    'GET /cycles?agencyId=own as %s: %d',
    async (who, status) => {
      const response = await c.send('GET', `/api/v1/cycles?agencyId=${A}`, await tokenOf(h, who));
      expect([who, response.statusCode]).toEqual([who, status]);
      if (status === 200) expect((response.json() as { items: unknown[] }).items.length).toBeGreaterThan(0);
    },
  );

  it('GET /cycles as HR of another agency: its own (none here) by default', async () => {
    const response = await c.send('GET', '/api/v1/cycles', await tokenOf(h, 'HR other'));
    expect([response.statusCode, response.json()]).toEqual([200, { items: [], nextCursor: null }]);
  });

  it.each(
    cases(only({ 'EMPLOYEE own': 200, RATER: 200, RATER_SUPERVISOR: 200, 'HR own': 200, AUDITOR: 200, ADMIN: 200 })),
  )('GET /cycles/{id} as %s: %d', async (who, status) => {
    const response = await c.send('GET', CYCLE, await tokenOf(h, who));
    expect([who, response.statusCode]).toEqual([who, status]);
    if (status === 200) expect(response.headers.etag).toBe('W/"0"');
  });

  // Rows by relation: the rater (KEPSEK) rates GURU1 and GURU2; KABID rates KEPSEK and supervises the raters of
  // GURU1 and GURU2; everyone sees their own row.
  const sorted = (...nips: string[]) => nips.sort();
  const rows: Partial<Record<Who, string[]>> = {
    'EMPLOYEE own': [GURU1],
    RATER: sorted(KEPSEK, GURU1, GURU2),
    RATER_SUPERVISOR: sorted(KABID, KEPSEK, GURU1, GURU2),
    'HR own': IN_SCOPE,
    AUDITOR: IN_SCOPE,
    // ADMIN: none (403): appraisals are personal data; the technical role runs cycles without reading them.
  };
  it.each(cases(only(Object.fromEntries(Object.keys(rows).map((w) => [w, 200])))))(
    'GET /cycles/{id}/appraisals as %s: %d, only the rows of its relations',
    async (who, status) => {
      const response = await c.send('GET', `${CYCLE}/appraisals`, await tokenOf(h, who));
      expect([who, response.statusCode]).toEqual([who, status]);
      if (status === 200) {
        expect((response.json() as { items: { nip: string }[] }).items.map((a) => a.nip)).toEqual(rows[who]);
      }
    },
  );

  it('GET /cycles/{id}/appraisals?raterNip= narrows within the relations, never widens them', async () => {
    const rater = await tokenOf(h, 'RATER');
    const response = await c.send('GET', `${CYCLE}/appraisals?raterNip=${KABID}`, rater);
    expect((response.json() as { items: { nip: string }[] }).items.map((a) => a.nip)).toEqual([KEPSEK]);
    const page = await c.send('GET', `${CYCLE}/appraisals?limit=2`, await tokenOf(h, 'HR own'));
    expect(page.json()).toMatchObject({ items: [{}, {}], nextCursor: IN_SCOPE[1] });
  });

  it.each(cases(only({ RATER: 200, RATER_SUPERVISOR: 200, 'HR own': 200, AUDITOR: 200 })))(
    'GET …/populations/sd-3/distribution-check as %s: %d (raters of it and its leader too; not ADMIN: it names people)',
    async (who, status) => {
      const url = `${CYCLE}/populations/sd-3/distribution-check?unitPredikat=BAIK`;
      const response = await c.send('GET', url, await tokenOf(h, who));
      expect([who, response.statusCode]).toEqual([who, status]);
      if (status === 200) expect(response.json()).toMatchObject({ unapproved: [KEPSEK, GURU1, GURU2].sort() });
    },
  );

  it.each(cases(only({ 'HR own': 200, AUDITOR: 200, ADMIN: 200 })))(
    'GET /cycles/{id}/distribution before publication as %s: %d (ADMIN: anonymous aggregates only)',
    async (who, status) => {
      const response = await c.send('GET', `${CYCLE}/distribution`, await tokenOf(h, who));
      expect([who, response.statusCode]).toEqual([who, status]);
      if (status !== 200) return;
      const populations = (response.json() as { populations: Record<string, unknown>[] }).populations;
      expect(populations.length).toBeGreaterThan(0);
      for (const population of populations) {
        expect(['violations' in population, 'override' in population]).toEqual(
          who === 'ADMIN' ? [false, false] : [true, true],
        );
      }
    },
  );

  it('a person token of another agency carrying an in-scope NIP lists no appraisal rows (403)', async () => {
    const stranger = await h.token({ sub: 'x', roles: [Role.EMPLOYEE, Role.RATER], agencyId: B, nip: KEPSEK });
    const response = await c.send('GET', `${CYCLE}/appraisals`, stranger);
    expect([response.statusCode, (response.json() as { code: string }).code]).toEqual([403, 'FORBIDDEN']);
  });
});
