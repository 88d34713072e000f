// The subjectivity audits of a cycle through HTTP: who may read them, that every route answers with the numbers
// libs/audits computes from the approved ratings, and the per-rater CSV parsed by a real CSV parser.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../libs/auth/src/index.js';
import { readCsvRecords } from '../../libs/organization-import/src/csv/csv-parser.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { buildOrganization, tokensFor, type Tokens } from './organization.fixtures.js';
import { A, NIPS, appendApprovedRating, cycleClient, openBody } from './cycles.support.js';

const { KADIS, KABID, KEPSEK, GURU1, GURU2 } = NIPS;
const CYCLE = 'audit-2026';
const BASE = `/api/v1/cycles/${CYCLE}/audits`;
const ROUTES = [
  'rater-effects',
  'central-tendency',
  'halo',
  'gaps?by=unit',
  'group-gaps?dimension=gender',
  'evidence',
  'conflicts-of-interest',
  'curve',
  'raters.csv',
];

describe('subjectivity audits of a cycle', () => {
  let h: ApiHarness;
  let t: Tokens;
  let c: ReturnType<typeof cycleClient>;
  beforeAll(async () => {
    h = await startApiHarness({ AUTH_FAILURE_LIMIT: '10000' });
    t = await tokensFor(h);
    c = cycleClient(h);
    await buildOrganization(h, t);
    await c.ok('POST', '/api/v1/cycles', t.hrA, openBody(CYCLE, { rootUnitId: 'sd-3' }));
    await c.eventually<{ items: unknown[] }>(`/api/v1/cycles/${CYCLE}/appraisals`, t.hrA, (p) => p.items.length === 3);
    await c.advance(CYCLE, t.hrA, 'IN_PROGRESS', 'ASSESSMENT');
    await appendApprovedRating(h, CYCLE, KEPSEK, 'BAIK', KABID, KADIS, [
      { code: 'INTEGRITAS', level: 3 },
      { code: 'KERJA_SAMA', level: 3 },
      { code: 'KOMUNIKASI', level: 3 },
    ]);
    await appendApprovedRating(h, CYCLE, GURU1, 'SANGAT_BAIK', KEPSEK, KABID);
    await appendApprovedRating(h, CYCLE, GURU2, 'BUTUH_PERBAIKAN', KEPSEK, KABID);
    await h.eventually(async () => {
      const r = await c.send('GET', `${BASE}/rater-effects`, t.hrA);
      return r.statusCode === 200 && (r.json() as { ratings: number }).ratings === 3 ? true : undefined;
    });
  });
  afterAll(async () => {
    await h.close();
  });

  it('HR of the agency and AUDITOR read every audit; HR of another agency, ADMIN, employees and raters do not', async () => {
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
    for (const route of ROUTES) {
      const got: Record<string, number> = {};
      for (const [name, token] of Object.entries(who))
        got[name] = (await c.send('GET', `${BASE}/${route}`, token)).statusCode;
      expect({ route, got }).toEqual({
        route,
        got: { hrA: 200, auditor: 200, hrB: 403, admin: 403, guru1: 403, kabid: 403, anonymous: 401 },
      });
    }
    expect((await c.send('GET', '/api/v1/cycles/no-such/audits/halo', t.auditor)).statusCode).toBe(404);
    expect((await c.send('GET', `${BASE}/group-gaps?dimension=shoe-size`, t.hrA)).statusCode).toBe(400);
    expect((await c.send('GET', `${BASE}/halo?asOf=2026`, t.hrA)).statusCode).toBe(400);
  });

  it('answers the numbers behind each audit, flagging nobody on so few ratings', async () => {
    const effects = (await c.send('GET', `${BASE}/rater-effects`, t.auditor)).json() as {
      ratings: number;
      raters: number;
      effects: { raterNip: string; ratings: number; raterMean: number; flag: string | null; reason: string }[];
    };
    expect(effects).toMatchObject({ ratings: 3, raters: 2 });
    // KEPSEK's two ratings: SANGAT_BAIK (4) and BUTUH_PERBAIKAN (1): mean 2.5.
    expect(effects.effects.find((e) => e.raterNip === KEPSEK)).toMatchObject({
      ratings: 2,
      raterMean: 2.5,
      flag: null,
    });
    expect(effects.effects.every((e) => e.reason.startsWith('fewer than 5'))).toBe(true);
    const halo = (await c.send('GET', `${BASE}/halo`, t.hrA)).json() as {
      items: { raterNip: string; uniform: number }[];
    };
    expect(halo.items.find((x) => x.raterNip === KABID)).toMatchObject({ uniform: 1 });
    const groups = (await c.send('GET', `${BASE}/group-gaps?dimension=gender`, t.hrA)).json() as {
      items: { group: string; suppressed: boolean }[];
    };
    // Three people, under the anonymity minimum of 3 in at least one gender: nothing is shown that names a few.
    expect(groups.items.every((g) => g.suppressed)).toBe(true);
    const evidence = (await c.send('GET', `${BASE}/evidence`, t.hrA)).json() as {
      items: { raterNip: string; offSesuai: number }[];
    };
    expect(evidence.items.find((e) => e.raterNip === KEPSEK)).toMatchObject({ offSesuai: 2 });
  });

  it('shows the population against the national pattern; without a unit predikat there is no pinned curve yet', async () => {
    const curve = (await c.send('GET', `${BASE}/curve`, t.auditor)).json() as {
      cycle: { rated: number; againstNational: Record<string, number> };
      populations: { populationId: string; rated: number; pinnedCurve: unknown; override: unknown }[];
      overrides: number;
    };
    // One SANGAT_BAIK, one BAIK, one BUTUH_PERBAIKAN: a third each, against 11.8%, 88% and 0.15% nationally.
    expect(curve.cycle).toMatchObject({
      rated: 3,
      againstNational: { SANGAT_BAIK: 21.5, BAIK: -54.7, BUTUH_PERBAIKAN: 33.2 },
    });
    expect(curve.populations).toEqual([
      expect.objectContaining({ populationId: 'sd-3', rated: 3, pinnedCurve: null, override: null }),
    ]);
    expect(curve.overrides).toBe(0);
  });

  it('exports one row per rater as CSV with a BOM that a CSV parser reads back', async () => {
    const sent = await c.send('GET', `${BASE}/raters.csv`, t.hrA);
    expect(sent.headers['content-type']).toContain('text/csv');
    expect(sent.body.charCodeAt(0)).toBe(0xfeff);
    const records: string[][] = [];
    for await (const record of readCsvRecords([sent.body.slice(1)])) records.push(record.fields);
    expect(records[0]).toEqual(expect.arrayContaining(['rater_nip', 'effect_sd', 'leniency_flag', 'halo_flag']));
    expect(
      records
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([KABID, KEPSEK].sort());
  });
});
