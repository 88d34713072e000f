// The auditor's replay of one appraisal through HTTP (README "Auditor's replay"): every event with who, when,
// why, evidence and integrity fields, the state after each step, as of an instant or a revision; the event log
// carries the same integrity fields; who may read it; every bad query refused with nothing written.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { appraisalStreamName } from '../../libs/appraisal/src/appraisal/appraisal-events.js';
import { verifyStreamChain } from '../../libs/audit/src/hash-chain.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import {
  CYCLE,
  NIPS,
  advancePhase,
  allValues,
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

const GURU1 = appraisalUrl(NIPS.GURU1);
const KEPSEK = appraisalUrl(NIPS.KEPSEK);
const HASH = /^[0-9a-f]{64}$/;

interface State {
  phase: string | null;
  plan: { status: string; rhkIds: string[] };
  ratings: { version: number; status: string; predikat: string }[];
  approved: { version: number; predikat: string } | null;
  result: unknown;
}
interface Step {
  revision: string;
  id: string;
  type: string;
  data: Record<string, unknown>;
  actor: { id: string; role: string } | null;
  occurredAt: string;
  reason: string | null;
  policyVersion: string | null;
  evidenceIds: string[];
  hash: string;
  prevHash: string;
  correlationId: string;
  causationId: string;
  stateAfter: State | null;
}
interface Replay {
  asOf: string | null;
  revision: string | null;
  streamRevision: string;
  state: State | null;
  steps: Step[];
  nextCursor: string | null;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("the auditor's replay of one appraisal", () => {
  let h: ApiHarness;
  let t: Tokens;
  /** An instant after the plan was approved and before anything else happened. */
  let afterPlanApproval: string;
  let beforeEverything: string;

  const replay = async (token: string, query = '') =>
    (await ok(h, 'GET', `${GURU1}/replay${query}`, token)).body as unknown as Replay;

  beforeAll(async () => {
    h = await startApiHarness();
    t = await tokensFor(h);
    await buildOrganization(h, t);
    beforeEverything = new Date().toISOString();
    await pause();
    await openCycle(h);
    await ok(h, 'POST', `${KEPSEK}/plan/rhk`, t.kepsek, kepsekRhk);
    await ok(h, 'POST', `${GURU1}/plan/rhk`, t.guru1, guruRhk('rhk-1', 'iki-1'));
    await ok(h, 'POST', `${GURU1}/plan/submission`, t.guru1);
    await ok(h, 'POST', `${GURU1}/plan/return`, t.kepsek, { comments: 'Target terlalu rendah' });
    await ok(h, 'POST', `${GURU1}/plan/submission`, t.guru1);
    await ok(h, 'POST', `${GURU1}/plan/approval`, t.kepsek);
    await pause();
    afterPlanApproval = new Date().toISOString();
    await pause();
    await advancePhase(h, 'PLANNING', 'IN_PROGRESS');
    await ok(h, 'POST', `${GURU1}/evidence`, t.guru1, {
      evidenceId: 'bukti-1',
      kind: 'LINK',
      url: 'https://drive.example.go.id/rapor-6a.pdf',
      description: 'Rekap nilai kelas 6A',
    });
    await ok(h, 'PUT', `${GURU1}/peer-reviewers`, t.kepsek, { reviewerNips: [NIPS.GURU2, NIPS.GURU3, NIPS.GURU4] });
    await advancePhase(h, 'IN_PROGRESS', 'ASSESSMENT');
    await ok(h, 'POST', `${GURU1}/peer-inputs`, t.guru2, {
      values: [{ value: 'KOLABORATIF', rating: 'DI_ATAS_EKSPEKTASI', note: 'Selalu membantu' }],
    });
    await ok(h, 'POST', `${GURU1}/self-assessment`, t.guru1, {
      rhk: [{ rhkId: 'rhk-1', rating: 'SESUAI_EKSPEKTASI', note: 'Ketuntasan 86%', evidenceIds: ['bukti-1'] }],
      values: allValues('SESUAI_EKSPEKTASI'),
      hasilKerja: 'SESUAI_EKSPEKTASI',
      perilaku: 'SESUAI_EKSPEKTASI',
    });
    await ok(h, 'POST', `${GURU1}/ratings`, t.kepsek, {
      realisations: [
        { rhkId: 'rhk-1', ikiId: 'iki-1-1', value: 86 },
        { rhkId: 'rhk-1', ikiId: 'iki-1-2', narrative: 'Modul ajar lengkap' },
      ],
      hasilKerja: 'SESUAI_EKSPEKTASI',
      perilaku: 'SESUAI_EKSPEKTASI',
      valueNotes: [],
      competencyLevels: [],
    });
    await ok(h, 'POST', `${GURU1}/ratings/1/approval`, t.kabid);
  });
  afterAll(async () => {
    await h.close();
  });

  it('lists every event in order with who, when, why, evidence, policy version and an unbroken hash chain', async () => {
    const full = await replay(t.auditor);
    const stored = await h.api.infrastructure.rawEventStore.readStream(appraisalStreamName(CYCLE, NIPS.GURU1));
    expect(verifyStreamChain(stored)).toEqual({ ok: true });
    expect(full.steps.map((s) => [s.revision, s.id, s.type, s.hash, s.prevHash])).toEqual(
      stored.map((e) => [String(e.revision), e.id, e.type, e.metadata.hash, e.metadata.prevHash]),
    );
    expect(full.streamRevision).toBe(String(stored.at(-1)!.revision));
    for (const step of full.steps) {
      expect(step.hash).toMatch(HASH);
      expect(step.prevHash).toMatch(HASH);
      expect(step.correlationId).toMatch(/^[0-9a-f-]{36}$/);
      expect(step.causationId).toMatch(/^[0-9a-f-]{36}$/);
      expect(step.actor).toEqual({ id: expect.any(String), role: expect.any(String) });
      expect(Date.parse(step.occurredAt)).not.toBeNaN();
    }
    const returned = full.steps.find((s) => s.type === 'PlanReturned.v1')!;
    expect(returned.actor).toEqual({ id: 'kepsek', role: 'RATER' });
    const selfAssessed = full.steps.find((s) => s.type === 'SelfAssessmentSubmitted.v1')!;
    expect(selfAssessed.evidenceIds).toEqual(['bukti-1']);
    expect(selfAssessed.policyVersion).toBe('national@1');
    expect(full.nextCursor).toBeNull();
  });

  it('gives the state after each step, with the phase in force then', async () => {
    const { steps, state } = await replay(t.auditor);
    const plan = steps.map((s) => s.stateAfter?.plan.status);
    expect(plan.slice(0, 7)).toEqual(['DRAFT', 'DRAFT', 'SUBMITTED', 'RETURNED', 'SUBMITTED', 'APPROVED', 'APPROVED']);
    const rated = steps.findIndex((s) => s.type === 'SupervisorRatingSubmitted.v1');
    expect(steps[rated].stateAfter).toMatchObject({
      phase: 'ASSESSMENT',
      ratings: [{ version: 1, status: 'SUBMITTED', predikat: 'BAIK' }],
      approved: null,
    });
    expect(steps.at(-1)!.stateAfter).toEqual(state);
    expect(state).toMatchObject({
      phase: 'ASSESSMENT',
      plan: { status: 'APPROVED', rhkIds: ['rhk-1'] },
      ratings: [{ version: 1, status: 'APPROVED', predikat: 'BAIK' }],
      approved: { version: 1, predikat: 'BAIK' },
      result: null,
    });
    expect(steps[0].stateAfter?.phase).toBe('PLANNING');
  });

  it('as of an instant: exactly the state folded from the events that had happened by then', async () => {
    const full = await replay(t.auditor);
    const asOf = await replay(t.auditor, `?asOf=${encodeURIComponent(afterPlanApproval)}`);
    const expected = full.steps.filter((s) => Date.parse(s.occurredAt) <= Date.parse(afterPlanApproval));
    expect(asOf.steps).toEqual(expected);
    expect(asOf.steps.at(-1)!.type).toBe('PlanApproved.v1');
    expect(asOf.asOf).toBe(afterPlanApproval);
    expect(asOf.state).toEqual(expected.at(-1)!.stateAfter);
    expect(asOf.state).toMatchObject({ plan: { status: 'APPROVED' }, ratings: [], phase: 'PLANNING' });
    // The same instant written with an offset means the same cut.
    const wib = new Date(Date.parse(afterPlanApproval) + 7 * 3600_000).toISOString().replace('Z', '+07:00');
    expect((await replay(t.auditor, `?asOf=${encodeURIComponent(wib)}`)).steps).toEqual(expected);
    const early = await replay(t.auditor, `?asOf=${encodeURIComponent(beforeEverything)}`);
    expect([early.state, early.steps]).toEqual([null, []]);
  });

  it('up to a revision: the state after that step, and pages of steps that add up to the whole', async () => {
    const full = await replay(t.auditor);
    const at3 = await replay(t.auditor, '?revision=3');
    expect(at3.steps).toEqual(full.steps.slice(0, 4));
    expect(at3.state).toEqual(full.steps[3].stateAfter);
    expect(at3.revision).toBe('3');
    const pages: Step[] = [];
    let cursor: string | null = null;
    do {
      const page: Replay = await replay(t.auditor, `?limit=3${cursor === null ? '' : `&after=${cursor}`}`);
      expect(page.state).toEqual(full.state);
      pages.push(...page.steps);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(pages).toEqual(full.steps);
  });

  it('the event log carries the same integrity fields', async () => {
    const full = await replay(t.auditor);
    const log = (await ok(h, 'GET', `${GURU1}/events?limit=500`, t.auditor)).body as unknown as { items: Step[] };
    const integrity = (s: Step) => [s.revision, s.id, s.hash, s.prevHash, s.correlationId, s.causationId];
    expect(log.items.map(integrity)).toEqual(full.steps.map(integrity));
    expect(log.items.every((e) => HASH.test(e.hash) && HASH.test(e.prevHash))).toBe(true);
  });

  it('shows HR of the agency peer input withheld, as the event log does; the AUDITOR sees who said what', async () => {
    const peerStep = (r: Replay) => r.steps.find((s) => s.type === 'PeerInputSubmitted.v1')!;
    const byAuditor = peerStep(await replay(t.auditor));
    const byHr = peerStep(await replay(t.hrA));
    expect(byAuditor.data).toMatchObject({ reviewerNip: NIPS.GURU2 });
    expect(byHr).toMatchObject({ actor: null, data: { redacted: 'PEER_INPUT_ANONYMOUS' } });
    expect(JSON.stringify(byHr)).not.toContain(NIPS.GURU2);
    expect(byHr.hash).toBe(byAuditor.hash);
    expect(byHr.stateAfter).toEqual(byAuditor.stateAfter);
  });

  it('is for AUDITOR and HR of the agency only', async () => {
    const before = await h.countEvents();
    const byHr = await replay(t.hrA);
    expect(byHr.steps).toHaveLength((await replay(t.auditor)).steps.length);
    expect(await h.countEvents()).toBe(before + 1); // the auditor's read is recorded, HR's is not
    const after = await h.countEvents();
    for (const token of [t.hrB, t.admin, t.guru1, t.kepsek, t.kabid, t.guru2]) {
      expect((await send(h, 'GET', `${GURU1}/replay`, token)).status).toBe(403);
    }
    expect((await send(h, 'GET', `${GURU1}/replay`, undefined)).status).toBe(401);
    expect((await send(h, 'GET', `${appraisalUrl(NIPS.KADIS)}/replay`, t.auditor)).body).toMatchObject({
      statusCode: 404,
      code: 'APPRAISAL_NOT_FOUND',
    });
    expect((await send(h, 'GET', `${appraisalUrl(NIPS.GURU1, 'no-such-cycle')}/replay`, t.auditor)).body).toMatchObject(
      { statusCode: 404, code: 'CYCLE_NOT_FOUND' },
    );
    expect(await h.countEvents()).toBe(after);
  });

  it.each([
    ['asOf and revision together', '?asOf=2025-12-01T00:00:00Z&revision=2', 'query.asOf'],
    ['asOf without a time zone', '?asOf=2025-12-01T00:00:00', 'asOf'],
    ['asOf that is not a date', '?asOf=kemarin', 'asOf'],
    ['asOf on a day that does not exist', '?asOf=2025-02-30T00:00:00Z', 'query.asOf'],
    ['asOf an hour that does not exist', '?asOf=2025-02-03T25:00:00Z', 'query.asOf'],
    ['a negative revision', '?revision=-1', 'revision'],
    ['a revision past the stream', '?revision=999', 'query.revision'],
    ['a limit of 0', '?limit=0', 'limit'],
    ['an undeclared parameter', '?at=2025-12-01T00:00:00Z', 'query.at'],
  ])('refuses %s with 400 and writes nothing', async (_name, query, field) => {
    const before = await h.countEvents();
    const sent = await send(h, 'GET', `${GURU1}/replay${query}`, t.auditor);
    expect(sent.status).toBe(400);
    expect(sent.body).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      details: expect.arrayContaining([expect.objectContaining({ field })]),
    });
    expect(await h.countEvents()).toBe(before);
  });
});
