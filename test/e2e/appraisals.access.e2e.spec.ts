// The access matrix of one appraisal (GURU1's), every route × every relation, through HTTP. Relations come
// from the appraisal's state; the roles in the token only admit a caller to the route. Writes are sent with a
// stale If-Match: a caller the policy admits reaches the executor and gets 412 STALE_REVISION, a refused one
// gets 403 (401 without a token), and in neither case is anything written.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AccessPolicyAudit } from '../../apps/api/src/auth/index.js';
import { Role } from '../../libs/auth/src/index.js';
import { appraisalStreamName, type AppraisalEvent } from '../../libs/appraisal/src/appraisal/appraisal-events.js';
import { objectionDeadline } from '../../libs/policy/src/deadlines.js';
import { DEFAULT_POLICY } from '../../libs/policy/src/default-policy.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import {
  B,
  CYCLE,
  append,
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
  admin: 'admin',
  employeeOwnOtherAgency: 'guru1B',
  peerReviewerOtherAgency: 'guru2B',
  raterOtherAgency: 'kepsekB',
  raterSupervisorOtherAgency: 'kabidB',
  anonymous: null,
} as const satisfies Record<string, TokenName | OtherAgencyName | null>;
type Who = keyof typeof WHO;
const EVERYONE = Object.keys(WHO) as Who[];

/**
 * Tokens carrying the NIP of someone with a relation to the appraisal but another agency's claim (B): the NIP
 * alone is no relation, so each is refused everything.
 */
const OTHER_AGENCY = {
  guru1B: { nip: NIPS.GURU1, roles: [Role.EMPLOYEE] },
  guru2B: { nip: NIPS.GURU2, roles: [Role.EMPLOYEE] },
  kepsekB: { nip: NIPS.KEPSEK, roles: [Role.EMPLOYEE, Role.RATER] },
  kabidB: { nip: NIPS.KABID, roles: [Role.EMPLOYEE, Role.RATER, Role.RATER_SUPERVISOR] },
} as const;
type OtherAgencyName = keyof typeof OTHER_AGENCY;

const { rhkId: _rhkId, ...rhkBody } = guruRhk('rhk-1', 'iki-1');
const filedObjection = (): AppraisalEvent => {
  const deadline = objectionDeadline(DEFAULT_POLICY, '2026-01-05T01:00:00.000Z', 'Asia/Jayapura');
  return {
    type: 'ObjectionFiled.v1',
    data: {
      objectionId: 'obj-1',
      filedByNip: NIPS.GURU1,
      recordedByHr: false,
      letterReceivedOn: null,
      letterScanSha256: null,
      reasons: 'keberatan',
      items: [{ kind: 'HASIL_KERJA_RATING' }],
      evidence: [],
      ratingVersion: 1,
      deciderNip: NIPS.KABID,
      window: deadline,
      decisionDue: deadline,
      filedAt: '2026-01-06T01:00:00.000Z',
    },
  };
};
const STALE = { 'if-match': 'W/"999999"' };

/** [method, path under the appraisal, body, who may]. */
const ROUTES: ['GET' | 'POST' | 'PUT', string, unknown, Who[]][] = [
  ['GET', '', undefined, ['employeeOwn', 'rater', 'raterSupervisor', 'hrOwnAgency', 'auditor']],
  ['GET', '/events', undefined, ['hrOwnAgency', 'auditor']],
  ['GET', '/replay', undefined, ['hrOwnAgency', 'auditor']],
  ['GET', '/integrity', undefined, ['hrOwnAgency', 'auditor']],
  ['GET', '/evidence-pack', undefined, ['hrOwnAgency', 'auditor']],
  ['GET', '/cascade-sources', undefined, ['employeeOwn', 'rater', 'hrOwnAgency', 'auditor']],
  ['GET', '/score-history', undefined, ['employeeOwn', 'rater', 'raterSupervisor', 'hrOwnAgency', 'auditor']],
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
  ['POST', '/dialogue-notes/dialog-1/acknowledgement', { comment: 'sudah dibahas' }, ['employeeOwn']],
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
  ['POST', '/objections', { reasons: 'keberatan', items: [{ kind: 'HASIL_KERJA_RATING' }] }, ['employeeOwn']],
  [
    'POST',
    '/objections/paper',
    {
      reasons: 'surat keberatan',
      items: [{ kind: 'PERILAKU_RATING' }],
      letterReceivedOn: '2026-01-10',
      letterScanSha256: 'a'.repeat(64),
    },
    ['hrOwnAgency'],
  ],
  ['PUT', '/objections/obj-1/decider', { deciderNip: NIPS.KADIS, reason: 'tidak ada atasan' }, ['hrOwnAgency']],
  ['POST', '/objections/obj-1/statement-requests', { party: 'RATER' }, ['raterSupervisor']],
  ['POST', '/objections/obj-1/statements', { statement: 'keterangan' }, ['employeeOwn', 'rater']],
  ['POST', '/objections/obj-1/decision', { outcome: 'UPHELD', reasons: 'tetap' }, ['raterSupervisor']],
  ['POST', '/objections/obj-1/withdrawal', { reason: 'batal' }, ['employeeOwn']],
];

/** The status each caller must get: a read answers 200 when allowed; a write with a stale If-Match 412. */
const expected = (method: string, allowed: Who[], who: Who) =>
  who === 'anonymous' ? 401 : !allowed.includes(who) ? 403 : method === 'GET' ? 200 : 412;

describe("access to one employee's appraisal, every route × every relation", () => {
  let h: ApiHarness;
  let t: Tokens & Record<OtherAgencyName, string>;
  const url = appraisalUrl(NIPS.GURU1);

  beforeAll(async () => {
    // One anonymous request per route from one address: more than the default failed-authentication limit.
    h = await startApiHarness({ AUTH_FAILURE_LIMIT: '10000' });
    const others = await Promise.all(
      Object.entries(OTHER_AGENCY).map(async ([name, { nip, roles }]) => [
        name,
        await h.token({ sub: `${name}-sub`, roles: [...roles], agencyId: B, nip }),
      ]),
    );
    t = { ...(await tokensFor(h)), ...(Object.fromEntries(others) as Record<OtherAgencyName, string>) };
    await buildOrganization(h, t);
    await openCycle(h);
    await ok(h, 'POST', `${appraisalUrl(NIPS.KEPSEK)}/plan/rhk`, t.kepsek, kepsekRhk);
    await ok(h, 'POST', `${url}/plan/rhk`, t.guru1, guruRhk('rhk-1', 'iki-1'));
    await ok(h, 'POST', `${url}/plan/submission`, t.guru1);
    await ok(h, 'POST', `${url}/plan/approval`, t.kepsek);
    await advancePhase(h, 'PLANNING', 'IN_PROGRESS');
    await ok(h, 'PUT', `${url}/peer-reviewers`, t.kepsek, { reviewerNips: [NIPS.GURU2, NIPS.GURU3, NIPS.GURU4] });
    // A keberatan whose decider is the rater's supervisor (KABID): the objection routes' relations exist.
    await append(h, appraisalStreamName(CYCLE, NIPS.GURU1), [filedObjection()]);
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
      // Nothing written, but the record of the auditor's read (README "Auditor's replay").
      const auditorRead = method === 'GET' && allowed.includes('auditor') ? 1 : 0;
      expect(await h.countEvents()).toBe(before + auditorRead);
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
      const template = path
        .replace('/rhk/rhk-1', '/rhk/{rhkId}')
        .replace('/ratings/1/', '/ratings/{version}/')
        .replace('/dialogue-notes/dialog-1/', '/dialogue-notes/{noteId}/')
        .replace('/objections/obj-1/', '/objections/{objectionId}/');
      const documented = doc.paths[`/api/v1/cycles/{cycleId}/appraisals/{nip}${template}`];
      expect([method, path, documented?.[method.toLowerCase()] !== undefined]).toEqual([method, path, true]);
      if (method !== 'GET') {
        const headers = documented[method.toLowerCase()].parameters?.map((p) => p.name);
        expect(headers).toEqual(expect.arrayContaining(['If-Match', 'Idempotency-Key']));
      }
    }
    expect(h.api.app.get(AccessPolicyAudit).routesWithoutAccessPolicy()).toEqual([]);
  });
});
