// A whole annual cycle through HTTP only, for the 12 people of Bidang Aplikasi Informatika (annual-cycle.fixtures.ts),
// from planning to the published distribution: opening, cascading SKP plans, the period's evidence and feedback,
// self / peer / supervisor assessment with approval, penetapan against the curve, publication and receipt.
//
// Why this layout. Under the default policy the curve applies per UNIT, and an appraisal's population is the unit
// it was started in (cyclePopulationId: the employee's own unit). A KASI heads, and belongs to, their seksi, so the
// real structure gives three populations, and the test keeps it rather than bending the organization into one:
//   bidang-aptika           {KABID}                         1 person
//   seksi-layanan-aplikasi  {KASI_APLIKASI + 5 staff}       6 people: BAIK <= 4, at least 1 BUTUH_PERBAIKAN/KURANG
//   seksi-tata-kelola-spbe  {KASI_SPBE + 4 staff}           5 people: BAIK <= 3, at least 1 BUTUH_PERBAIKAN/KURANG
// The two seksi make the curve check meaningful: seksi-layanan-aplikasi is first rated leniently (5 BAIK, nobody
// below) and refused with numbers, then its rater revises one rating in DETERMINATION; seksi-tata-kelola-spbe meets
// the curve at once. A one-person population cannot meet the BAIK curve at all (BAIK <= 70% of 1 is 0 people, and it
// needs one BUTUH_PERBAIKAN): the bidang is determined with the one override, which is flagged.
// The leader one level up: KADIS for the bidang (the rater of its head KABID), KABID for both seksi.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { PredikatCounts } from '../../libs/policy/src/distribution.js';
import type { Predikat } from '../../libs/policy/src/policy.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import {
  AGENCY,
  APPRAISED,
  ASSESSMENTS,
  BIDANG,
  EXPECTATION_BY_RATER,
  LINE,
  PEOPLE,
  PLANS,
  SAMUEL_REVISED,
  SEKSI_APLIKASI,
  SEKSI_SPBE,
  TIME_ZONE,
  allValues,
  buildOrganization,
  client,
  evidenceOf,
  principalsFor,
  ratingBody,
  rhkBody,
  type AppraisedKey,
  type Key,
  type Principals,
} from './annual-cycle.fixtures.js';

const CYCLE = 'skp-2026-bidang-aptika';
const BASE = `/api/v1/cycles/${CYCLE}`;
const nip = (key: Key) => PEOPLE[key].nip;
const appraisal = (key: Key) => `${BASE}/appraisals/${nip(key)}`;
const populationOf = (key: AppraisedKey) => PEOPLE[key].unitId;
const ALL_APPRAISALS = `${BASE}/appraisals?limit=500`;
const STEP_TIMEOUT = 60_000;

interface Summary {
  nip: string;
  unitId: string;
  populationId: string;
  raterNip: string | null;
  raterSupervisorNip: string | null;
  status: string;
  planStatus: string;
  ratingStatus: string | null;
  predikat: Predikat | null;
  published: boolean;
  publishedPredikat: Predikat | null;
  receivedAt: string | null;
  objectionLastDay: string | null;
}
interface Page {
  items: Summary[];
  nextCursor: string | null;
}
interface View {
  unitId: string;
  raterNip: string;
  raterSupervisorNip: string;
  plan: {
    status: string;
    rhk: { rhkId: string; cascadesFrom: unknown; perjanjianKinerjaRef: string | null }[];
    history: { kind: string; byNip: string | null }[];
  };
  behaviourExpectations: { value: string; expectation: string; setByNip: string }[];
  feedback: { giverNip: string; giverRelation: string; text: string }[];
  realisations: { rhkId: string; ikiId: string; value: number | null; evidenceIds: string[] }[];
  evidence: { evidenceId: string; kind: string; file: { sha256: string } | null; attachedByNip: string }[];
  selfAssessments: unknown[];
  peer: {
    chosenReviewerNips: string[] | null;
    chosenCount: number;
    submittedCount: number;
    aggregate: {
      reviewers: number;
      shown: boolean;
      values: { value: string; counts: Record<string, number>; responses: number }[] | null;
      notes: string[] | null;
    };
  };
  ratings: { version: number; status: string; rating: { predikat: Predikat; forDialogue: boolean } }[];
  dialogueRequired: boolean;
  approved: { version: number; predikat: Predikat } | null;
  result: { predikat: Predikat; ratingVersion: number; recommendations: unknown[] } | null;
  receipt: { receivedAt: string; objectionDeadline: Record<string, unknown> } | null;
}
interface Check {
  unitPredikat: string;
  population: { members: number; approved: number };
  counts: PredikatCounts;
  ok: boolean;
  violations: Record<string, unknown>[];
  unapproved: string[];
}

interface PopulationDistribution {
  populationId: string;
  unitPredikat: string | null;
  determined: boolean;
  counts: PredikatCounts | null;
  activeAppraisals: number;
  approvedAppraisals: number;
  violations: unknown[];
  override: { justification: string } | null;
  determinedAt: string | null;
}
interface Distribution {
  cycleId: string;
  phase: string;
  distributionScope: string;
  populations: PopulationDistribution[];
}

const OVERRIDE =
  'Bidang ini hanya berisi satu pejabat administrator: tidak ada sebaran yang memenuhi kurva untuk satu orang ' +
  '(berita acara penetapan 15 Desember 2026)';

/** The predikat published: as first rated, except SAMUEL's, revised in DETERMINATION. */
const FINAL = {
  ...Object.fromEntries(APPRAISED.map((key) => [key, ASSESSMENTS[key].predikat])),
  SAMUEL: SAMUEL_REVISED.predikat,
} as Record<AppraisedKey, Predikat>;

/** Follow-up recommendations by predikat (no framework is published, so no TRAINING for competency gaps). */
const RECOMMENDATIONS: Record<Predikat, unknown[]> = {
  SANGAT_BAIK: [{ kind: 'TALENT_POOL', predikat: 'SANGAT_BAIK', nineBox: null }],
  BAIK: [],
  BUTUH_PERBAIKAN: [{ kind: 'COACHING', predikat: 'BUTUH_PERBAIKAN' }],
  KURANG: [{ kind: 'COACHING', predikat: 'KURANG' }],
  SANGAT_KURANG: [{ kind: 'COACHING', predikat: 'SANGAT_KURANG' }],
};

/** A determined population of the published distribution, unit predikat BAIK, everyone approved. */
const determinedPopulation = (
  populationId: string,
  people: number,
  predikatCounts: PredikatCounts,
  flagged: Partial<PopulationDistribution> = {},
) => ({
  populationId,
  unitPredikat: 'BAIK',
  determined: true,
  counts: predikatCounts,
  activeAppraisals: people,
  approvedAppraisals: people,
  violations: [],
  override: null,
  determinedAt: expect.any(String),
  // The leader one level up who determined it (each population's own; the event's actor).
  determinedBy: { id: expect.stringMatching(/^pegawai-/), role: 'RATER_SUPERVISOR' },
  flaggedAfterDetermination: false,
  changesByObjection: [],
  ...flagged,
});

/** Every predikat, zeros included. */
const counts = (some: PredikatCounts) => ({
  SANGAT_BAIK: 0,
  BAIK: 0,
  BUTUH_PERBAIKAN: 0,
  KURANG: 0,
  SANGAT_KURANG: 0,
  ...some,
});

/** The keberatan window computed independently: 14 calendar days on the WIT calendar (UTC+9, no DST). */
function expectedDeadline(receivedAt: string) {
  const day = 24 * 3600_000;
  const startDay = new Date(Date.parse(receivedAt) + 9 * 3600_000).toISOString().slice(0, 10);
  const lastDay = new Date(Date.parse(`${startDay}T00:00:00Z`) + 14 * day).toISOString().slice(0, 10);
  const closesAt = new Date(Date.parse(`${lastDay}T00:00:00+09:00`) + day).toISOString();
  return { startDay, lastDay, closesAt, timeZone: TIME_ZONE, counting: 'CALENDAR' };
}

describe('an annual cycle for the 12 people of Bidang Aplikasi Informatika, from planning to the published distribution', () => {
  let h: ApiHarness;
  let p: Principals;
  let c: ReturnType<typeof client>;
  const as = (key: Key) => p.person[key];
  const view = (key: AppraisedKey, viewer: Key = key) => c.get<View>(appraisal(key), as(viewer));
  const check = (population: string) => `${BASE}/populations/${population}/distribution-check`;

  beforeAll(async () => {
    h = await startApiHarness();
    p = await principalsFor(h);
    c = client(h);
    await buildOrganization(h, p);
  }, STEP_TIMEOUT);
  afterAll(async () => {
    await h?.close();
  });

  it(
    '1. HR opens the ANNUAL cycle for the bidang subtree: exactly its 12 people get an appraisal, in pages',
    async () => {
      const opened = await c.post('/api/v1/cycles', p.hr, {
        cycleId: CYCLE,
        agencyId: AGENCY,
        name: 'Penilaian Kinerja Tahunan 2026 - Bidang Aplikasi Informatika',
        kind: 'ANNUAL',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        rootUnitId: BIDANG,
      });
      expect(opened).toMatchObject({
        kind: 'ANNUAL',
        phase: 'PLANNING',
        timeZone: TIME_ZONE,
        unitIds: [BIDANG, SEKSI_APLIKASI, SEKSI_SPBE],
        policyRef: { scope: 'national', version: 1 },
        appraisalsStarted: 12,
        appraisalsRefused: [],
      });

      await c.eventually<Page>(ALL_APPRAISALS, p.hr, (page) => page.items.length === 12);
      const seen: Summary[] = [];
      let pages = 0;
      let after: string | null = null;
      do {
        const page: Page = await c.get<Page>(`${BASE}/appraisals?limit=5${after ? `&after=${after}` : ''}`, p.hr);
        seen.push(...page.items);
        after = page.nextCursor;
        pages++;
      } while (after !== null);
      expect(pages).toBe(3);
      expect(seen.map((a) => a.nip)).toEqual(APPRAISED.map(nip).sort());
      for (const key of APPRAISED) {
        expect(seen.find((a) => a.nip === nip(key))).toMatchObject({
          unitId: PEOPLE[key].unitId,
          populationId: populationOf(key),
          raterNip: nip(LINE[key].rater),
          raterSupervisorNip: nip(LINE[key].supervisor),
          status: 'ACTIVE',
          planStatus: 'DRAFT',
        });
      }
      for (const outside of ['SEKDA', 'KADIS', 'PAULUS'] as const) {
        await c.refused(404, 'APPRAISAL_NOT_FOUND', 'GET', appraisal(outside), p.hr);
      }
    },
    STEP_TIMEOUT,
  );

  it(
    "2. planning: KABID from the Perjanjian Kinerja, everyone else cascading from their rater's RHK; approved with ekspektasi khusus",
    async () => {
      const draft = async (key: AppraisedKey) => {
        for (const plan of PLANS[key]) {
          expect(await c.post(`${appraisal(key)}/plan/rhk`, as(key), rhkBody(plan))).toMatchObject({
            rhkId: plan.rhkId,
          });
        }
      };
      // KABID first: her rater KADIS has no appraisal in the cycle, so her RHK name the Perjanjian Kinerja.
      await draft('KABID');
      // A staff member cannot plan before their KASI has an RHK to cascade from: refused, nothing written.
      const refusal = await c.refused(
        409,
        'SUPERVISOR_PLAN_MISSING',
        'POST',
        `${appraisal('SAMUEL')}/plan/rhk`,
        as('SAMUEL'),
        rhkBody(PLANS.SAMUEL[0]),
      );
      expect(refusal.message).toContain(nip('KASI_APLIKASI'));
      expect((await view('SAMUEL')).plan.rhk).toEqual([]);
      // Then the KASI (cascading from KABID), then the staff (cascading from their KASI).
      for (const key of APPRAISED.filter((k) => k !== 'KABID')) await draft(key);

      for (const key of APPRAISED) {
        const rater = LINE[key].rater;
        await c.post(`${appraisal(key)}/plan/submission`, as(key));
        await c.post(`${appraisal(key)}/plan/approval`, as(rater));
        await c.post(`${appraisal(key)}/behaviour-expectations`, as(rater), EXPECTATION_BY_RATER[rater]);
      }

      for (const key of APPRAISED) {
        const rater = LINE[key].rater;
        const v = await view(key);
        expect(v.plan.status).toBe('APPROVED');
        expect(v.plan.rhk.map((r) => [r.rhkId, r.cascadesFrom, r.perjanjianKinerjaRef])).toEqual(
          PLANS[key].map((plan) =>
            'perjanjianKinerjaRef' in plan.from
              ? [plan.rhkId, null, plan.from.perjanjianKinerjaRef]
              : [plan.rhkId, { raterNip: nip(plan.from.raterKey), rhkId: plan.from.rhkId }, null],
          ),
        );
        expect(v.plan.history.map((s) => [s.kind, s.byNip])).toEqual([
          ['SUBMITTED', null],
          ['APPROVED', nip(rater)],
        ]);
        expect(v.behaviourExpectations).toEqual([
          expect.objectContaining({ ...EXPECTATION_BY_RATER[rater], setByNip: nip(rater) }),
        ]);
      }
      await c.eventually<Page>(ALL_APPRAISALS, p.hr, (page) => page.items.every((a) => a.planStatus === 'APPROVED'));
      await c.post(`${BASE}/phase`, p.hr, { to: 'IN_PROGRESS', reason: 'Seluruh SKP 2026 telah disetujui' });
    },
    STEP_TIMEOUT,
  );

  it(
    '3. during the period: realisasi with bukti dukung (a file and its SHA-256), feedback from the rater',
    async () => {
      for (const key of APPRAISED) {
        const evidence = evidenceOf(key);
        await c.post(`${appraisal(key)}/evidence`, as(key), evidence);
        for (const plan of PLANS[key]) {
          await c.post(`${appraisal(key)}/realisations`, as(key), {
            rhkId: plan.rhkId,
            ikiId: plan.iki.ikiId,
            value: plan.iki.midYear,
            evidenceIds: [evidence.evidenceId],
          });
        }
      }
      const feedback = 'Dasbor sudah dipakai tim; tambahkan notifikasi otomatis ke pengelola aplikasi.';
      await c.post(`${appraisal('DEWI')}/feedback`, as('KASI_APLIKASI'), {
        text: feedback,
        relatesTo: { kind: 'IKI', id: 'iki-dewi-1' },
      });

      for (const key of APPRAISED) {
        const v = await view(key, LINE[key].rater);
        const { evidenceId, file } = evidenceOf(key);
        expect(v.evidence).toEqual([
          expect.objectContaining({ evidenceId, kind: 'FILE', file: { ...file }, attachedByNip: nip(key) }),
        ]);
        expect(v.realisations.map((r) => [r.ikiId, r.value, r.evidenceIds])).toEqual(
          PLANS[key].map((plan) => [plan.iki.ikiId, plan.iki.midYear, [evidenceId]]),
        );
      }
      expect((await view('DEWI')).feedback).toEqual([
        expect.objectContaining({ giverNip: nip('KASI_APLIKASI'), giverRelation: 'RATER', text: feedback }),
      ]);
      await c.post(`${BASE}/phase`, p.hr, { to: 'ASSESSMENT', reason: 'Periode penilaian akhir tahun 2026' });
    },
    STEP_TIMEOUT,
  );

  it(
    '4. assessment: self-assessments, peer input as an anonymous aggregate, ratings with the predikat from the matrix, a dialogue before one approval, every rating approved',
    async () => {
      for (const key of APPRAISED) {
        const [hasilKerja, perilaku] = ASSESSMENTS[key].self;
        await c.post(`${appraisal(key)}/self-assessment`, as(key), {
          rhk: PLANS[key].map((plan) => ({
            rhkId: plan.rhkId,
            rating: hasilKerja,
            note: `Realisasi ${plan.iki.final} ${plan.iki.unit} dari target ${plan.iki.target}`,
            evidenceIds: [evidenceOf(key).evidenceId],
          })),
          values: allValues(perilaku),
          hasilKerja,
          perilaku,
        });
      }

      // Peer input for RIZKY from three peers with the same rater, chosen by that rater.
      const peers = ['DEWI', 'YOSUA', 'NATALIA'] as const;
      await c.put(`${appraisal('RIZKY')}/peer-reviewers`, as('KASI_APLIKASI'), { reviewerNips: peers.map(nip) });
      const inputs = [
        ['DI_ATAS_EKSPEKTASI', 'Selalu membantu rekan saat rilis aplikasi'],
        ['DI_ATAS_EKSPEKTASI', 'Berbagi ilmu keamanan aplikasi'],
        ['SESUAI_EKSPEKTASI', ''],
      ] as const;
      for (const [i, reviewer] of peers.entries()) {
        const [rating, note] = inputs[i];
        await c.post(`${appraisal('RIZKY')}/peer-inputs`, as(reviewer), {
          values: [
            { value: 'KOLABORATIF', rating: 'DI_ATAS_EKSPEKTASI', note },
            { value: 'KOMPETEN', rating },
          ],
        });
        if (i === 1) {
          expect((await view('RIZKY')).peer.aggregate).toMatchObject({ reviewers: 2, shown: false, values: null });
        }
      }
      const byRizky = await view('RIZKY');
      expect(byRizky.peer).toMatchObject({ chosenReviewerNips: null, chosenCount: 3, submittedCount: 3 });
      expect(byRizky.peer.aggregate).toEqual({
        reviewers: 3,
        minimum: 3,
        shown: true,
        values: [
          {
            value: 'KOMPETEN',
            counts: { DI_BAWAH_EKSPEKTASI: 0, SESUAI_EKSPEKTASI: 1, DI_ATAS_EKSPEKTASI: 2 },
            responses: 3,
          },
          {
            value: 'KOLABORATIF',
            counts: { DI_BAWAH_EKSPEKTASI: 0, SESUAI_EKSPEKTASI: 0, DI_ATAS_EKSPEKTASI: 3 },
            responses: 3,
          },
        ],
        notes: ['Berbagi ilmu keamanan aplikasi', 'Selalu membantu rekan saat rilis aplikasi'],
      });
      expect(JSON.stringify(byRizky.peer)).not.toMatch(/\d{18}/);
      for (const peer of peers) expect(JSON.stringify(byRizky)).not.toContain(nip(peer));

      // A rating off SESUAI needs a justification and evidence; nothing is written without them.
      const rizky = ratingBody('RIZKY', ASSESSMENTS.RIZKY.rating, 'Enam layanan perizinan terintegrasi, target 4.');
      const { justification: _j, evidenceIds: _e, ...bare } = rizky as typeof rizky & { justification?: string };
      await c.refused(
        400,
        'JUSTIFICATION_REQUIRED',
        'POST',
        `${appraisal('RIZKY')}/ratings`,
        as('KASI_APLIKASI'),
        bare,
      );
      await c.refused(400, 'EVIDENCE_REQUIRED', 'POST', `${appraisal('RIZKY')}/ratings`, as('KASI_APLIKASI'), {
        ...bare,
        justification: 'Enam layanan perizinan terintegrasi, target 4.',
      });

      for (const key of APPRAISED) {
        const { rating, predikat } = ASSESSMENTS[key];
        const plan = PLANS[key][0].iki;
        const body = ratingBody(key, rating, `Capaian ${plan.final} ${plan.unit} terhadap target ${plan.target}.`);
        expect(await c.post(`${appraisal(key)}/ratings`, as(LINE[key].rater), body)).toMatchObject({
          version: 1,
          predikat,
        });
      }

      // MARTHEN rated himself DI_ATAS / DI_ATAS; his rater says DI_BAWAH / SESUAI: held for a dialogue.
      const marthen = await view('MARTHEN');
      expect(marthen.ratings).toEqual([
        expect.objectContaining({
          version: 1,
          status: 'SUBMITTED',
          rating: expect.objectContaining({ predikat: 'BUTUH_PERBAIKAN', forDialogue: true }),
        }),
      ]);
      expect(marthen.dialogueRequired).toBe(true);
      await c.refused(409, 'DIALOGUE_REQUIRED', 'POST', `${appraisal('MARTHEN')}/ratings/1/approval`, as('KABID'));
      await c.post(`${appraisal('MARTHEN')}/dialogue-notes`, as('KASI_SPBE'), {
        noteId: 'dialog-marthen',
        heldOn: '2026-12-08',
        text: 'Dialog kinerja: keterlambatan data 13 perangkat daerah dibahas; rencana perbaikan disepakati.',
      });
      // The rater's note unlocks approval once MARTHEN acknowledges that the dialogue took place.
      expect((await view('MARTHEN', 'KABID')).dialogueRequired).toBe(true);
      await c.refused(409, 'DIALOGUE_REQUIRED', 'POST', `${appraisal('MARTHEN')}/ratings/1/approval`, as('KABID'));
      await c.post(`${appraisal('MARTHEN')}/dialogue-notes/dialog-marthen/acknowledgement`, as('MARTHEN'), {
        comment: 'Dialog sudah dilakukan; data akan saya lengkapi.',
      });
      expect((await view('MARTHEN', 'KABID')).dialogueRequired).toBe(false);
      // Nobody else's rating is far enough from their self-assessment to need one.
      for (const key of APPRAISED) {
        const v = await view(key);
        expect([key, v.ratings[0].rating.forDialogue, v.dialogueRequired]).toEqual([key, key === 'MARTHEN', false]);
      }

      for (const key of APPRAISED) {
        expect(await c.post(`${appraisal(key)}/ratings/1/approval`, as(LINE[key].supervisor))).toMatchObject({
          version: 1,
          predikat: ASSESSMENTS[key].predikat,
        });
      }
      const listed = await c.eventually<Page>(ALL_APPRAISALS, p.hr, (page) =>
        page.items.every((a) => a.ratingStatus === 'APPROVED'),
      );
      expect(Object.fromEntries(listed.items.map((a) => [a.nip, a.predikat]))).toEqual(
        Object.fromEntries(APPRAISED.map((key) => [nip(key), ASSESSMENTS[key].predikat])),
      );
    },
    STEP_TIMEOUT,
  );

  it(
    '5. determination: unit predikat BAIK by the leader one level up; a lenient seksi refused with numbers, revised and determined; the one-person bidang overridden',
    async () => {
      await c.post(`${BASE}/phase`, p.hr, { to: 'DETERMINATION', reason: 'Penetapan predikat kinerja 2026' });
      await c.put(`${BASE}/populations/${BIDANG}/unit-predikat`, as('KADIS'), {
        unitPredikat: 'BAIK',
        reason: 'Capaian Perjanjian Kinerja Bidang Aplikasi Informatika 2026: 96%',
      });
      for (const seksi of [SEKSI_APLIKASI, SEKSI_SPBE]) {
        await c.put(`${BASE}/populations/${seksi}/unit-predikat`, as('KABID'), {
          unitPredikat: 'BAIK',
          reason: 'Seluruh sasaran seksi tercapai sesuai Perjanjian Kinerja',
        });
      }

      // seksi-layanan-aplikasi as first rated: 1 SANGAT_BAIK, 5 BAIK, nobody below.
      const lenient = await c.eventually<Check>(
        check(SEKSI_APLIKASI),
        as('KABID'),
        (v) => v.population.approved === 6 && v.unitPredikat === 'BAIK',
      );
      expect(lenient).toMatchObject({
        ok: false,
        population: { members: 6, approved: 6 },
        counts: counts({ SANGAT_BAIK: 1, BAIK: 5 }),
        unapproved: [],
      });
      expect(lenient.violations).toEqual([
        expect.objectContaining({
          bound: { predikat: ['BAIK'], kind: 'MAX_SHARE', value: 70 },
          actualPeople: 5,
          actualShare: 83.3,
          limitPeople: 4,
          peopleOver: 1,
          message: 'BAIK is 83.3% (5 of 6) > 70% (at most 4 people): 1 person over',
        }),
        expect.objectContaining({
          bound: { predikat: ['BUTUH_PERBAIKAN', 'KURANG'], kind: 'MIN_COUNT', value: 1 },
          actualPeople: 0,
          limitPeople: 1,
          peopleShort: 1,
          message: 'BUTUH_PERBAIKAN + KURANG is 0 people < 1: 1 person short',
        }),
      ]);
      const refused = await c.refused(
        422,
        'DISTRIBUTION_VIOLATED',
        'POST',
        `${BASE}/populations/${SEKSI_APLIKASI}/determination`,
        as('KABID'),
        {},
      );
      expect(refused.details).toMatchObject([
        { predikat: ['BAIK'], kind: 'MAX_SHARE', limitPeople: 4, actualPeople: 5, peopleOver: 1 },
        { predikat: ['BUTUH_PERBAIKAN', 'KURANG'], kind: 'MIN_COUNT', actualPeople: 0, peopleShort: 1 },
      ]);

      // The rater revises SAMUEL's rating (68% of tickets on time against a 90% target): a new version, approved again.
      const revised = await c.post(
        `${appraisal('SAMUEL')}/ratings`,
        as('KASI_APLIKASI'),
        ratingBody('SAMUEL', SAMUEL_REVISED.rating, 'Tiket tepat waktu 68% dari target 90%; rekap terlambat 5 bulan.'),
      );
      expect(revised).toMatchObject({ version: 2, predikat: SAMUEL_REVISED.predikat });
      const pending = await view('SAMUEL');
      expect(pending.ratings.map((r) => [r.version, r.status, r.rating.predikat])).toEqual([
        [1, 'APPROVED', 'BAIK'],
        [2, 'SUBMITTED', 'BUTUH_PERBAIKAN'],
      ]);
      expect(pending.approved).toBeNull();
      expect(await c.post(`${appraisal('SAMUEL')}/ratings/2/approval`, as('KABID'))).toMatchObject({
        version: 2,
        predikat: 'BUTUH_PERBAIKAN',
      });

      const fits = await c.eventually<Check>(
        check(SEKSI_APLIKASI),
        as('KABID'),
        (v) => v.ok && v.population.approved === 6,
      );
      expect(fits).toMatchObject({ counts: counts({ SANGAT_BAIK: 1, BAIK: 4, BUTUH_PERBAIKAN: 1 }), violations: [] });
      await c.post(`${BASE}/populations/${SEKSI_APLIKASI}/determination`, as('KABID'), {});

      // seksi-tata-kelola-spbe meets the curve as rated.
      const spbe = await c.eventually<Check>(
        check(SEKSI_SPBE),
        as('KABID'),
        (v) => v.population.approved === 5 && v.unitPredikat === 'BAIK',
      );
      expect(spbe).toMatchObject({ ok: true, counts: counts({ SANGAT_BAIK: 1, BAIK: 3, BUTUH_PERBAIKAN: 1 }) });
      await c.post(`${BASE}/populations/${SEKSI_SPBE}/determination`, as('KABID'), {});

      // The bidang is KABID alone: no single predikat meets the BAIK curve, so KADIS determines it with an override.
      const alone = await c.eventually<Check>(
        check(BIDANG),
        as('KADIS'),
        (v) => v.population.approved === 1 && v.unitPredikat === 'BAIK',
      );
      expect(alone.violations.map((v) => v.message)).toEqual([
        'BAIK is 100% (1 of 1) > 70% (at most 0 people): 1 person over',
        'BUTUH_PERBAIKAN + KURANG is 0 people < 1: 1 person short',
      ]);
      await c.refused(
        422,
        'DISTRIBUTION_VIOLATED',
        'POST',
        `${BASE}/populations/${BIDANG}/determination`,
        as('KADIS'),
        {},
      );
      await c.post(`${BASE}/populations/${BIDANG}/determination`, as('KADIS'), { overrideJustification: OVERRIDE });

      const determined = await c.eventually<Distribution>(`${BASE}/distribution`, p.hr, (d) =>
        d.populations.every((x) => x.determined),
      );
      expect(determined.populations.map((x) => [x.populationId, x.override, x.violations.length])).toEqual([
        [BIDANG, { justification: OVERRIDE }, 2],
        [SEKSI_APLIKASI, null, 0],
        [SEKSI_SPBE, null, 0],
      ]);
    },
    STEP_TIMEOUT,
  );

  it(
    '6. publication: every result with its recommendations, each receipt with a 14-day WIT deadline, and the published distribution',
    async () => {
      const published = await c.post(`${BASE}/phase`, p.hr, {
        to: 'PUBLISHED',
        reason: 'Hasil penilaian 2026 diumumkan',
      });
      expect(published).toMatchObject({
        phase: 'PUBLISHED',
        publication: { resultsPublished: 12, resultsRefused: [] },
      });

      for (const key of APPRAISED) {
        const predikat = FINAL[key];
        const v = await view(key);
        expect(v.result).toMatchObject({ predikat, ratingVersion: key === 'SAMUEL' ? 2 : 1 });
        expect([key, v.result?.recommendations]).toEqual([key, RECOMMENDATIONS[predikat]]);
        const before = Date.now();
        const receipt = await c.post<{ receivedAt: string; objectionDeadline: unknown }>(
          `${appraisal(key)}/receipt`,
          as(key),
        );
        expect(Date.parse(receipt.receivedAt)).toBeGreaterThanOrEqual(before - 1000);
        expect(Date.parse(receipt.receivedAt)).toBeLessThanOrEqual(Date.now() + 1000);
        expect(receipt.objectionDeadline).toEqual(expectedDeadline(receipt.receivedAt));
        expect((await view(key)).receipt).toEqual({
          receivedAt: receipt.receivedAt,
          objectionDeadline: expectedDeadline(receipt.receivedAt),
        });
      }
      const received = await c.eventually<Page>(ALL_APPRAISALS, p.hr, (page) =>
        page.items.every((a) => a.receivedAt !== null),
      );
      for (const a of received.items) {
        expect(a).toMatchObject({ published: true, objectionLastDay: expectedDeadline(a.receivedAt!).lastDay });
      }
      expect(Object.fromEntries(received.items.map((a) => [a.nip, a.publishedPredikat]))).toEqual(
        Object.fromEntries(APPRAISED.map((key) => [nip(key), FINAL[key]])),
      );

      // Every member of the agency now sees the distribution, counts only of populations of at least 3 people,
      // cells under 3 suppressed (null) with their complement: the two 1s hold 2 < 3 together, so BAIK goes too.
      const byStaff = await c.eventually<Distribution>(
        `${BASE}/distribution`,
        as('KEVIN'),
        (d) => d.phase === 'PUBLISHED',
      );
      const suppressed = { SANGAT_BAIK: null, BAIK: null, BUTUH_PERBAIKAN: null, KURANG: 0, SANGAT_KURANG: 0 };
      expect(byStaff.populations.map((x) => [x.populationId, x.counts])).toEqual([
        [BIDANG, null],
        [SEKSI_APLIKASI, suppressed],
        [SEKSI_SPBE, suppressed],
      ]);

      const distribution = await c.eventually<Distribution>(
        `${BASE}/distribution`,
        p.hr,
        (d) => d.phase === 'PUBLISHED',
      );
      expect(distribution).toEqual({
        cycleId: CYCLE,
        phase: 'PUBLISHED',
        distributionScope: 'UNIT',
        populations: [
          determinedPopulation(BIDANG, 1, counts({ BAIK: 1 }), {
            violations: [
              expect.objectContaining({ peopleOver: 1, limitPeople: 0 }),
              expect.objectContaining({ peopleShort: 1, limitPeople: 1 }),
            ],
            override: { justification: OVERRIDE },
          }),
          determinedPopulation(SEKSI_APLIKASI, 6, counts({ SANGAT_BAIK: 1, BAIK: 4, BUTUH_PERBAIKAN: 1 })),
          determinedPopulation(SEKSI_SPBE, 5, counts({ SANGAT_BAIK: 1, BAIK: 3, BUTUH_PERBAIKAN: 1 })),
        ],
      });
    },
    STEP_TIMEOUT,
  );
});
