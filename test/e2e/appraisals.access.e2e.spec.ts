// The access matrix of one appraisal (GURU1's), every route × every relation, through HTTP. Relations come
// from the appraisal's state; the roles in the token only admit a caller to the route. Writes are sent with a
// stale If-Match: a caller the policy admits reaches the executor and gets 412 STALE_REVISION, a refused one
// gets 403 (401 without a token), and in neither case is anything written.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AccessPolicyAudit } from '../../apps/api/src/auth/index.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import {
  NIPS,
  advancePhase,
  allValues,
  appraisalUrl,
  buildOrganization,
  changeRater,
  guruRhk,
  kepsekRhk,
  ok,
  openCycle,
  send,
  tokensFor,
  type TokenName,
  type Tokens,
} from './appraisals.support.js';

const WHO = {
  employeeOwn: 'guru1',
  employeeOther: 'guru5',
  peerReviewer: 'guru2',
  rater: 'kepsek',
  raterOtherTeam: 'kepsek2',
  raterSupervisor: 'kabid',
  hrOwnAgency: 'hrA',
  hrOtherAgency: 'hrB',
  auditor: 'auditor',
  anonymous: null,
} as const satisfies Record<string, TokenName | null>;
type Who = keyof typeof WHO;
const EVERYONE = Object.keys(WHO) as Who[];

const { rhkId: _rhkId, ...rhkBody } = guruRhk('rhk-1', 'iki-1');
const STALE = { 'if-match': 'W/"999999"' };

/** [method, path under the appraisal, body, who may]. */
const ROUTES: ['GET' | 'POST' | 'PUT', string, unknown, Who[]][] = [
  ['GET', '', undefined, ['employeeOwn', 'rater', 'raterSupervisor', 'hrOwnAgency', 'auditor']],
  ['GET', '/events', undefined, ['hrOwnAgency', 'auditor']],
  ['POST', '/plan/rhk', guruRhk('rhk-m', 'iki-m'), ['employeeOwn']],
  ['PUT', '/plan/rhk/rhk-1', rhkBody, ['employeeOwn']],
  ['POST', '/plan/rhk/rhk-1/removal', { reason: 'tidak relevan' }, ['employeeOwn']],
  ['POST', '/plan/submission', undefined, ['employeeOwn']],
  ['POST', '/plan/return', { comments: 'perbaiki' }, ['rater']],
  ['POST', '/plan/approval', undefined, ['rater']],
  ['POST', '/behaviour-expectations', { value: 'LOYAL', expectation: 'Menjaga rahasia jabatan' }, ['rater']],
  ['POST', '/feedback-requests', { askedNip: NIPS.GURU6, note: 'mohon masukan' }, ['employeeOwn']],
  ['POST', '/feedback', { text: 'bagus' }, ['rater']],
  ['POST', '/realisations', { rhkId: 'rhk-1', ikiId: 'iki-1-1', value: 50 }, ['employeeOwn', 'rater']],
  ['POST', '/evidence', { kind: 'LINK', url: 'https://a.example/b', description: 'b' }, ['employeeOwn', 'rater']],
  ['POST', '/comments', { on: { kind: 'RHK', id: 'rhk-1' }, text: 'ok' }, ['employeeOwn', 'rater', 'raterSupervisor']],
  ['POST', '/dialogue-notes', { heldOn: '2025-06-01', text: 'dialog' }, ['employeeOwn', 'rater']],
  [
    'POST',
    '/self-assessment',
    { rhk: [], values: allValues('SESUAI_EKSPEKTASI'), hasilKerja: 'SESUAI_EKSPEKTASI', perilaku: 'SESUAI_EKSPEKTASI' },
    ['employeeOwn'],
  ],
  ['POST', '/peer-reviewers/proposals', { reviewerNip: NIPS.GURU3 }, ['employeeOwn']],
  ['PUT', '/peer-reviewers', { reviewerNips: [NIPS.GURU2, NIPS.GURU3] }, ['rater']],
  ['POST', '/peer-inputs', { values: [{ value: 'HARMONIS', rating: 'SESUAI_EKSPEKTASI' }] }, ['peerReviewer']],
  ['POST', '/ratings', { realisations: [], hasilKerja: 'SESUAI_EKSPEKTASI', perilaku: 'SESUAI_EKSPEKTASI' }, ['rater']],
  ['POST', '/ratings/1/approval', undefined, ['raterSupervisor']],
  ['POST', '/ratings/1/return', { reasons: 'tinjau ulang' }, ['raterSupervisor']],
  ['POST', '/receipt', undefined, ['employeeOwn']],
];

/** The status each caller must get: a read answers 200 when allowed; a write with a stale If-Match 412. */
const expected = (method: string, allowed: Who[], who: Who) =>
  who === 'anonymous' ? 401 : !allowed.includes(who) ? 403 : method === 'GET' ? 200 : 412;

describe("access to one employee's appraisal, every route × every relation", () => {
  let h: ApiHarness;
  let t: Tokens;
  const url = appraisalUrl(NIPS.GURU1);

  beforeAll(async () => {
    h = await startApiHarness();
    t = await tokensFor(h);
    await buildOrganization(h, t);
    await openCycle(h);
    await ok(h, 'POST', `${appraisalUrl(NIPS.KEPSEK)}/plan/rhk`, t.kepsek, kepsekRhk);
    await ok(h, 'POST', `${url}/plan/rhk`, t.guru1, guruRhk('rhk-1', 'iki-1'));
    await ok(h, 'POST', `${url}/plan/submission`, t.guru1);
    await ok(h, 'POST', `${url}/plan/approval`, t.kepsek);
    await advancePhase(h, 'PLANNING', 'IN_PROGRESS');
    await ok(h, 'PUT', `${url}/peer-reviewers`, t.kepsek, { reviewerNips: [NIPS.GURU2, NIPS.GURU3, NIPS.GURU4] });
  });
  afterAll(async () => {
    await h.close();
  });

  it.each(ROUTES.map((r) => [`${r[0]} .../appraisals/{nip}${r[1]}`, ...r] as const))(
    '%s',
    async (_route, method, path, body, allowed) => {
      const before = await h.countEvents();
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const who of EVERYONE) {
        const name = WHO[who];
        const sent = await send(h, method, `${url}${path}`, name === null ? undefined : t[name], body, STALE);
        got[who] = sent.status;
        want[who] = expected(method, allowed, who);
        if (sent.status === 412) expect(sent.body.code).toBe('STALE_REVISION');
        if (sent.status === 403) expect(sent.body.code).toBe('FORBIDDEN');
      }
      expect(got).toEqual(want);
      expect(await h.countEvents()).toBe(before);
    },
  );

  it('a person asked for feedback may answer that request only, and reads nothing', async () => {
    const request = await ok(h, 'POST', `${url}/feedback-requests`, t.guru1, { askedNip: NIPS.GURU6 });
    const before = await h.countEvents();
    const answer = await send(h, 'POST', `${url}/feedback`, t.guru6, { text: 'ok', requestId: request.body.id }, STALE);
    expect(answer.status).toBe(412);
    expect((await send(h, 'POST', `${url}/feedback`, t.guru6, { text: 'ok' }, STALE)).status).toBe(403);
    expect((await send(h, 'POST', `${url}/feedback`, t.guru5, { text: 'ok', requestId: request.body.id })).status).toBe(
      403,
    );
    expect((await send(h, 'GET', url, t.guru6)).status).toBe(403);
    expect(await h.countEvents()).toBe(before);
    await ok(h, 'POST', `${url}/feedback`, t.guru6, { text: 'Pembelajaran menarik.', requestId: request.body.id });
  });

  it("relations follow the appraisal's state: a rater change moves the rights with it; ADMIN reads none", async () => {
    const other = appraisalUrl(NIPS.GURU6);
    const status = async (name: TokenName) => (await send(h, 'GET', other, t[name])).status;
    expect([await status('kepsek'), await status('kepsek2'), await status('kabid'), await status('guru1')]).toEqual([
      403, 200, 200, 403,
    ]);
    await changeRater(h, NIPS.GURU6, NIPS.KEPSEK2, { raterNip: NIPS.KEPSEK, raterSupervisorNip: NIPS.KABID });
    expect([await status('kepsek'), await status('kepsek2')]).toEqual([200, 403]);
    const before = await h.countEvents();
    expect((await send(h, 'POST', `${other}/feedback`, t.kepsek2, { text: 'x' })).status).toBe(403);
    expect(await h.countEvents()).toBe(before);
    expect(await status('admin')).toBe(403);
  });

  it('documents every appraisal route in OpenAPI, and none lacks an access policy', async () => {
    const doc = (await h.request({ method: 'GET', url: '/docs/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    };
    for (const [method, path] of ROUTES) {
      const template = path.replace('/rhk/rhk-1', '/rhk/{rhkId}').replace('/ratings/1/', '/ratings/{version}/');
      const documented = doc.paths[`/api/v1/cycles/{cycleId}/appraisals/{nip}${template}`];
      expect([method, path, documented?.[method.toLowerCase()] !== undefined]).toEqual([method, path, true]);
      if (method !== 'GET') {
        expect(documented[method.toLowerCase()].parameters?.map((p) => p.name)).toContain('If-Match');
      }
    }
    expect(h.api.app.get(AccessPolicyAudit).routesWithoutAccessPolicy()).toEqual([]);
  });
});
