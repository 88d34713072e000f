// One appraisal through HTTP from planning to receipt: cascading refused until the rater has a plan, submit /
// return / resubmit / approve, the period's entries, self-assessment, peers and their anonymous aggregate, a
// rating far from the self-assessment waiting for a dialogue note, return and revision (both versions kept),
// approval once, receipt after publication. Every refusal is checked to write nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import {
  NIPS,
  advancePhase,
  allValues,
  appraisalUrl,
  buildOrganization,
  guruRhk,
  kepsekRhk,
  ok,
  openCycle,
  publishResult,
  send,
  tokensFor,
  type Tokens,
} from './appraisals.support.js';

const GURU1 = appraisalUrl(NIPS.GURU1);
const KEPSEK = appraisalUrl(NIPS.KEPSEK);

type View = {
  plan: { status: string; rhk: { rhkId: string; title: string }[]; removed: unknown[]; history: { kind: string }[] };
  behaviourExpectations: { value: string }[];
  feedback: { giverNip: string; giverRelation: string }[];
  realisations: { realisationId: string; correctedBy: string[] }[];
  evidence: unknown[];
  comments: unknown[];
  dialogueNotes: unknown[];
  selfAssessments: unknown[];
  peer: {
    proposedReviewerNips: string[];
    chosenReviewerNips: string[] | null;
    chosenCount: number;
    submittedCount: number;
    aggregate: { reviewers: number; shown: boolean; values: { value: string }[] | null };
  };
  ratings: {
    version: number;
    status: string;
    rating: { predikat: string; forDialogue: boolean };
    decisions: unknown[];
  }[];
  dialogueRequired: boolean;
  approved: { version: number; predikat: string } | null;
  result: unknown;
  receipt: { objectionDeadline: { lastDay: string } } | null;
};

describe('one appraisal through HTTP, planning to receipt', () => {
  let h: ApiHarness;
  let t: Tokens;

  const view = async (token: string, url = GURU1) => (await ok(h, 'GET', url, token)).body as unknown as View;

  /** Expects a refusal with `status` and `code`, and that nothing was written. */
  const refused = async (
    status: number,
    code: string,
    method: 'POST' | 'PUT' | 'GET',
    url: string,
    token: string | undefined,
    body?: unknown,
    headers?: Record<string, string>,
  ) => {
    const before = await h.countEvents();
    const sent = await send(h, method, url, token, body, headers);
    expect({ url, status: sent.status, code: sent.body.code }).toEqual({ url, status, code });
    expect(await h.countEvents()).toBe(before);
    return sent.body;
  };

  beforeAll(async () => {
    h = await startApiHarness();
    t = await tokensFor(h);
    await buildOrganization(h, t);
    await openCycle(h);
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers 404 for an unknown cycle or an employee without an appraisal, and the view with its ETag', async () => {
    await refused(404, 'CYCLE_NOT_FOUND', 'GET', appraisalUrl(NIPS.GURU1, 'no-such-cycle'), t.guru1);
    await refused(404, 'APPRAISAL_NOT_FOUND', 'GET', appraisalUrl(NIPS.KADIS), t.hrA);
    await refused(
      404,
      'CYCLE_NOT_FOUND',
      'POST',
      `${appraisalUrl(NIPS.GURU1, 'no-such-cycle')}/plan/submission`,
      t.guru1,
    );
    const sent = await ok(h, 'GET', GURU1, t.guru1);
    expect(sent.etag).toBe('W/"0"');
    expect(sent.body).toMatchObject({
      viewer: 'EMPLOYEE',
      nip: NIPS.GURU1,
      raterNip: NIPS.KEPSEK,
      raterSupervisorNip: NIPS.KABID,
      plan: { status: 'DRAFT', rhk: [] },
      result: null,
    });
  });

  it("refuses planning with a clear reason until the rater's plan has an RHK, then cascades from it", async () => {
    const body = await refused(
      409,
      'SUPERVISOR_PLAN_MISSING',
      'POST',
      `${GURU1}/plan/rhk`,
      t.guru1,
      guruRhk('rhk-1', 'iki-1'),
    );
    expect(body.message).toContain(NIPS.KEPSEK);
    const kepsek = await ok(h, 'POST', `${KEPSEK}/plan/rhk`, t.kepsek, kepsekRhk);
    expect(kepsek.body).toEqual({ rhkId: 'rhk-kepsek-1', revision: '1' });
    expect(kepsek.etag).toBe('W/"1"');
    await refused(400, 'UNKNOWN_SUPERVISOR_RHK', 'POST', `${GURU1}/plan/rhk`, t.guru1, {
      ...guruRhk('rhk-x', 'iki-x'),
      cascadesFrom: { raterNip: NIPS.KEPSEK, rhkId: 'no-such-rhk' },
    });
    expect((await ok(h, 'POST', `${GURU1}/plan/rhk`, t.guru1, guruRhk('rhk-1', 'iki-1'))).body).toEqual({
      rhkId: 'rhk-1',
      revision: '1',
    });
    const { rhkId: _id, ...withoutIds } = guruRhk('unused', 'unused');
    const generated = await ok(h, 'POST', `${GURU1}/plan/rhk`, t.guru1, {
      ...withoutIds,
      kind: 'TAMBAHAN',
      iki: withoutIds.iki.map(({ ikiId: _ikiId, ...iki }) => iki),
    });
    expect(generated.body.rhkId).toMatch(/^[0-9a-f-]{36}$/);
    const plan = (await view(t.guru1)).plan;
    expect(plan.rhk.map((r) => r.rhkId)).toEqual(['rhk-1', generated.body.rhkId]);
  });

  it('submits, is returned with comments, revises, removes, resubmits and is approved', async () => {
    await refused(409, 'WRONG_CYCLE_PHASE', 'POST', `${GURU1}/self-assessment`, t.guru1, {
      rhk: [],
      values: allValues('SESUAI_EKSPEKTASI'),
      hasilKerja: 'SESUAI_EKSPEKTASI',
      perilaku: 'SESUAI_EKSPEKTASI',
    });
    await ok(h, 'POST', `${GURU1}/plan/submission`, t.guru1);
    const { rhkId: _rhkId, ...rhkBody } = guruRhk('rhk-1', 'iki-1');
    await refused(409, 'PLAN_LOCKED', 'PUT', `${GURU1}/plan/rhk/rhk-1`, t.guru1, rhkBody);
    const comments = 'Target IKI 1 terlalu rendah; naikkan menjadi 90 persen.';
    await ok(h, 'POST', `${GURU1}/plan/return`, t.kepsek, { comments });
    const revised = { ...rhkBody, iki: [{ ...rhkBody.iki[0], target: 90 }, rhkBody.iki[1]] };
    await ok(h, 'PUT', `${GURU1}/plan/rhk/rhk-1`, t.guru1, revised);
    const tambahan = (await view(t.guru1)).plan.rhk[1].rhkId;
    await ok(h, 'POST', `${GURU1}/plan/rhk/${tambahan}/removal`, t.guru1, { reason: 'digabung dengan RHK 1' });
    await ok(h, 'POST', `${GURU1}/plan/submission`, t.guru1);
    await ok(h, 'POST', `${GURU1}/plan/approval`, t.kepsek);
    await ok(h, 'POST', `${GURU1}/behaviour-expectations`, t.kepsek, {
      value: 'KOLABORATIF',
      expectation: 'Berbagi praktik baik di KKG setiap bulan',
    });
    const plan = await view(t.guru1);
    expect(plan.plan.status).toBe('APPROVED');
    expect(plan.plan.rhk).toEqual([expect.objectContaining({ rhkId: 'rhk-1', iki: expect.any(Array) })]);
    expect(plan.plan.removed).toEqual([expect.objectContaining({ rhkId: tambahan, reason: 'digabung dengan RHK 1' })]);
    expect(plan.plan.history.map((s) => s.kind)).toEqual(['SUBMITTED', 'RETURNED', 'SUBMITTED', 'APPROVED']);
    expect(plan.plan.history[1]).toMatchObject({ byNip: NIPS.KEPSEK, comments });
    expect(plan.behaviourExpectations).toEqual([
      expect.objectContaining({ value: 'KOLABORATIF', setByNip: NIPS.KEPSEK }),
    ]);
    const events = await ok(h, 'GET', `${GURU1}/events`, t.auditor);
    const returned = (events.body.items as { type: string; reason: string | null; actor: unknown }[]).find(
      (e) => e.type === 'PlanReturned.v1',
    );
    expect(returned).toMatchObject({ reason: comments, actor: { id: 'kepsek', role: 'RATER' } });
  });

  it('records the period: evidence, realisations and a correction, feedback asked and given, comments, dialogue', async () => {
    await refused(409, 'WRONG_CYCLE_PHASE', 'POST', `${GURU1}/realisations`, t.guru1, {
      rhkId: 'rhk-1',
      ikiId: 'iki-1-1',
      value: 60,
    });
    await advancePhase(h, 'PLANNING', 'IN_PROGRESS');
    await ok(h, 'POST', `${GURU1}/evidence`, t.guru1, {
      evidenceId: 'bukti-1',
      kind: 'LINK',
      url: 'https://drive.example.go.id/rekap-nilai',
      description: 'Rekap nilai semester ganjil',
    });
    await ok(h, 'POST', `${GURU1}/evidence`, t.kepsek, {
      evidenceId: 'bukti-2',
      kind: 'FILE',
      file: { fileName: 'supervisi.pdf', mediaType: 'application/pdf', sizeBytes: 1024, sha256: 'a'.repeat(64) },
      description: 'Hasil supervisi kelas',
    });
    const first = await ok(h, 'POST', `${GURU1}/realisations`, t.guru1, {
      rhkId: 'rhk-1',
      ikiId: 'iki-1-1',
      value: 60,
      evidenceIds: ['bukti-1'],
    });
    const correction = await ok(h, 'POST', `${GURU1}/realisations`, t.guru1, {
      rhkId: 'rhk-1',
      ikiId: 'iki-1-1',
      value: 65,
      corrects: first.body.id,
    });
    await ok(h, 'POST', `${GURU1}/feedback`, t.kepsek, {
      text: 'Perbanyak asesmen formatif.',
      relatesTo: { kind: 'IKI', id: 'iki-1-1' },
    });
    const request = await ok(h, 'POST', `${GURU1}/feedback-requests`, t.guru1, {
      askedNip: NIPS.GURU5,
      note: 'Mohon masukan atas kelas terbuka saya',
    });
    await refused(403, 'FORBIDDEN', 'POST', `${GURU1}/feedback`, t.guru5, { text: 'tanpa permintaan' });
    await refused(403, 'FORBIDDEN', 'POST', `${GURU1}/feedback`, t.guru6, {
      text: 'bukan saya',
      requestId: request.body.id,
    });
    await ok(h, 'POST', `${GURU1}/feedback`, t.guru5, {
      text: 'Kelas terbuka sangat baik.',
      requestId: request.body.id,
    });
    await ok(h, 'POST', `${GURU1}/comments`, t.kabid, { on: { kind: 'RHK', id: 'rhk-1' }, text: 'RHK sudah selaras.' });
    await ok(h, 'POST', `${GURU1}/dialogue-notes`, t.kepsek, {
      heldOn: '2025-06-12',
      text: 'Dialog kinerja triwulan 2.',
    });
    const v = await view(t.guru1);
    expect(v.evidence).toHaveLength(2);
    expect(v.realisations).toEqual([
      expect.objectContaining({ realisationId: first.body.id, correctedBy: [correction.body.id] }),
      expect.objectContaining({ realisationId: correction.body.id, correctedBy: [] }),
    ]);
    expect(v.feedback.map((f) => [f.giverNip, f.giverRelation])).toEqual([
      [NIPS.KEPSEK, 'RATER'],
      [NIPS.GURU5, 'REQUESTED'],
    ]);
    expect(v.comments).toHaveLength(1);
    expect(v.dialogueNotes).toHaveLength(1);
  });

  it('lets the employee propose and the rater choose peer reviewers: peers or subordinates only, never self', async () => {
    await refused(400, 'PEER_IS_SELF', 'POST', `${GURU1}/peer-reviewers/proposals`, t.guru1, {
      reviewerNip: NIPS.GURU1,
    });
    await refused(400, 'NOT_A_PEER', 'POST', `${GURU1}/peer-reviewers/proposals`, t.guru1, { reviewerNip: NIPS.GURU6 });
    await refused(400, 'PEER_OTHER_AGENCY', 'POST', `${GURU1}/peer-reviewers/proposals`, t.guru1, {
      reviewerNip: NIPS.OTHER,
    });
    await ok(h, 'POST', `${GURU1}/peer-reviewers/proposals`, t.guru1, { reviewerNip: NIPS.GURU2 });
    await ok(h, 'PUT', `${GURU1}/peer-reviewers`, t.kepsek, { reviewerNips: [NIPS.GURU2, NIPS.GURU3, NIPS.GURU4] });
    const byEmployee = await view(t.guru1);
    expect(byEmployee.peer).toMatchObject({
      proposedReviewerNips: [NIPS.GURU2],
      chosenReviewerNips: null,
      chosenCount: 3,
    });
    expect((await view(t.kepsek)).peer.chosenReviewerNips).toEqual([NIPS.GURU2, NIPS.GURU3, NIPS.GURU4]);
  });

  it('takes the self-assessment and shows peer input only as an aggregate of at least three, never a NIP', async () => {
    await advancePhase(h, 'IN_PROGRESS', 'ASSESSMENT');
    await refused(409, 'WRONG_CYCLE_PHASE', 'POST', `${GURU1}/behaviour-expectations`, t.kepsek, {
      value: 'LOYAL',
      expectation: 'x',
    });
    await ok(h, 'POST', `${GURU1}/self-assessment`, t.guru1, {
      rhk: [{ rhkId: 'rhk-1', rating: 'DI_ATAS_EKSPEKTASI', note: 'Ketuntasan 92%', evidenceIds: ['bukti-1'] }],
      values: allValues('DI_ATAS_EKSPEKTASI'),
      hasilKerja: 'DI_ATAS_EKSPEKTASI',
      perilaku: 'DI_ATAS_EKSPEKTASI',
    });
    const input = (rating: string, note: string) => ({
      values: [
        { value: 'KOLABORATIF', rating, note },
        { value: 'HARMONIS', rating: 'SESUAI_EKSPEKTASI' },
      ],
    });
    await ok(h, 'POST', `${GURU1}/peer-inputs`, t.guru2, input('DI_ATAS_EKSPEKTASI', 'Selalu membantu'));
    await refused(
      409,
      'PEER_INPUT_ALREADY_SUBMITTED',
      'POST',
      `${GURU1}/peer-inputs`,
      t.guru2,
      input('SESUAI_EKSPEKTASI', ''),
    );
    await refused(403, 'FORBIDDEN', 'POST', `${GURU1}/peer-inputs`, t.guru5, input('SESUAI_EKSPEKTASI', ''));
    await ok(h, 'POST', `${GURU1}/peer-inputs`, t.guru3, input('SESUAI_EKSPEKTASI', 'Aktif di KKG'));
    const two = await view(t.guru1);
    expect(two.peer).toMatchObject({ submittedCount: 2, aggregate: { reviewers: 2, shown: false, values: null } });
    await ok(h, 'POST', `${GURU1}/peer-inputs`, t.guru4, input('DI_ATAS_EKSPEKTASI', 'Inovatif'));
    for (const token of [t.guru1, t.kepsek, t.kabid, t.hrA, t.auditor]) {
      const v = await view(token);
      expect(v.peer.aggregate).toMatchObject({ reviewers: 3, shown: true });
      expect(v.peer.aggregate.values?.map((x) => x.value)).toEqual(['HARMONIS', 'KOLABORATIF']);
      expect(JSON.stringify(v.peer.aggregate)).not.toMatch(/\d{18}/);
    }
    const byEmployee = JSON.stringify(await view(t.guru1));
    for (const nip of [NIPS.GURU3, NIPS.GURU4]) expect(byEmployee).not.toContain(nip);
  });

  it('holds a rating far from the self-assessment for dialogue, returns it, approves the revision once', async () => {
    const rating = (hasilKerja: string, perilaku: string, justification?: string) => ({
      realisations: [
        { rhkId: 'rhk-1', ikiId: 'iki-1-1', value: 88 },
        { rhkId: 'rhk-1', ikiId: 'iki-1-2', narrative: 'Modul ajar lengkap' },
      ],
      hasilKerja,
      perilaku,
      valueNotes: [{ value: 'KOLABORATIF', note: 'Aktif di KKG' }],
      competencyLevels: [{ code: 'INTEGRITAS', level: 3 }],
      ...(justification ? { justification, evidenceIds: ['bukti-2'] } : {}),
    });
    await refused(
      400,
      'JUSTIFICATION_REQUIRED',
      'POST',
      `${GURU1}/ratings`,
      t.kepsek,
      rating('SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'),
    );
    const v1 = await ok(
      h,
      'POST',
      `${GURU1}/ratings`,
      t.kepsek,
      rating('SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI', 'Dua kali terlambat mengisi rapor.'),
    );
    expect(v1.body).toMatchObject({ version: 1, predikat: 'KURANG' });
    const seen = await view(t.guru1);
    expect(seen.ratings).toEqual([expect.objectContaining({ version: 1, status: 'SUBMITTED' })]);
    expect(seen.ratings[0].rating).toMatchObject({ predikat: 'KURANG', forDialogue: true });
    expect(seen.dialogueRequired).toBe(true);
    await refused(409, 'DIALOGUE_REQUIRED', 'POST', `${GURU1}/ratings/1/approval`, t.kabid);
    // The employee's own note does not unlock approval; the rater's note does once the employee acknowledges it.
    await ok(h, 'POST', `${GURU1}/dialogue-notes`, t.guru1, { heldOn: '2025-12-10', text: 'Saya tidak setuju.' });
    await refused(409, 'DIALOGUE_REQUIRED', 'POST', `${GURU1}/ratings/1/approval`, t.kabid);
    await ok(h, 'POST', `${GURU1}/dialogue-notes`, t.kepsek, {
      noteId: 'dialog-guru1',
      heldOn: '2025-12-10',
      text: 'Membahas perilaku.',
    });
    expect((await view(t.kabid)).dialogueRequired).toBe(true);
    await refused(403, 'FORBIDDEN', 'POST', `${GURU1}/dialogue-notes/dialog-guru1/acknowledgement`, t.kepsek);
    await ok(h, 'POST', `${GURU1}/dialogue-notes/dialog-guru1/acknowledgement`, t.guru1, { comment: 'Sudah dibahas.' });
    await refused(
      409,
      'DIALOGUE_NOTE_ALREADY_ACKNOWLEDGED',
      'POST',
      `${GURU1}/dialogue-notes/dialog-guru1/acknowledgement`,
      t.guru1,
    );
    expect((await view(t.kabid)).dialogueRequired).toBe(false);
    await ok(h, 'POST', `${GURU1}/ratings/1/return`, t.kabid, {
      reasons: 'Keterlambatan sudah diperbaiki; tinjau ulang.',
    });
    const v2 = await ok(
      h,
      'POST',
      `${GURU1}/ratings`,
      t.kepsek,
      rating('DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'Ketuntasan 92% melampaui target.'),
    );
    expect(v2.body).toMatchObject({ version: 2, predikat: 'BAIK' });
    await refused(409, 'RATING_NOT_PENDING', 'POST', `${GURU1}/ratings/1/approval`, t.kabid);
    await refused(404, 'RATING_NOT_FOUND', 'POST', `${GURU1}/ratings/9/approval`, t.kabid);
    expect((await ok(h, 'POST', `${GURU1}/ratings/2/approval`, t.kabid)).body).toMatchObject({
      version: 2,
      predikat: 'BAIK',
    });
    await refused(409, 'RATING_ALREADY_APPROVED', 'POST', `${GURU1}/ratings/2/approval`, t.kabid);
    const after = await view(t.guru1);
    expect(after.ratings.map((r) => [r.version, r.status, r.rating.predikat])).toEqual([
      [1, 'RETURNED', 'KURANG'],
      [2, 'APPROVED', 'BAIK'],
    ]);
    expect(after.ratings[0].decisions).toEqual([expect.objectContaining({ kind: 'RETURNED', byNip: NIPS.KABID })]);
    expect(after.approved).toEqual({ version: 2, predikat: 'BAIK' });
    expect(after.result).toBeNull();
  });

  it('acknowledges receipt only after publication, once, starting the objection window', async () => {
    await refused(409, 'RESULT_NOT_PUBLISHED', 'POST', `${GURU1}/receipt`, t.guru1);
    await publishResult(h, NIPS.GURU1, {
      version: 2,
      hasilKerja: 'DI_ATAS_EKSPEKTASI',
      perilaku: 'SESUAI_EKSPEKTASI',
      predikat: 'BAIK',
    });
    const receipt = await ok(h, 'POST', `${GURU1}/receipt`, t.guru1);
    expect(receipt.body).toMatchObject({
      revision: '33',
      objectionDeadline: { timeZone: 'Asia/Jayapura', counting: 'CALENDAR' },
    });
    await refused(409, 'RECEIPT_ALREADY_ACKNOWLEDGED', 'POST', `${GURU1}/receipt`, t.guru1);
    const v = await view(t.guru1);
    expect(v.result).toMatchObject({ predikat: 'BAIK', ratingVersion: 2 });
    expect(v.receipt?.objectionDeadline.lastDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('serves the event stream to AUDITOR whole and to HR with peer input withheld, in pages', async () => {
    type Page = {
      items: {
        revision: string;
        type: string;
        data: Record<string, unknown>;
        actor: unknown;
        hash: string;
        prevHash: string;
      }[];
      nextCursor: string | null;
    };
    const all = (await ok(h, 'GET', `${GURU1}/events?limit=500`, t.auditor)).body as unknown as Page;
    expect(all.nextCursor).toBeNull();
    expect(all.items.map((e) => Number(e.revision))).toEqual(all.items.map((_e, i) => i));
    // every act through the API names the pinned policy it was decided under (the test appends the start, the
    // rater change and the publication directly)
    const viaApi = all.items.filter((e) =>
      [
        'RhkDrafted.v1',
        'PlanSubmitted.v1',
        'PlanApproved.v1',
        'SupervisorRatingSubmitted.v1',
        'RatingApproved.v1',
      ].includes(e.type),
    );
    expect(viaApi.length).toBeGreaterThan(5);
    expect(new Set(viaApi.map((e) => (e as unknown as { policyVersion: string }).policyVersion))).toEqual(
      new Set(['national@1']),
    );
    const peerByAuditor = all.items.filter((e) => e.type === 'PeerInputSubmitted.v1');
    expect(peerByAuditor.map((e) => e.data.reviewerNip)).toEqual([NIPS.GURU2, NIPS.GURU3, NIPS.GURU4]);
    const byHr = (await ok(h, 'GET', `${GURU1}/events?limit=500`, t.hrA)).body as unknown as Page;
    const peerByHr = byHr.items.filter((e) => e.type === 'PeerInputSubmitted.v1');
    expect(peerByHr).toHaveLength(3);
    for (const e of peerByHr) {
      expect(e.actor).toBeNull();
      expect(e.data).toEqual({ redacted: 'PEER_INPUT_ANONYMOUS', submittedAt: expect.any(String) });
    }
    // No NIP anywhere (the hex hashes of the integrity fields may hold a run of digits by chance: left out).
    const withoutHashes = peerByHr.map(({ hash: _h, prevHash: _p, ...rest }) => rest);
    expect(JSON.stringify(withoutHashes)).not.toMatch(/\d{18}/);
    const first = (await ok(h, 'GET', `${GURU1}/events?limit=5`, t.auditor)).body as unknown as Page;
    expect(first.items.map((e) => e.revision)).toEqual(['0', '1', '2', '3', '4']);
    expect(first.nextCursor).toBe('4');
    const second = (await ok(h, 'GET', `${GURU1}/events?limit=5&after=4`, t.auditor)).body as unknown as Page;
    expect(second.items[0].revision).toBe('5');
  });
});

describe('appraisal commands: bad input, out of phase, If-Match and concurrent writers', () => {
  let h: ApiHarness;
  let t: Tokens;

  beforeAll(async () => {
    h = await startApiHarness();
    t = await tokensFor(h);
    await buildOrganization(h, t);
    await openCycle(h);
    await ok(h, 'POST', `${KEPSEK}/plan/rhk`, t.kepsek, kepsekRhk);
  });
  afterAll(async () => {
    await h.close();
  });

  const rhk = guruRhk('rhk-1', 'iki-1');
  const badInputs: [string, 'POST' | 'PUT', string, string, unknown, string, string[]][] = [
    ['RHK without title', 'POST', '/plan/rhk', 'guru1', { ...rhk, title: undefined }, 'VALIDATION_FAILED', ['title']],
    ['RHK with an unknown field', 'POST', '/plan/rhk', 'guru1', { ...rhk, weight: 3 }, 'VALIDATION_FAILED', ['weight']],
    ['RHK without IKI', 'POST', '/plan/rhk', 'guru1', { ...rhk, iki: [] }, 'VALIDATION_FAILED', ['iki']],
    [
      'quantitative IKI without unit, with a text target',
      'POST',
      '/plan/rhk',
      'guru1',
      { ...rhk, iki: [{ ...rhk.iki[0], unit: undefined, target: 'banyak' }] },
      'VALIDATION_FAILED',
      ['iki.0.target', 'iki.0.unit'],
    ],
    [
      'qualitative IKI with an aspect',
      'POST',
      '/plan/rhk',
      'guru1',
      { ...rhk, iki: [{ ...rhk.iki[1], aspect: 'WAKTU' }] },
      'VALIDATION_FAILED',
      ['iki.0.aspect'],
    ],
    ['RHK id with spaces', 'POST', '/plan/rhk', 'guru1', { ...rhk, rhkId: 'rhk 1' }, 'VALIDATION_FAILED', ['rhkId']],
    [
      'blank removal reason',
      'POST',
      '/plan/rhk/rhk-1/removal',
      'guru1',
      { reason: '' },
      'VALIDATION_FAILED',
      ['reason'],
    ],
    [
      'unknown BerAKHLAK value',
      'POST',
      '/behaviour-expectations',
      'kepsek',
      { value: 'JUJUR', expectation: 'x' },
      'VALIDATION_FAILED',
      ['value'],
    ],
    [
      'evidence FILE with a bad hash',
      'POST',
      '/evidence',
      'guru1',
      {
        kind: 'FILE',
        file: { fileName: 'a.pdf', mediaType: 'application/pdf', sizeBytes: 1, sha256: 'xyz' },
        description: 'd',
      },
      'VALIDATION_FAILED',
      ['file.sha256'],
    ],
    [
      'evidence LINK that is not a URL',
      'POST',
      '/evidence',
      'guru1',
      { kind: 'LINK', url: 'nope', description: 'd' },
      'VALIDATION_FAILED',
      ['url'],
    ],
    [
      'dialogue note on 30 February',
      'POST',
      '/dialogue-notes',
      'kepsek',
      { heldOn: '2025-02-30', text: 'x' },
      'INVALID_DATE',
      ['heldOn'],
    ],
    [
      'reviewer NIP too short',
      'PUT',
      '/peer-reviewers',
      'kepsek',
      { reviewerNips: ['123'] },
      'VALIDATION_FAILED',
      ['reviewerNips'],
    ],
    [
      'rating with a made-up rating',
      'POST',
      '/ratings',
      'kepsek',
      { realisations: [], hasilKerja: 'LUAR_BIASA', perilaku: 'SESUAI_EKSPEKTASI' },
      'VALIDATION_FAILED',
      ['hasilKerja'],
    ],
    [
      'rating version not a number',
      'POST',
      '/ratings/satu/approval',
      'kabid',
      undefined,
      'VALIDATION_FAILED',
      ['version'],
    ],
    ['blank return reasons', 'POST', '/ratings/1/return', 'kabid', { reasons: '' }, 'VALIDATION_FAILED', ['reasons']],
  ];

  it.each(badInputs)('400 for %s, nothing written', async (_label, method, path, who, body, code, fields) => {
    const before = await h.countEvents();
    const sent = await send(h, method, `${appraisalUrl(NIPS.GURU1)}${path}`, t[who as keyof Tokens], body);
    expect({ status: sent.status, code: sent.body.code }).toEqual({ status: 400, code });
    const reported = (sent.body.details as { field?: string }[]).map((d) => d.field);
    for (const field of fields) expect(reported).toContain(field);
    expect(await h.countEvents()).toBe(before);
  });

  it('400 for a malformed NIP or If-Match, 409 out of phase; nothing written', async () => {
    const before = await h.countEvents();
    const badNip = await send(h, 'GET', '/api/v1/cycles/x/appraisals/12345', t.hrA);
    expect([badNip.status, badNip.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const badIfMatch = await send(h, 'POST', `${appraisalUrl(NIPS.GURU1)}/plan/rhk`, t.guru1, rhk, {
      'if-match': 'abc',
    });
    expect([badIfMatch.status, badIfMatch.body.code]).toEqual([400, 'INVALID_IF_MATCH']);
    const rating = await send(h, 'POST', `${appraisalUrl(NIPS.GURU1)}/ratings`, t.kepsek, {
      realisations: [],
      hasilKerja: 'SESUAI_EKSPEKTASI',
      perilaku: 'SESUAI_EKSPEKTASI',
    });
    expect([rating.status, rating.body.code]).toEqual([409, 'WRONG_CYCLE_PHASE']);
    const receipt = await send(h, 'POST', `${appraisalUrl(NIPS.GURU1)}/receipt`, t.guru1);
    expect([receipt.status, receipt.body.code]).toEqual([409, 'RESULT_NOT_PUBLISHED']);
    expect(await h.countEvents()).toBe(before);
  });

  it('412 STALE_REVISION on a stale If-Match (never retried); the current one succeeds with the next ETag', async () => {
    const url = appraisalUrl(NIPS.GURU1);
    const { etag } = await ok(h, 'GET', url, t.guru1);
    expect(etag).toBe('W/"0"');
    await ok(h, 'POST', `${url}/plan/rhk`, t.guru1, rhk, { 'if-match': etag as string });
    const before = await h.countEvents();
    const stale = await send(h, 'POST', `${url}/plan/submission`, t.guru1, undefined, { 'if-match': etag as string });
    expect([stale.status, stale.body.code]).toEqual([412, 'STALE_REVISION']);
    expect(await h.countEvents()).toBe(before);
    const fresh = await ok(h, 'POST', `${url}/plan/submission`, t.guru1, undefined, { 'if-match': 'W/"1"' });
    expect([fresh.etag, fresh.body.revision]).toEqual(['W/"2"', '2']);
  });

  it('two writers with the same If-Match: exactly one succeeds, the other gets 412 STALE_REVISION', async () => {
    const url = appraisalUrl(NIPS.GURU2);
    const { etag } = await ok(h, 'GET', url, t.guru2);
    const before = await h.countEvents();
    const evidence = (evidenceId: string) => ({
      evidenceId,
      kind: 'LINK',
      url: 'https://a.example/b',
      description: 'b',
    });
    const results = await Promise.all([
      send(h, 'POST', `${url}/evidence`, t.guru2, evidence('bukti-a'), { 'if-match': etag as string }),
      send(h, 'POST', `${url}/evidence`, t.kepsek, evidence('bukti-b'), { 'if-match': etag as string }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 412]);
    expect(results.find((r) => r.status === 412)?.body).toMatchObject({ code: 'STALE_REVISION' });
    expect(await h.countEvents()).toBe(before + 1);
  });
});
