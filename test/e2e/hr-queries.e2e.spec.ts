// HR's work lists of a cycle through HTTP (README "HR queries"): overdue plans, ratings and keberatan as the
// cycle moves on and the API's clock passes the decision deadline, follow-ups after publication, each as JSON
// pages and as CSV read back with the import's RFC 4180 parser; the access matrix and bad input.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../libs/auth/src/index.js';
import { readCsvRecords } from '../../libs/organization-import/src/csv/csv-parser.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { A, NIPS, appendApprovedRating, cycleClient, openBody } from './cycles.support.js';
import { buildOrganization, tokensFor, type Tokens } from './organization.fixtures.js';

const { KADIS, KABID, KEPSEK, GURU1, GURU2 } = NIPS;
const CYCLE = 'hr-2026';
const BASE = `/api/v1/cycles/${CYCLE}`;

type Page = { items: { nip?: string; kind?: string; objectionId?: string }[]; nextCursor: string | null };

async function csvOf(body: string): Promise<string[][]> {
  expect(body.charCodeAt(0)).toBe(0xfeff);
  const rows: string[][] = [];
  for await (const record of readCsvRecords([Buffer.from(body.slice(1), 'utf8')])) {
    expect(record.problem).toBeUndefined();
    rows.push(record.fields);
  }
  return rows;
}

describe('HR queries of a cycle: overdue, follow-ups, CSV', () => {
  let h: ApiHarness;
  let t: Tokens;
  let c: ReturnType<typeof cycleClient>;
  let now = new Date('2026-12-01T00:00:00.000Z');
  const get = async (url: string, token: string | undefined = t.hrA) => {
    const r = await c.send('GET', url, token);
    expect({ url, status: r.statusCode }).toEqual({ url, status: 200 });
    return r;
  };
  const nips = async (url: string) => ((await get(url)).json() as Page).items.map((i) => i.nip);

  beforeAll(async () => {
    h = await startApiHarness({ AUTH_FAILURE_LIMIT: '10000' }, { clock: { now: () => now } });
    t = await tokensFor(h);
    c = cycleClient(h);
    await buildOrganization(h, t);
    await c.ok('POST', '/api/v1/cycles', t.hrA, openBody(CYCLE, { rootUnitId: 'sd-3' }));
    await c.eventually<{ items: unknown[] }>(`${BASE}/appraisals`, t.hrA, (p) => p.items.length === 3);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('plans: none overdue in PLANNING; every unapproved plan once the cycle is IN_PROGRESS, paginated, as CSV', async () => {
    expect((await get(`${BASE}/overdue?kind=PLAN`)).json()).toEqual({
      kind: 'PLAN',
      cycleId: CYCLE,
      phase: 'PLANNING',
      overdueFrom: 'IN_PROGRESS',
      items: [],
      nextCursor: null,
    });
    await c.advance(CYCLE, t.hrA, 'IN_PROGRESS');
    expect(await nips(`${BASE}/overdue?kind=PLAN`)).toEqual([GURU1, GURU2, KEPSEK].sort());
    const first = (await get(`${BASE}/overdue?kind=PLAN&limit=2`)).json() as Page;
    expect(first.items).toHaveLength(2);
    const second = (await get(`${BASE}/overdue?kind=PLAN&limit=2&after=${first.nextCursor}`)).json() as Page;
    expect([...first.items, ...second.items].map((i) => i.nip)).toEqual([GURU1, GURU2, KEPSEK].sort());
    expect(second.nextCursor).toBeNull();
    expect(await nips(`${BASE}/overdue?kind=PLAN&unitId=bidang-sd`)).toEqual([]);

    const csv = await get(`${BASE}/overdue.csv?kind=PLAN`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const [header, ...rows] = await csvOf(csv.body);
    expect(header).toEqual(expect.arrayContaining(['nip', 'name', 'unit_id', 'rater_nip', 'plan_status']));
    const at = (name: string) => header.indexOf(name);
    expect(rows.map((r) => [r[at('nip')], r[at('plan_status')]])).toEqual(
      [GURU1, GURU2, KEPSEK].sort().map((nip) => [nip, 'DRAFT']),
    );
    expect(rows.find((r) => r[at('nip')] === GURU1)?.[at('rater_nip')]).toBe(KEPSEK);
  });

  it('ratings: none overdue in ASSESSMENT; unapproved ones once in DETERMINATION, until approved', async () => {
    await c.advance(CYCLE, t.hrA, 'ASSESSMENT');
    await appendApprovedRating(h, CYCLE, KEPSEK, 'BAIK', KABID, KADIS);
    await appendApprovedRating(h, CYCLE, GURU1, 'SANGAT_BAIK', KEPSEK, KABID);
    expect(await nips(`${BASE}/overdue?kind=RATING`)).toEqual([]);
    await c.ok(
      'PUT',
      `${BASE}/populations/sd-3/unit-predikat`,
      t.hrA,
      { unitPredikat: 'BAIK', reason: 'capaian' },
      200,
    );
    await c.advance(CYCLE, t.hrA, 'DETERMINATION');
    await h.eventually(async () => ((await nips(`${BASE}/overdue?kind=RATING`)).join() === GURU2 ? true : undefined));
    await appendApprovedRating(h, CYCLE, GURU2, 'BUTUH_PERBAIKAN', KEPSEK, KABID);
    await h.eventually(async () => ((await nips(`${BASE}/overdue?kind=RATING`)).length === 0 ? true : undefined));
  });

  it('follow-ups after publication: TALENT_POOL for SANGAT_BAIK, COACHING for BUTUH_PERBAIKAN; CSV', async () => {
    expect(await nips(`${BASE}/follow-ups`)).toEqual([]);
    await c.ok('POST', `${BASE}/populations/sd-3/determination`, t.hrA, {});
    await c.ok('POST', `${BASE}/phase`, t.hrA, { to: 'PUBLISHED', reason: 'penetapan selesai' });
    const all = await h.eventually(async () => {
      const page = (await get(`${BASE}/follow-ups`)).json() as Page;
      return page.items.length === 2 ? page : undefined;
    });
    expect(all.items).toEqual([
      expect.objectContaining({ nip: GURU1, kind: 'TALENT_POOL', publishedPredikat: 'SANGAT_BAIK' }),
      expect.objectContaining({ nip: GURU2, kind: 'COACHING', publishedPredikat: 'BUTUH_PERBAIKAN' }),
    ]);
    expect(await nips(`${BASE}/follow-ups?kind=COACHING`)).toEqual([GURU2]);
    const [header, ...rows] = await csvOf((await get(`${BASE}/follow-ups.csv?kind=TALENT_POOL`, t.auditor)).body);
    expect(rows.map((r) => [r[header.indexOf('kind')], r[header.indexOf('nip')], r[header.indexOf('name')]])).toEqual([
      ['TALENT_POOL', GURU1, 'Pegawai 1002'],
    ]);
  });

  it('the appraisal list as CSV with the list filters', async () => {
    const [header, ...rows] = await csvOf((await get(`${BASE}/appraisals.csv?predikat=BAIK`)).body);
    expect(rows.map((r) => r[header.indexOf('nip')])).toEqual([KEPSEK]);
    const everyone = await csvOf((await get(`${BASE}/appraisals.csv?limit=1`)).body);
    expect(everyone).toHaveLength(4);
  });

  it("objections: open past the pinned policy's decision deadline by the API's clock; CSV", async () => {
    const guru2 = await h.token({ sub: 'guru-2', roles: [Role.EMPLOYEE], agencyId: A, nip: GURU2 });
    now = new Date('2027-01-04T02:00:00.000Z');
    await c.ok('POST', `${BASE}/appraisals/${GURU2}/receipt`, guru2);
    await c.ok('POST', `${BASE}/appraisals/${GURU2}/objections`, guru2, {
      objectionId: 'keb-hr-1',
      reasons: 'Realisasi IKI melampaui target; bukti terlampir.',
      items: [{ kind: 'HASIL_KERJA_RATING' }],
    });
    await h.eventually(async () => {
      const queue = (await get(`/api/v1/objections?cycleId=${CYCLE}`)).json() as Page;
      return queue.items.length === 1 ? true : undefined;
    });
    const ids = async () =>
      ((await get(`${BASE}/overdue?kind=OBJECTION`)).json() as Page).items.map((i) => i.objectionId);
    expect(await ids()).toEqual([]);
    now = new Date('2027-03-01T00:00:00.000Z');
    expect(await ids()).toEqual(['keb-hr-1']);
    const [header, ...rows] = await csvOf((await get(`${BASE}/overdue.csv?kind=OBJECTION`)).body);
    expect(rows.map((r) => [r[header.indexOf('objection_id')], r[header.indexOf('overdue')]])).toEqual([
      ['keb-hr-1', 'true'],
    ]);
  });

  it('HR of the agency and AUDITOR only; bad input is 400 and nothing is written', async () => {
    const kabid = await h.token({ sub: 'kabid', roles: [Role.RATER, Role.RATER_SUPERVISOR], agencyId: A, nip: KABID });
    const who = {
      hrA: t.hrA,
      auditor: t.auditor,
      hrB: t.hrB,
      admin: t.admin,
      guru1: t.guru1,
      kabid,
      anonymous: undefined,
    };
    const routes = ['overdue?kind=PLAN', 'overdue.csv?kind=RATING', 'follow-ups', 'follow-ups.csv', 'appraisals.csv'];
    for (const route of routes) {
      const got: Record<string, number> = {};
      for (const [name, token] of Object.entries(who))
        got[name] = (await c.send('GET', `${BASE}/${route}`, token)).statusCode;
      expect({ route, got }).toEqual({
        route,
        got: { hrA: 200, auditor: 200, hrB: 403, admin: 403, guru1: 403, kabid: 403, anonymous: 401 },
      });
    }
    const before = await h.countEvents();
    for (const bad of [
      `${BASE}/overdue`,
      `${BASE}/overdue?kind=LATE`,
      `${BASE}/overdue?kind=PLAN&limit=0`,
      `${BASE}/overdue?kind=PLAN&after=not%20a%20cursor`,
      `${BASE}/overdue.csv?kind=PLAN&limit=5`,
      `${BASE}/follow-ups?kind=PROMOTION`,
      `${BASE}/follow-ups?sort=nip`,
      `${BASE}/appraisals.csv?predikat=LUAR_BIASA`,
      '/api/v1/cycles/Bad_Cycle/overdue?kind=PLAN',
    ]) {
      const r = await c.send('GET', bad, t.hrA);
      expect({ bad, status: r.statusCode }).toEqual({ bad, status: 400 });
    }
    expect((await c.send('GET', '/api/v1/cycles/no-such/follow-ups', t.auditor)).statusCode).toBe(404);
    expect(await h.countEvents()).toBe(before);
  });

  it('documents the routes in OpenAPI with a summary', async () => {
    const doc = (await c.send('GET', '/docs/openapi.json', undefined)).json() as {
      paths: Record<string, Record<string, { summary?: string }>>;
    };
    for (const path of [
      '/api/v1/cycles/{cycleId}/overdue',
      '/api/v1/cycles/{cycleId}/overdue.csv',
      '/api/v1/cycles/{cycleId}/follow-ups',
      '/api/v1/cycles/{cycleId}/follow-ups.csv',
      '/api/v1/cycles/{cycleId}/appraisals.csv',
      '/api/v1/cycles/{cycleId}/criteria',
      '/api/v1/cycles/{cycleId}/my-standing',
    ])
      expect([path, doc.paths[path]?.get?.summary]).toEqual([path, expect.any(String)]);
  });
});
