// The workflow gates of issue 11 through HTTP: a rater who rates before the employee self-assesses does not close
// the self-assessment (a late one can mark the rating for dialogue); only the rater's note acknowledged by the
// employee unlocks approval; a rating under a declared conflict of interest is shown to the approver and needs an
// explicit acknowledgement. Every refusal writes nothing.
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
  send,
  tokensFor,
  type Tokens,
} from './appraisals.support.js';

const KEPSEK = appraisalUrl(NIPS.KEPSEK);
const GURU1 = appraisalUrl(NIPS.GURU1);
const GURU2 = appraisalUrl(NIPS.GURU2);

type View = {
  ratings: {
    version: number;
    conflictOfInterestFlagged: boolean;
    dialogueRequired: boolean;
    rating: { forDialogue: boolean };
  }[];
  dialogueRequired: boolean;
  selfAssessments: { version: number; ratingGap?: { version: number; gap: number; forDialogue: boolean } }[];
  dialogueNotes: { noteId: string; acknowledgedAt: string | null }[];
};

describe('dialogue gate and conflict-of-interest acknowledgement', () => {
  let h: ApiHarness;
  let t: Tokens;
  const view = async (url: string, token: string) => (await ok(h, 'GET', url, token)).body as unknown as View;
  const refused = async (status: number, code: string, url: string, token: string, body?: unknown) => {
    const before = await h.countEvents();
    const sent = await send(h, 'POST', url, token, body);
    expect({ url, status: sent.status, code: sent.body.code }).toEqual({ url, status, code });
    expect(await h.countEvents()).toBe(before);
    return sent.body;
  };
  const selfAssessment = (url: string, token: string, rating: string) =>
    ok(h, 'POST', `${url}/self-assessment`, token, {
      rhk: [{ rhkId: 'rhk-1', rating, note: '', evidenceIds: [] }],
      values: allValues(rating),
      hasilKerja: rating,
      perilaku: rating,
    });
  const rate = (url: string, hasilKerja: string, perilaku: string) =>
    ok(h, 'POST', `${url}/ratings`, t.kepsek, {
      realisations: [
        { rhkId: 'rhk-1', ikiId: 'iki-1-1', value: 70 },
        { rhkId: 'rhk-1', ikiId: 'iki-1-2', narrative: 'Sebagian modul belum dipakai' },
      ],
      hasilKerja,
      perilaku,
      ...(hasilKerja !== 'SESUAI_EKSPEKTASI' || perilaku !== 'SESUAI_EKSPEKTASI'
        ? { justification: 'Target ketuntasan tidak tercapai', evidenceIds: ['bukti-1'] }
        : {}),
    });

  beforeAll(async () => {
    h = await startApiHarness();
    t = await tokensFor(h);
    await buildOrganization(h, t);
    await openCycle(h);
    await ok(h, 'POST', `${KEPSEK}/plan/rhk`, t.kepsek, kepsekRhk);
    for (const [url, token] of [
      [GURU1, t.guru1],
      [GURU2, t.guru2],
    ] as const) {
      await ok(h, 'POST', `${url}/plan/rhk`, token, guruRhk('rhk-1', 'iki-1'));
      await ok(h, 'POST', `${url}/plan/submission`, token);
      await ok(h, 'POST', `${url}/plan/approval`, t.kepsek);
      await ok(h, 'POST', `${url}/evidence`, t.kepsek, {
        evidenceId: 'bukti-1',
        kind: 'LINK',
        url: 'https://drive.example.go.id/rekap-ketuntasan',
        description: 'Rekap ketuntasan semester II',
      });
    }
    await advancePhase(h, 'PLANNING', 'IN_PROGRESS');
    await advancePhase(h, 'IN_PROGRESS', 'ASSESSMENT');
  });
  afterAll(async () => {
    await h.close();
  });

  it('a rating before the self-assessment leaves it open; a wide late self-assessment marks the rating for dialogue', async () => {
    await rate(GURU1, 'DI_BAWAH_EKSPEKTASI', 'SESUAI_EKSPEKTASI');
    expect((await view(GURU1, t.kabid)).dialogueRequired).toBe(false);
    await selfAssessment(GURU1, t.guru1, 'DI_ATAS_EKSPEKTASI');
    const seen = await view(GURU1, t.kabid);
    expect(seen.selfAssessments.at(-1)?.ratingGap).toEqual({ version: 1, gap: 3, forDialogue: true });
    expect(seen.dialogueRequired).toBe(true);
    await refused(409, 'DIALOGUE_REQUIRED', `${GURU1}/ratings/1/approval`, t.kabid);
  });

  it("only the rater's note acknowledged by the employee unlocks approval, and the approval records it", async () => {
    await ok(h, 'POST', `${GURU1}/dialogue-notes`, t.guru1, { heldOn: '2025-12-10', text: 'Saya tidak setuju.' });
    await refused(409, 'DIALOGUE_REQUIRED', `${GURU1}/ratings/1/approval`, t.kabid);
    await ok(h, 'POST', `${GURU1}/dialogue-notes`, t.kepsek, {
      noteId: 'dialog-1',
      heldOn: '2025-12-11',
      text: 'Ketuntasan dibahas bersama; rencana remedial disepakati.',
    });
    const waiting = await refused(409, 'DIALOGUE_REQUIRED', `${GURU1}/ratings/1/approval`, t.kabid);
    expect(waiting.message).toContain('dialog-1');
    await refused(404, 'DIALOGUE_NOTE_NOT_FOUND', `${GURU1}/dialogue-notes/no-such-note/acknowledgement`, t.guru1);
    await refused(403, 'FORBIDDEN', `${GURU1}/dialogue-notes/dialog-1/acknowledgement`, t.kepsek);
    await ok(h, 'POST', `${GURU1}/dialogue-notes/dialog-1/acknowledgement`, t.guru1, {
      comment: 'Dialog sudah dilakukan.',
    });
    expect((await view(GURU1, t.guru1)).dialogueNotes).toEqual(
      expect.arrayContaining([expect.objectContaining({ noteId: 'dialog-1', acknowledgedAt: expect.any(String) })]),
    );
    const approved = await ok(h, 'POST', `${GURU1}/ratings/1/approval`, t.kabid);
    expect(approved.body).toMatchObject({
      version: 1,
      predikat: 'BUTUH_PERBAIKAN',
      dialogue: { noteId: 'dialog-1', acknowledged: true },
      conflictOfInterest: null,
    });
    await refused(409, 'SELF_ASSESSMENT_CLOSED', `${GURU1}/self-assessment`, t.guru1, {
      rhk: [{ rhkId: 'rhk-1', rating: 'SESUAI_EKSPEKTASI', note: '', evidenceIds: [] }],
      values: allValues('SESUAI_EKSPEKTASI'),
      hasilKerja: 'SESUAI_EKSPEKTASI',
      perilaku: 'SESUAI_EKSPEKTASI',
    });
  });

  it('a rating under a declared conflict of interest is shown to the approver and approved only with a reason', async () => {
    const declared = await ok(h, 'POST', `/api/v1/employees/${NIPS.GURU2}/conflicts-of-interest`, t.guru2, {
      raterNip: NIPS.KEPSEK,
      kind: 'FAMILY',
      description: 'Kepala sekolah adalah paman saya',
    });
    const declarationId = (declared.body as { declarationId: string }).declarationId;
    await rate(GURU2, 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI');
    expect((await view(GURU2, t.kabid)).ratings[0]).toMatchObject({ conflictOfInterestFlagged: true });
    const refusal = await refused(
      409,
      'CONFLICT_OF_INTEREST_ACKNOWLEDGEMENT_REQUIRED',
      `${GURU2}/ratings/1/approval`,
      t.kabid,
    );
    expect(refusal.details).toEqual([expect.objectContaining({ declarationId })]);
    await refused(409, 'CONFLICT_OF_INTEREST_ACKNOWLEDGEMENT_REQUIRED', `${GURU2}/ratings/1/approval`, t.kabid, {
      conflictOfInterestAcknowledgement: '   ',
    });
    const approved = await ok(h, 'POST', `${GURU2}/ratings/1/approval`, t.kabid, {
      conflictOfInterestAcknowledgement: 'Realisasi diperiksa sendiri oleh Kabid terhadap rekap ketuntasan',
    });
    expect(approved.body).toMatchObject({
      conflictOfInterest: {
        declarationIds: [declarationId],
        acknowledgement: 'Realisasi diperiksa sendiri oleh Kabid terhadap rekap ketuntasan',
      },
      dialogue: null,
    });
  });
});
