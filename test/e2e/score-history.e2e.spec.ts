// Score histories through HTTP on a published cycle: the rater's rating, a revision in DETERMINATION (to fit the
// curve) and its approval, publication, and a keberatan decided CHANGED, each with who, when and why; an
// employee's trend across cycles with the competency gaps; the access matrix of both routes; bad input is a clear
// 4xx and writes nothing (a read as AUDITOR writes its audit record only).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Role } from '../../libs/auth/src/index.js';
import { appraisalStreamName } from '../../libs/appraisal/src/appraisal/appraisal-events.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { buildOrganization, tokensFor, type Tokens } from './organization.fixtures.js';
import { A, EVERYONE, NIPS, appendApprovedRating, cycleClient, openBody, tokenOf, type Who } from './cycles.support.js';

const { KADIS, KABID, KEPSEK, GURU1, GURU2 } = NIPS;
const CYCLE = 'riwayat-2026';
const BASE = `/api/v1/cycles/${CYCLE}`;
const of = (nip: string) => `${BASE}/appraisals/${nip}`;
const history = (nip: string, query = '') => `${of(nip)}/score-history${query}`;
const trend = (nip: string, query = '') => `/api/v1/employees/${nip}/score-trend${query}`;

interface Entry {
  revision: string;
  change: string;
  phase: string | null;
  ratingVersion: number | null;
  scores: { item: { kind: string; code?: string }; value: unknown; previous: unknown }[];
  predikat: string | null;
  by: { nip: string | null; role: string };
  reason: string | null;
  at: string;
}
type Page<T> = { items: T[]; nextCursor: string | null };

describe('score histories', () => {
  let h: ApiHarness;
  let t: Tokens;
  let c: ReturnType<typeof cycleClient>;
  let kabid: string;
  let now = new Date('2026-12-20T01:00:00.000Z');
  const at = (iso: string) => {
    now = new Date(iso);
  };

  /** GURU1's approved rating revised in DETERMINATION (version 2, same predikat, a lower competency level). */
  const appendRevision = async () => {
    const stream = appraisalStreamName(CYCLE, GURU1);
    const store = h.api.infrastructure.eventStore;
    const last = (await store.readStream(stream)).at(-1)!;
    const meta = (role: string, id: string, occurredAt: string) => ({
      actor: { id, role },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt,
    });
    await store.appendToStream(
      stream,
      [
        {
          id: randomUUID(),
          type: 'SupervisorRatingSubmitted.v1',
          data: {
            version: 2,
            raterNip: KEPSEK,
            realisations: [],
            hasilKerja: 'SESUAI_EKSPEKTASI',
            perilaku: 'SESUAI_EKSPEKTASI',
            predikat: 'BAIK',
            valueNotes: [],
            competencyLevels: [{ code: 'INTEGRITAS', level: 2 }],
            justification: 'Disesuaikan agar distribusi unit memenuhi kurva',
            evidenceIds: [],
            conflictOfInterestDeclarationIds: [],
            forDialogue: false,
            submittedAt: '2026-12-21T01:00:00.000Z',
          },
          metadata: meta('RATER', 'kepsek', '2026-12-21T01:00:00.000Z'),
        },
        {
          id: randomUUID(),
          type: 'RatingApproved.v1',
          data: { version: 2, predikat: 'BAIK', approvedByNip: KABID, approvedAt: '2026-12-21T02:00:00.000Z' },
          metadata: meta('RATER_SUPERVISOR', 'kabid', '2026-12-21T02:00:00.000Z'),
        },
      ],
      { expected: last.revision },
    );
  };

  beforeAll(async () => {
    h = await startApiHarness({}, { clock: { now: () => now } });
    t = await tokensFor(h);
    c = cycleClient(h);
    await buildOrganization(h, t);
    kabid = await h.token({
      sub: 'kabid',
      roles: [Role.EMPLOYEE, Role.RATER, Role.RATER_SUPERVISOR],
      agencyId: A,
      nip: KABID,
    });
    await c.ok('POST', '/api/v1/cycles', t.hrA, openBody(CYCLE, { rootUnitId: 'sd-3' }));
    await c.eventually<{ items: unknown[] }>(`${BASE}/appraisals`, t.hrA, (p) => p.items.length === 3);
    await c.advance(CYCLE, t.hrA, 'IN_PROGRESS', 'ASSESSMENT');
    await appendApprovedRating(h, CYCLE, KEPSEK, 'BAIK', KABID, KADIS);
    await appendApprovedRating(h, CYCLE, GURU1, 'BAIK', KEPSEK, KABID, [{ code: 'INTEGRITAS', level: 3 }]);
    await appendApprovedRating(h, CYCLE, GURU2, 'BUTUH_PERBAIKAN', KEPSEK, KABID);
    await c.advance(CYCLE, t.hrA, 'DETERMINATION');
    await appendRevision();
    await c.ok(
      'PUT',
      `${BASE}/populations/sd-3/unit-predikat`,
      kabid,
      { unitPredikat: 'BAIK', reason: 'capaian' },
      200,
    );
    await c.eventually<{ population: { approved: number } }>(
      `${BASE}/populations/sd-3/distribution-check`,
      t.hrA,
      (v) => v.population.approved === 3,
    );
    await c.ok('POST', `${BASE}/populations/sd-3/determination`, kabid, {});
    at('2027-01-04T01:00:00.000Z');
    await c.ok('POST', `${BASE}/phase`, t.hrA, { to: 'PUBLISHED', reason: 'penetapan selesai' });
  });
  afterAll(async () => {
    await h?.close();
  });

  const entries = (nip: string, token: string, ready: (p: Page<Entry>) => boolean) =>
    c.eventually<Page<Entry>>(history(nip), token, ready);

  it('shows the rating, the revision in DETERMINATION with its reason, the approvals and the publication', async () => {
    const page = await entries(GURU1, t.guru1, (p) => p.items.some((e) => e.change === 'PUBLISHED'));
    expect(page.items.map((e) => [e.change, e.phase, e.ratingVersion])).toEqual([
      ['RATED', 'ASSESSMENT', 1],
      ['APPROVED', 'ASSESSMENT', 1],
      ['REVISED_IN_DETERMINATION', 'DETERMINATION', 2],
      ['APPROVED', 'DETERMINATION', 2],
      ['PUBLISHED', 'PUBLISHED', 2],
    ]);
    const revised = page.items[2];
    expect(revised).toMatchObject({
      by: { nip: KEPSEK, role: 'RATER' },
      reason: 'Disesuaikan agar distribusi unit memenuhi kurva',
      at: '2026-12-21T01:00:00.000Z',
      predikat: 'BAIK',
    });
    expect(revised.scores).toContainEqual({ item: { kind: 'COMPETENCY', code: 'INTEGRITAS' }, value: 2, previous: 3 });
    expect(page.items[3]).toMatchObject({ by: { nip: KABID, role: 'RATER_SUPERVISOR' } });
    // pages of two, by revision
    const first = (await c.send('GET', history(GURU1, '?limit=2'), t.guru1)).json() as Page<Entry>;
    expect(first.items.map((e) => e.change)).toEqual(['RATED', 'APPROVED']);
    const second = (
      await c.send('GET', history(GURU1, `?limit=2&after=${first.nextCursor}`), t.guru1)
    ).json() as Page<Entry>;
    expect(second.items.map((e) => e.change)).toEqual(['REVISED_IN_DETERMINATION', 'APPROVED']);
  });

  it('a keberatan decided CHANGED shows in the history with the decider, the reasons, before and after', async () => {
    const objections = `${of(GURU2)}/objections`;
    at('2027-01-06T02:00:00.000Z');
    await c.ok('POST', objections, t.guru2, {
      objectionId: 'obj-g2',
      reasons: 'Realisasi IKI melampaui target; bukti laporan terlampir.',
      items: [{ kind: 'HASIL_KERJA_RATING' }],
      evidence: [],
    });
    for (const party of ['RATER', 'EMPLOYEE']) {
      await c.ok('POST', `${objections}/obj-g2/statement-requests`, kabid, { party });
    }
    await c.ok('POST', `${objections}/obj-g2/statements`, t.guru2, { statement: 'Target tercapai.' });
    at('2027-01-20T02:00:00.000Z'); // the rater's request has lapsed
    await c.ok('POST', `${objections}/obj-g2/decision`, kabid, {
      outcome: 'CHANGED',
      reasons: 'Bukti laporan sah; hasil kerja sesuai ekspektasi.',
      hasilKerja: 'SESUAI_EKSPEKTASI',
      perilaku: 'SESUAI_EKSPEKTASI',
    });
    const page = await entries(GURU2, t.guru2, (p) => p.items.some((e) => e.change === 'OBJECTION_CHANGED'));
    expect(page.items.map((e) => e.change)).toEqual(['RATED', 'APPROVED', 'PUBLISHED', 'OBJECTION_CHANGED']);
    expect(page.items[3]).toEqual({
      revision: expect.any(String),
      change: 'OBJECTION_CHANGED',
      phase: 'PUBLISHED',
      ratingVersion: null,
      scores: [
        { item: { kind: 'HASIL_KERJA' }, value: 'SESUAI_EKSPEKTASI', previous: 'DI_BAWAH_EKSPEKTASI' },
        { item: { kind: 'PERILAKU' }, value: 'SESUAI_EKSPEKTASI', previous: 'SESUAI_EKSPEKTASI' },
        { item: { kind: 'PREDIKAT' }, value: 'BAIK', previous: 'BUTUH_PERBAIKAN' },
      ],
      predikat: 'BAIK',
      by: { nip: KABID, role: expect.any(String) },
      reason: 'Bukti laporan sah; hasil kerja sesuai ekspektasi.',
      at: '2027-01-20T02:00:00.000Z',
    });
  });

  it("gives the employee's trend: the result as the keberatan left it", async () => {
    const page = await c.eventually<Page<Record<string, unknown>>>(trend(GURU2), t.guru2, (p) => p.items.length === 1);
    expect(page.items[0]).toMatchObject({
      cycleId: CYCLE,
      agencyId: A,
      kind: 'ANNUAL',
      periodStart: '2026-01-01',
      predikat: 'BAIK',
      changedOnObjection: true,
    });
    expect(page.nextCursor).toBeNull();
    const guru1 = (await c.send('GET', trend(GURU1), t.guru1)).json() as Page<Record<string, unknown>>;
    expect(guru1.items[0]).toMatchObject({
      ratingVersion: 2,
      competencyLevels: [{ code: 'INTEGRITAS', level: 2 }],
      changedOnObjection: false,
    });
  });

  it('/metrics reports the lag of the score history and training read models', async () => {
    const text = (await c.send('GET', '/metrics', undefined)).body;
    expect(text).toContain('kinerja_projection_lag_events{projection="score_history"}');
    expect(text).toContain('kinerja_projection_lag_events{projection="training_jp"}');
  });

  const statusOf = async (url: string, who: Who) => (await c.send('GET', url, await tokenOf(h, who))).statusCode;

  it('access: the score history for the employee, rater, supervisor, HR of the agency, AUDITOR (recorded)', async () => {
    const allowed: Who[] = ['EMPLOYEE own', 'RATER', 'RATER_SUPERVISOR', 'HR own', 'AUDITOR'];
    const before = await h.countEvents();
    const got: Record<string, number> = {};
    const want: Record<string, number> = {};
    for (const who of EVERYONE) {
      got[who] = await statusOf(history(GURU1), who);
      want[who] = who === 'anonymous' ? 401 : allowed.includes(who) ? 200 : 403;
    }
    expect(got).toEqual(want);
    expect(await h.countEvents()).toBe(before + 1); // the auditor's read is recorded
  });

  it('access: the score trend for the employee, HR of their agency and AUDITOR only', async () => {
    const before = await h.countEvents();
    const got: Record<string, number> = {};
    const want: Record<string, number> = {};
    for (const who of EVERYONE) {
      got[who] = await statusOf(trend(GURU1), who);
      want[who] = who === 'anonymous' ? 401 : ['EMPLOYEE own', 'HR own', 'AUDITOR'].includes(who) ? 200 : 403;
    }
    expect(got).toEqual(want);
    expect(await h.countEvents()).toBe(before + 1);
  });

  it('bad input is a clear 4xx and writes nothing', async () => {
    const before = await h.countEvents();
    const refused = async (url: string, status: number, code: string) => {
      const r = await c.send('GET', url, t.hrA);
      expect({ url, status: r.statusCode, code: (r.json() as { code?: string }).code }).toEqual({ url, status, code });
    };
    await refused(history(GURU1, '?limit=0'), 400, 'VALIDATION_FAILED');
    await refused(history(GURU1, '?after=abc'), 400, 'VALIDATION_FAILED');
    await refused(history(GURU1, '?kind=RATED'), 400, 'VALIDATION_FAILED'); // undeclared parameter
    await refused(`${BASE}/appraisals/123/score-history`, 400, 'VALIDATION_FAILED');
    await refused(history(NIPS.PLT), 404, 'APPRAISAL_NOT_FOUND');
    await refused('/api/v1/cycles/no-such-cycle/appraisals/198503152010011002/score-history', 404, 'CYCLE_NOT_FOUND');
    await refused(trend(GURU1, '?limit=501'), 400, 'VALIDATION_FAILED');
    await refused(trend(GURU1, '?after=!!'), 400, 'VALIDATION_FAILED');
    await refused(trend('12345'), 400, 'VALIDATION_FAILED');
    await refused(trend('199912312020121001'), 404, 'EMPLOYEE_NOT_FOUND');
    expect(await h.countEvents()).toBe(before);
  });
});
