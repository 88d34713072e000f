// People nobody can rate or approve (issue 4: only the assigned people act) are made visible: POST /cycles and
// POST …/reconcile name them, GET …/appraisals?missing= lists them (page by page). HR's fix is a rater override
// followed by reconcile, which records the rater change on the appraisal and empties the lists.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../libs/auth/src/index.js';
import { appraisalStreamName } from '../../libs/appraisal/src/appraisal/appraisal-events.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { buildOrganization, lineEventually, tokensFor, type Tokens } from './organization.fixtures.js';
import { A, NIPS, cycleClient, openBody } from './cycles.support.js';

const { KADIS, KABID, KEPSEK, GURU1, GURU2, PLT } = NIPS;
/** Sekretaris Daerah: registered in the root unit, so outside a cycle rooted at bidang-sd. */
const SEKDA = '196801011990031001';

type Page = {
  items: { nip: string; raterNip: string | null; raterSupervisorNip: string | null }[];
  nextCursor: string | null;
};

describe('appraisals without a rater or rater supervisor', () => {
  let h: ApiHarness;
  let t: Tokens;
  let c: ReturnType<typeof cycleClient>;
  beforeAll(async () => {
    h = await startApiHarness();
    t = await tokensFor(h);
    c = cycleClient(h);
    await buildOrganization(h, t);
    await lineEventually(h, t.hrA, PLT, (l) => l.rater?.nip === KADIS);
  });
  afterAll(async () => {
    await h.close();
  });

  const list = (cycleId: string, query: string, token = t.hrA) =>
    c.send('GET', `/api/v1/cycles/${cycleId}/appraisals?${query}`, token);
  const allOf = (cycleId: string, count: number) =>
    c.eventually<Page>(`/api/v1/cycles/${cycleId}/appraisals`, t.hrA, (p) => p.items.length === count);

  it('POST /cycles names them: the root head has no rater, whoever he rates has no rater supervisor', async () => {
    const response = await c.send('POST', '/api/v1/cycles', t.hrA, openBody('dinas-2026', { rootUnitId: 'dinas' }));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      appraisalsStarted: 6,
      withoutRater: [KADIS],
      withoutRaterSupervisor: [KADIS, KABID, PLT],
    });
  });

  it('GET …/appraisals?missing= lists exactly them, page by page, and composes with relation-based access', async () => {
    await allOf('dinas-2026', 6);
    const missingRater = await list('dinas-2026', 'missing=RATER');
    expect(missingRater.json()).toEqual({
      items: [expect.objectContaining({ nip: KADIS, raterNip: null })],
      nextCursor: null,
    });

    const pages: string[][] = [];
    let after = '';
    for (;;) {
      const page = (await list('dinas-2026', `missing=RATER_SUPERVISOR&status=ACTIVE&limit=1${after}`)).json() as Page;
      pages.push(page.items.map((a) => a.nip));
      expect(page.items.every((a) => a.raterSupervisorNip === null)).toBe(true);
      if (page.nextCursor === null) break;
      after = `&after=${page.nextCursor}`;
    }
    expect(pages).toEqual([[KADIS], [KABID], [PLT]]);
    const two = (await list('dinas-2026', 'missing=RATER_SUPERVISOR&limit=2')).json() as Page;
    expect([two.items.map((a) => a.nip), two.nextCursor]).toEqual([[KADIS, KABID], KABID]);

    // KABID (rater and rater's supervisor) sees his own row and those he rates or whose rater he supervises
    const kabid = await h.token({
      sub: 'kabid',
      roles: [Role.EMPLOYEE, Role.RATER, Role.RATER_SUPERVISOR],
      agencyId: A,
      nip: KABID,
    });
    const own = (await list('dinas-2026', 'missing=RATER_SUPERVISOR', kabid)).json() as Page;
    expect(own.items.map((a) => a.nip)).toEqual([KABID]);
    const bad = await list('dinas-2026', 'missing=BOSS');
    expect([bad.statusCode, (bad.json() as { code: string }).code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('the fix: a rater override for the root head, then reconcile records the change and empties the lists', async () => {
    // A cycle of bidang-sd: KABID is rated by KADIS, who heads the agency's root unit and has no rater of his own.
    const opened = await c.send('POST', '/api/v1/cycles', t.hrA, openBody('sd-2026'));
    expect(opened.json()).toMatchObject({ withoutRater: [], withoutRaterSupervisor: [KABID] });
    const before = await c.eventually<Page>(
      '/api/v1/cycles/sd-2026/appraisals?missing=RATER_SUPERVISOR',
      t.hrA,
      (p) => p.items.length > 0,
    );
    expect(before.items.map((a) => a.nip)).toEqual([KABID]);

    await c.ok('POST', '/api/v1/employees', t.hrA, {
      nip: SEKDA,
      name: 'Sekretaris Daerah',
      employmentType: 'PNS',
      agencyId: A,
      unitId: 'dinas',
      positionTitle: 'Sekretaris Daerah',
      golongan: 'IV/d',
      jobType: 'JPT',
    });
    await c.ok('PUT', `/api/v1/employees/${KADIS}/rater-override`, t.hrA, {
      raterNip: SEKDA,
      reason: 'Kepala dinas dinilai oleh Sekretaris Daerah',
    });
    await lineEventually(h, t.hrA, KABID, (l) => l.rater?.nip === KADIS && l.raterSupervisor?.nip === SEKDA);

    const count = await h.countEvents();
    const reconciled = await c.send('POST', '/api/v1/cycles/sd-2026/reconcile', t.hrA);
    expect([reconciled.statusCode, reconciled.json()]).toEqual([
      200,
      expect.objectContaining({
        started: [],
        raterChanged: [{ nip: KABID, fromRaterNip: KADIS, toRaterNip: KADIS, raterSupervisorNip: SEKDA }],
        refused: [],
        withoutRater: [],
        withoutRaterSupervisor: [],
      }),
    ]);
    expect(await h.countEvents()).toBe(count + 1);
    const last = (await h.api.infrastructure.rawEventStore.readStream(appraisalStreamName('sd-2026', KABID))).at(-1);
    expect(last).toMatchObject({ type: 'RaterChanged.v1', data: { raterSupervisorNip: SEKDA } });

    const after = await c.eventually<Page>(
      '/api/v1/cycles/sd-2026/appraisals?missing=RATER_SUPERVISOR',
      t.hrA,
      (p) => p.items.length === 0,
    );
    expect(after).toEqual({ items: [], nextCursor: null });
    expect((await list('sd-2026', 'missing=RATER')).json()).toEqual({ items: [], nextCursor: null });
    const all = (await allOf('sd-2026', 4)).items.map((a) => a.nip);
    expect(all).toEqual([KABID, KEPSEK, GURU1, GURU2].sort());
  });
});
