// Cascading without trial and error (issue 11): GET …/appraisals/{nip}/cascade-sources lists the RHK of the
// rater's plan with titles and IKI, or says to cite the Perjanjian Kinerja; the PERJANJIAN_KINERJA_REQUIRED text
// reads as a sentence; competency levels for codes outside the pinned framework version (or the built-in
// catalogue) are refused with the known codes. Every refusal is checked to write nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { appraisalStreamName } from '../../libs/appraisal/src/appraisal/appraisal-events.js';
import { cycleStreamName } from '../../libs/appraisal/src/cycle/cycle-events.js';
import { DEFAULT_POLICY } from '../../libs/policy/src/default-policy.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import {
  A,
  NIPS,
  advancePhase,
  append,
  appraisalUrl,
  buildOrganization,
  guruRhk,
  kepsekRhk,
  ok,
  openCycle,
  send,
  tokensFor,
  type Tokens,
} from './appraisals.support.js';
import { pedagogik } from './frameworks.support.js';

const GURU1 = appraisalUrl(NIPS.GURU1);
const KEPSEK = appraisalUrl(NIPS.KEPSEK);
const SOURCES = `${GURU1}/cascade-sources`;
const PINNED_CYCLE = 'skp-2025-pinned';
const FRAMEWORK = 'disdik-kompetensi';

describe('cascade sources, the Perjanjian Kinerja message and competency codes', () => {
  let h: ApiHarness;
  let t: Tokens;

  /** Expects a refusal with `status` and `code`, that nothing was written, and answers the body. */
  async function refused(
    status: number,
    code: string,
    method: 'GET' | 'POST',
    url: string,
    token: string | undefined,
    body?: unknown,
  ) {
    const before = await h.countEvents();
    const sent = await send(h, method, url, token, body);
    expect({ status: sent.status, code: sent.body.code }).toEqual({ status, code });
    expect(await h.countEvents()).toBe(before);
    return sent.body as { message: string; details?: { field: string; message: string }[] };
  }

  beforeAll(async () => {
    h = await startApiHarness({ AUTH_FAILURE_LIMIT: '10000' });
    t = await tokensFor(h);
    await buildOrganization(h, t);
    await openCycle(h);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('before the rater has an RHK: RATER_PLAN with an empty list and what planning waits for', async () => {
    const { body } = await ok(h, 'GET', SOURCES, t.guru1);
    expect(body).toEqual({
      nip: NIPS.GURU1,
      raterNip: NIPS.KEPSEK,
      raterName: 'Pegawai 1001',
      source: 'RATER_PLAN',
      reason: null,
      raterPlanStatus: 'DRAFT',
      rhk: [],
      message: `Planning waits until the plan of your rater ${NIPS.KEPSEK} has at least one RHK: each of your RHK cascades from one of theirs`,
    });
  });

  it('a rater without an appraisal in the cycle: cite the Perjanjian Kinerja; drafting without it is a clear 400', async () => {
    const { body } = await ok(h, 'GET', `${KEPSEK}/cascade-sources`, t.kepsek);
    expect(body).toMatchObject({
      nip: NIPS.KEPSEK,
      raterNip: NIPS.KABID,
      source: 'PERJANJIAN_KINERJA',
      reason: 'RATER_NOT_IN_CYCLE',
      raterPlanStatus: null,
      rhk: [],
    });
    expect(body.message).toBe(
      `Your rater ${NIPS.KABID} has no appraisal in this cycle, so each of your RHK derives from your unit's ` +
        'Perjanjian Kinerja: name the item in perjanjianKinerjaRef',
    );
    const error = await refused(400, 'PERJANJIAN_KINERJA_REQUIRED', 'POST', `${KEPSEK}/plan/rhk`, t.kepsek, {
      ...kepsekRhk,
      perjanjianKinerjaRef: undefined,
    });
    expect(error.message).toBe(
      `Your rater ${NIPS.KABID} has no appraisal in this cycle, so each of your RHK derives from your unit's ` +
        'Perjanjian Kinerja: name that item in perjanjianKinerjaRef (1-200 characters)',
    );
    expect(error.message).not.toContain('the RHK of without');
  });

  it('once the rater has an RHK: its title and IKI, and the listed RHK is what drafting accepts', async () => {
    await ok(h, 'POST', `${KEPSEK}/plan/rhk`, t.kepsek, kepsekRhk);
    const { body } = await ok(h, 'GET', SOURCES, t.guru1);
    expect(body).toMatchObject({
      source: 'RATER_PLAN',
      raterPlanStatus: 'DRAFT',
      rhk: [
        {
          rhkId: 'rhk-kepsek-1',
          kind: 'UTAMA',
          title: 'Meningkatnya mutu pembelajaran SD Negeri 3',
          iki: [
            {
              ikiId: 'iki-kepsek-1',
              description: 'Rata-rata ketuntasan belajar',
              type: 'QUANTITATIVE',
              aspect: 'KUALITAS',
              target: 85,
              unit: 'persen',
            },
          ],
        },
      ],
    });
    const listed = (body.rhk as { rhkId: string }[])[0].rhkId;
    await refused(400, 'UNKNOWN_SUPERVISOR_RHK', 'POST', `${GURU1}/plan/rhk`, t.guru1, {
      ...guruRhk('rhk-1', 'iki-1'),
      cascadesFrom: { raterNip: NIPS.KEPSEK, rhkId: 'rhk-kepsek-9' },
    });
    await ok(h, 'POST', `${GURU1}/plan/rhk`, t.guru1, {
      ...guruRhk('rhk-1', 'iki-1'),
      cascadesFrom: { raterNip: body.raterNip, rhkId: listed },
    });
  });

  it('is read by the employee, the rater, HR of the agency and AUDITOR (recorded); refused to everyone else', async () => {
    for (const token of [t.guru1, t.kepsek, t.hrA]) await ok(h, 'GET', SOURCES, token);
    const before = await h.countEvents();
    await ok(h, 'GET', SOURCES, t.auditor);
    expect(await h.countEvents()).toBe(before + 1); // the auditor's read is recorded (AuditorRead.v1)
    for (const token of [t.guru2, t.kabid, t.kepsek2, t.hrB, t.admin])
      await refused(403, 'FORBIDDEN', 'GET', SOURCES, token);
    await refused(401, 'UNAUTHENTICATED', 'GET', SOURCES, undefined);
    await refused(404, 'APPRAISAL_NOT_FOUND', 'GET', `${appraisalUrl(NIPS.OTHER)}/cascade-sources`, t.hrA);
    await refused(404, 'CYCLE_NOT_FOUND', 'GET', `${appraisalUrl(NIPS.GURU1, 'skp-none')}/cascade-sources`, t.hrA);
    await refused(400, 'VALIDATION_FAILED', 'GET', `${SOURCES}?asOf=2025-06-01`, t.guru1);
  });

  it('is in the OpenAPI document with a response schema and both examples', async () => {
    const doc = (await h.request({ method: 'GET', url: '/docs/openapi.json' })).json() as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
    };
    const op = doc.paths['/api/v1/cycles/{cycleId}/appraisals/{nip}/cascade-sources'].get;
    const content = op.responses['200'].content?.['application/json'] as {
      schema: { $ref: string };
      examples: Record<string, { value: { source: string } }>;
    };
    expect(content.schema.$ref).toMatch(/CascadeSourcesResponse$/);
    expect(Object.values(content.examples).map((e) => e.value.source)).toEqual(['RATER_PLAN', 'PERJANJIAN_KINERJA']);
  });

  describe('competency codes in a supervisor rating', () => {
    const rating = (...codes: string[]) => ({
      realisations: [
        { rhkId: 'rhk-1', ikiId: 'iki-1-1', value: 88 },
        { rhkId: 'rhk-1', ikiId: 'iki-1-2', narrative: 'Modul ajar lengkap' },
      ],
      hasilKerja: 'SESUAI_EKSPEKTASI',
      perilaku: 'SESUAI_EKSPEKTASI',
      competencyLevels: codes.map((code) => ({ code, level: 3 })),
    });

    beforeAll(async () => {
      await ok(h, 'POST', `${GURU1}/plan/submission`, t.guru1);
      await ok(h, 'POST', `${GURU1}/plan/approval`, t.kepsek);
      await advancePhase(h, 'PLANNING', 'IN_PROGRESS');
      await advancePhase(h, 'IN_PROGRESS', 'ASSESSMENT');
    });

    it('without a pinned framework, a code outside the built-in catalogue is 400 UNKNOWN_COMPETENCY with the known codes', async () => {
      const error = await refused(
        400,
        'UNKNOWN_COMPETENCY',
        'POST',
        `${GURU1}/ratings`,
        t.kepsek,
        rating('INTEGRITAS', 'PEDAGOGIK'),
      );
      expect(error.message).toContain('PEDAGOGIK is not in the built-in catalogue, which this cycle pinned');
      expect(error.message).toContain('known competency codes: INTEGRITAS, KERJA_SAMA, KOMUNIKASI');
      expect(error.details).toContainEqual({
        field: 'competencyLevels[1].code',
        message: 'PEDAGOGIK is not in the built-in catalogue',
      });
      await ok(h, 'POST', `${GURU1}/ratings`, t.kepsek, rating('INTEGRITAS', 'PEREKAT_BANGSA'));
    });

    it('with a pinned framework version, its technical competencies are known and others are refused naming it', async () => {
      const c = (method: 'POST', url: string, body?: unknown) => ok(h, method, url, t.hrA, body);
      await c('POST', '/api/v1/frameworks', { frameworkId: FRAMEWORK, agencyId: A, name: 'Standar Kompetensi Guru' });
      await c('POST', `/api/v1/frameworks/${FRAMEWORK}/draft/technical-competencies`, pedagogik);
      await send(h, 'POST', `/api/v1/frameworks/${FRAMEWORK}/draft/open-for-comment`, t.hrA);
      expect((await send(h, 'POST', `/api/v1/frameworks/${FRAMEWORK}/draft/publish`, t.hrA)).status).toBe(200);
      await pinnedCycleWithApprovedPlan(h);
      const url = `${appraisalUrl(NIPS.GURU1, PINNED_CYCLE)}/ratings`;
      const error = await refused(400, 'UNKNOWN_COMPETENCY', 'POST', url, t.kepsek, rating('PEDAGOGIK', 'LITERASI'));
      expect(error.message).toMatch(
        new RegExp(`^LITERASI is not in framework ${FRAMEWORK} version 1, which this cycle pinned; known .*PEDAGOGIK`),
      );
      await ok(h, 'POST', url, t.kepsek, rating('PEDAGOGIK', 'INTEGRITAS'));
    });
  });
});

/** A second cycle pinning the framework's version 1: GURU1's plan approved, in ASSESSMENT (the cycle's own acts). */
async function pinnedCycleWithApprovedPlan(h: ApiHarness): Promise<void> {
  const at = new Date().toISOString();
  const period = { periodStart: '2025-01-01', periodEnd: '2025-12-31', timeZone: 'Asia/Jayapura' };
  const pins = { frameworkRef: { frameworkId: FRAMEWORK, version: 1 }, policyRef: { scope: 'national', version: 1 } };
  await append(h, cycleStreamName(PINNED_CYCLE), [
    {
      type: 'CycleOpened.v1',
      data: {
        cycleId: PINNED_CYCLE,
        agencyId: A,
        name: 'SKP dengan kerangka kompetensi',
        kind: 'ANNUAL',
        ...period,
        rootUnitId: 'sd-3',
        unitIds: ['sd-3'],
        ...pins,
        policy: DEFAULT_POLICY,
        openedAt: at,
      },
    },
    { type: 'CyclePhaseAdvanced.v1', data: { from: 'PLANNING', to: 'IN_PROGRESS', reason: 'e2e', advancedAt: at } },
    { type: 'CyclePhaseAdvanced.v1', data: { from: 'IN_PROGRESS', to: 'ASSESSMENT', reason: 'e2e', advancedAt: at } },
  ]);
  await append(h, appraisalStreamName(PINNED_CYCLE, NIPS.GURU1), [
    {
      type: 'AppraisalStarted.v1',
      data: {
        cycleId: PINNED_CYCLE,
        nip: NIPS.GURU1,
        agencyId: A,
        unitId: 'sd-3',
        jobType: 'FUNGSIONAL',
        raterNip: NIPS.KEPSEK,
        raterSupervisorNip: NIPS.KABID,
        ...period,
        ...pins,
        policy: DEFAULT_POLICY,
        reason: 'CYCLE_OPENED',
        startedAt: at,
      },
    },
    {
      type: 'RhkDrafted.v1',
      data: {
        ...guruRhk('rhk-1', 'iki-1'),
        kind: 'UTAMA',
        cascadesFrom: null,
        perjanjianKinerjaRef: 'PK SD Negeri 3 2025 sasaran 1',
        draftedAt: at,
      } as never,
    },
    { type: 'PlanSubmitted.v1', data: { submittedAt: at } },
    { type: 'PlanApproved.v1', data: { approvedByNip: NIPS.KEPSEK, approvedAt: at } },
  ]);
}
