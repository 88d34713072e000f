// Transparency for employees through HTTP: the criteria and pinned policy of a cycle, and an employee's standing
// in a 7-person unit (1 SANGAT_BAIK, 4 BAIK, 2 BUTUH_PERBAIKAN) with small counts suppressed (a count of 1 is
// never shown, nor can it be worked out from the total), then with the agency's policy publishing names.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { canonicalJson } from '../../libs/audit/src/canonical-json.js';
import { Role } from '../../libs/auth/src/index.js';
import { DEFAULT_POLICY } from '../../libs/policy/src/default-policy.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { A, NIPS, cycleClient } from './cycles.support.js';
import { tokensFor, type Tokens } from './organization.fixtures.js';
import { MORE, buildSevenPersonUnit, determineSd3, openSd3Cycle, rate } from './transparency.support.js';

const { KEPSEK, GURU1, GURU2 } = NIPS;
const CYCLE = 'tr-2026';
const NAMES_CYCLE = 'tr-names-2026';
const RATINGS = {
  [KEPSEK]: 'BAIK',
  [GURU1]: 'SANGAT_BAIK',
  [GURU2]: 'BAIK',
  [MORE[0]]: 'BAIK',
  [MORE[1]]: 'BAIK',
  [MORE[2]]: 'BUTUH_PERBAIKAN',
  [MORE[3]]: 'BUTUH_PERBAIKAN',
} as const;

interface Standing {
  populationId: string;
  people: number;
  namesPublished: boolean;
  predikat: ({ predikat: string; suppressed: true } | { predikat: string; suppressed: false; count: number })[];
  curve: { bounds: unknown[] } | null;
  override: { used: boolean; justification: string | null };
  standing: Record<string, unknown> | null;
  members?: { nip: string; name: string | null; predikat: string | null }[];
}

describe('transparency for employees', () => {
  let h: ApiHarness;
  let t: Tokens;
  let c: ReturnType<typeof cycleClient>;
  let who: Record<string, string | undefined>;
  beforeAll(async () => {
    h = await startApiHarness({ AUTH_FAILURE_LIMIT: '10000' });
    t = await tokensFor(h);
    c = cycleClient(h);
    await buildSevenPersonUnit(h, t);
    await openSd3Cycle(h, t, CYCLE);
    await c.advance(CYCLE, t.hrA, 'IN_PROGRESS', 'ASSESSMENT');
    await rate(h, CYCLE, RATINGS);
    // BUTUH_PERBAIKAN wants 60% BUTUH_PERBAIKAN and at most 10% SANGAT_BAIK: 2/7 and 1/7 break it.
    await determineSd3(h, t, CYCLE, 'BUTUH_PERBAIKAN', 7, 'tahun transisi kurikulum');
    who = {
      guru1: t.guru1,
      guru2: t.guru2,
      kepsek: t.kepsek,
      employeeB: t.employeeB,
      hrA: t.hrA,
      hrB: t.hrB,
      auditor: t.auditor,
      admin: t.admin,
      anonymous: undefined,
    };
  });
  afterAll(async () => {
    await h.close();
  });

  it('the criteria: pinned policy (version, hash, deadlines, defaults) to every member of the agency', async () => {
    const got: Record<string, number> = {};
    for (const [name, token] of Object.entries(who))
      got[name] = (await c.send('GET', `/api/v1/cycles/${CYCLE}/criteria`, token)).statusCode;
    expect(got).toEqual({
      guru1: 200,
      guru2: 200,
      kepsek: 200,
      employeeB: 403,
      hrA: 200,
      hrB: 403,
      auditor: 200,
      admin: 200,
      anonymous: 401,
    });
    const criteria = (await c.send('GET', `/api/v1/cycles/${CYCLE}/criteria`, t.guru1)).json();
    expect(criteria).toMatchObject({
      cycleId: CYCLE,
      agencyId: A,
      policy: {
        scope: 'national',
        version: 1,
        hash: createHash('sha256').update(canonicalJson(DEFAULT_POLICY)).digest('hex'),
        deadlines: {
          objectionWindow: { days: DEFAULT_POLICY.objection.windowDays },
          statement: { days: 5, counting: 'WORKING' },
          dialogueAcknowledgement: { days: 5, counting: 'WORKING' },
        },
        anonymityMinimum: 3,
        publishNamesInUnit: false,
        content: { predikatMatrix: DEFAULT_POLICY.predikatMatrix, distribution: DEFAULT_POLICY.distribution },
      },
      competencyFramework: null,
    });
    expect((await c.send('GET', '/api/v1/cycles/no-such-cycle/criteria', t.guru1)).statusCode).toBe(404);
    expect((await c.send('GET', '/api/v1/cycles/Not_A_Slug/criteria', t.guru1)).statusCode).toBe(400);
    expect((await c.send('GET', `/api/v1/cycles/${CYCLE}/criteria?extra=1`, t.guru1)).statusCode).toBe(400);
  });

  it('before publication my-standing is 409 RESULT_NOT_PUBLISHED; then the cycle is published', async () => {
    const early = await c.send('GET', `/api/v1/cycles/${CYCLE}/my-standing`, t.guru1);
    expect([early.statusCode, early.json()]).toEqual([409, expect.objectContaining({ code: 'RESULT_NOT_PUBLISHED' })]);
    await c.advance(CYCLE, t.hrA, 'PUBLISHED');
  });

  it('in a 7-person unit, counts of 1 and 2 are suppressed with their complement; the standing names no one', async () => {
    const before = await h.countEvents();
    const sent = await c.send('GET', `/api/v1/cycles/${CYCLE}/my-standing`, t.guru1);
    expect(sent.statusCode).toBe(200);
    const body = sent.json() as Standing;
    expect(body).toMatchObject({
      populationId: 'sd-3',
      unitPredikat: 'BUTUH_PERBAIKAN',
      people: 7,
      anonymityMinimum: 3,
      namesPublished: false,
      override: { used: true, justification: 'tahun transisi kurikulum' },
      curve: { bounds: DEFAULT_POLICY.distribution.curves.BUTUH_PERBAIKAN },
    });
    expect(body.predikat).toEqual([
      { predikat: 'SANGAT_BAIK', suppressed: true },
      { predikat: 'BAIK', suppressed: false, count: 4, share: 0.571 },
      { predikat: 'BUTUH_PERBAIKAN', suppressed: true },
      { predikat: 'KURANG', suppressed: false, count: 0, share: 0 },
      { predikat: 'SANGAT_KURANG', suppressed: false, count: 0, share: 0 },
    ]);
    // GURU1 is the only SANGAT_BAIK: "at" (1) and "below" (which holds the hidden 2) are not shown.
    expect(body.standing).toEqual({
      predikat: 'SANGAT_BAIK',
      above: { suppressed: false, count: 0, share: 0 },
      at: { suppressed: true },
      below: { suppressed: true },
    });
    expect(body.members).toBeUndefined();
    // No count of 1 anywhere, and nobody else's NIP or name.
    expect(sent.body).not.toMatch(/"count":1[,}]/);
    for (const nip of [KEPSEK, GURU2, ...MORE]) expect(sent.body).not.toContain(nip);
    expect(sent.body).not.toContain('Guru ');

    const baik = (await c.send('GET', `/api/v1/cycles/${CYCLE}/my-standing`, t.guru2)).json() as Standing;
    expect(baik.standing).toEqual({
      predikat: 'BAIK',
      above: { suppressed: true },
      at: { suppressed: false, count: 4, share: 0.571 },
      below: { suppressed: true },
    });
    // The cycle's distribution as members of the agency see it hides the same cells.
    const distribution = (await c.send('GET', `/api/v1/cycles/${CYCLE}/distribution`, t.guru1)).json() as {
      populations: { populationId: string; counts: unknown }[];
    };
    expect(distribution.populations).toEqual([
      expect.objectContaining({
        populationId: 'sd-3',
        counts: { SANGAT_BAIK: null, BAIK: 4, BUTUH_PERBAIKAN: null, KURANG: 0, SANGAT_KURANG: 0 },
      }),
    ]);
    expect(await h.countEvents()).toBe(before);
  });

  it('my-standing: only employees of the agency with an appraisal; others 403/404, bad input 400', async () => {
    const got: Record<string, number> = {};
    for (const [name, token] of Object.entries(who))
      got[name] = (await c.send('GET', `/api/v1/cycles/${CYCLE}/my-standing`, token)).statusCode;
    expect(got).toEqual({
      guru1: 200,
      guru2: 200,
      kepsek: 200,
      employeeB: 403,
      hrA: 403,
      hrB: 403,
      auditor: 403,
      admin: 403,
      anonymous: 401,
    });
    const kadis = await h.token({ sub: 'kadis', roles: [Role.EMPLOYEE], agencyId: A, nip: NIPS.KADIS });
    const none = await c.send('GET', `/api/v1/cycles/${CYCLE}/my-standing`, kadis);
    expect([none.statusCode, none.json()]).toEqual([404, expect.objectContaining({ code: 'APPRAISAL_NOT_FOUND' })]);
    expect((await c.send('GET', '/api/v1/cycles/no-such-cycle/my-standing', t.guru1)).statusCode).toBe(404);
    expect((await c.send('GET', `/api/v1/cycles/${CYCLE}/my-standing?nip=${GURU2}`, t.guru1)).statusCode).toBe(400);
  });

  it('with transparency.publishNamesInUnit in the agency policy, the unit sees every name and predikat', async () => {
    const before = await h.countEvents();
    const bad = await c.send('POST', `/api/v1/policies/${A}/versions`, t.hrA, {
      policy: { ...DEFAULT_POLICY, transparency: { publishNamesInUnit: 'ya' } },
      reason: 'salah ketik',
    });
    expect([bad.statusCode, JSON.stringify(bad.json())]).toEqual([400, expect.stringContaining('transparency')]);
    expect(await h.countEvents()).toBe(before);
    await c.ok('POST', `/api/v1/policies/${A}/versions`, t.hrA, {
      policy: { ...DEFAULT_POLICY, title: 'hasil terbuka', transparency: { publishNamesInUnit: true } },
      reason: 'hasil kinerja dibuka dalam unit',
    });
    await h.eventually(async () => {
      const r = await c.send('GET', `/api/v1/policies/${A}/current`, t.hrA);
      return (r.json() as { scope: string }).scope === A ? true : undefined;
    });
    await openSd3Cycle(h, t, NAMES_CYCLE);
    await c.advance(NAMES_CYCLE, t.hrA, 'IN_PROGRESS', 'ASSESSMENT');
    await rate(h, NAMES_CYCLE, RATINGS);
    await determineSd3(h, t, NAMES_CYCLE, 'BUTUH_PERBAIKAN', 7, 'tahun transisi kurikulum');
    await c.advance(NAMES_CYCLE, t.hrA, 'PUBLISHED');

    const criteria = (await c.send('GET', `/api/v1/cycles/${NAMES_CYCLE}/criteria`, t.guru2)).json();
    expect(criteria).toMatchObject({ policy: { scope: A, version: 1, publishNamesInUnit: true } });
    const body = (await c.send('GET', `/api/v1/cycles/${NAMES_CYCLE}/my-standing`, t.guru2)).json() as Standing;
    expect(body.namesPublished).toBe(true);
    expect(body.predikat[0]).toEqual({ predikat: 'SANGAT_BAIK', suppressed: false, count: 1, share: 0.143 });
    expect(body.members).toHaveLength(7);
    expect(body.members).toContainEqual({ nip: GURU1, name: 'Pegawai 1002', predikat: 'SANGAT_BAIK' });
    expect(body.members).toContainEqual({ nip: MORE[2], name: 'Guru 1003', predikat: 'BUTUH_PERBAIKAN' });
  });

  it('/metrics reports the lag of each read model these views use', async () => {
    const metrics = (await c.send('GET', '/metrics', undefined)).body;
    for (const projection of ['appraisals', 'cycles', 'objections', 'employee_directory'])
      expect(metrics).toMatch(new RegExp(`kinerja_projection_lag_events\\{[^}]*projection="${projection}"`));
  });
});
