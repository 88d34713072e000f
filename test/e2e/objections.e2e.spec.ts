// Keberatan through HTTP on a published cycle: filing at the edge of a WIT agency's window (where a UTC count is
// wrong by a day), one open objection at a time, statements before the decision, the decision by the decider
// only, UPHELD and CHANGED (the curve checked again and the population flagged), withdrawal, HR's paper record,
// and who sees the statements. Every refusal writes nothing. The API's clock is set by the test.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../libs/auth/src/index.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { buildOrganization, tokensFor, type Tokens } from './organization.fixtures.js';
import { A, NIPS, appendApprovedRating, cycleClient, openBody } from './cycles.support.js';

const { KADIS, KABID, KEPSEK, GURU1, GURU2 } = NIPS;
const CYCLE = 'keb-2026';
const BASE = `/api/v1/cycles/${CYCLE}`;
const of = (nip: string) => `${BASE}/appraisals/${nip}`;
const objections = (nip: string) => `${of(nip)}/objections`;

type ObjectionView = {
  objectionId: string;
  status: string;
  overdue: boolean;
  deciderNip: string | null;
  recordedByHr: boolean;
  statements: { party: string; statement: string | null; withheld: boolean }[];
  decision: { outcome: string; after: { predikat: string } } | null;
};

describe('keberatan: from filing to the final decision', () => {
  let h: ApiHarness;
  let t: Tokens;
  let c: ReturnType<typeof cycleClient>;
  let kabid: string;
  let kadis: string;
  let now = new Date('2027-01-04T01:00:00.000Z');
  const at = (iso: string) => {
    now = new Date(iso);
  };

  const refused = async (
    status: number,
    code: string,
    method: 'POST' | 'PUT',
    url: string,
    token: string | undefined,
    body?: unknown,
  ) => {
    const before = await h.countEvents();
    const sent = await c.send(method, url, token, body);
    expect({ url, status: sent.statusCode, code: (sent.json() as { code?: string }).code }).toEqual({
      url,
      status,
      code,
    });
    expect(await h.countEvents()).toBe(before);
    return sent.json() as { message: string; details?: unknown[] };
  };
  const view = async (nip: string, token: string) =>
    (await c.send('GET', of(nip), token)).json() as { objections: ObjectionView[]; result: { predikat: string } };
  const objectionBody = (objectionId: string) => ({
    objectionId,
    reasons: 'Realisasi IKI melampaui target; bukti laporan terlampir.',
    items: [{ kind: 'HASIL_KERJA_RATING' }],
    evidence: [{ kind: 'LINK', url: 'https://drive.example.go.id/laporan', description: 'Laporan semester II' }],
  });

  beforeAll(async () => {
    h = await startApiHarness({}, { clock: { now: () => now } });
    t = await tokensFor(h);
    c = cycleClient(h);
    await buildOrganization(h, t);
    const person = (sub: string, nip: string) =>
      h.token({ sub, roles: [Role.EMPLOYEE, Role.RATER, Role.RATER_SUPERVISOR], agencyId: A, nip });
    kabid = await person('kabid', KABID);
    kadis = await person('kadis', KADIS);
    // sd-3 under the default (per-unit) curve with unit predikat BAIK: at most 70% BAIK and at least one
    // BUTUH_PERBAIKAN or KURANG. Two BAIK and one BUTUH_PERBAIKAN meet it.
    await c.ok('POST', '/api/v1/cycles', t.hrA, openBody(CYCLE, { rootUnitId: 'sd-3' }));
    await c.eventually<{ items: unknown[] }>(`${BASE}/appraisals`, t.hrA, (p) => p.items.length === 3);
    await c.advance(CYCLE, t.hrA, 'IN_PROGRESS', 'ASSESSMENT');
    await appendApprovedRating(h, CYCLE, KEPSEK, 'BAIK', KABID, KADIS);
    await appendApprovedRating(h, CYCLE, GURU1, 'BAIK', KEPSEK, KABID);
    await appendApprovedRating(h, CYCLE, GURU2, 'BUTUH_PERBAIKAN', KEPSEK, KABID);
    await c.advance(CYCLE, t.hrA, 'DETERMINATION');
    await c.ok(
      'PUT',
      `${BASE}/populations/sd-3/unit-predikat`,
      kabid,
      { unitPredikat: 'BAIK', reason: 'capaian unit 2026' },
      200,
    );
    await c.eventually<{ population: { approved: number } }>(
      `${BASE}/populations/sd-3/distribution-check`,
      t.hrA,
      (v) => v.population.approved === 3,
    );
    await c.ok('POST', `${BASE}/populations/sd-3/determination`, kabid, {});
    await c.ok('POST', `${BASE}/phase`, t.hrA, { to: 'PUBLISHED', reason: 'penetapan selesai' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('at the edge of the window in a WIT agency: 00:00 local after the last day is late, 23:59:59 is in time', async () => {
    at('2027-01-04T14:30:00.000Z'); // 23:30 on 4 January in Manokwari: day 0
    const receipt = await c.ok('POST', `${of(GURU1)}/receipt`, t.guru1);
    expect(receipt.objectionDeadline).toMatchObject({ lastDay: '2027-01-18', timeZone: 'Asia/Jayapura' });
    at('2027-01-18T15:00:00.000Z'); // still the 18th in UTC, already the 19th in WIT
    const late = await refused(
      422,
      'OBJECTION_WINDOW_CLOSED',
      'POST',
      objections(GURU1),
      t.guru1,
      objectionBody('obj-late'),
    );
    expect(late.message).toContain('2027-01-18');
    expect(late.message).toContain('WIT');
    at('2027-01-18T14:59:59.000Z');
    const filed = await c.ok('POST', objections(GURU1), t.guru1, objectionBody('obj-1'));
    expect(filed).toMatchObject({ id: 'obj-1' });
    const [objection] = (await view(GURU1, t.guru1)).objections;
    expect(objection).toMatchObject({ objectionId: 'obj-1', status: 'OPEN', deciderNip: KABID, recordedByHr: false });
  });

  it('one open objection at a time; only the decider decides, and only after both statements', async () => {
    await refused(409, 'OBJECTION_ALREADY_OPEN', 'POST', objections(GURU1), t.guru1, objectionBody('obj-2'));
    const decide = `${objections(GURU1)}/obj-1/decision`;
    await refused(409, 'STATEMENTS_NOT_REQUESTED', 'POST', decide, kabid, { outcome: 'UPHELD', reasons: 'tetap' });
    await refused(403, 'FORBIDDEN', 'POST', decide, t.kepsek, { outcome: 'UPHELD', reasons: 'tetap' });
    await refused(403, 'FORBIDDEN', 'POST', decide, t.guru1, { outcome: 'UPHELD', reasons: 'tetap' });
    for (const party of ['RATER', 'EMPLOYEE']) {
      await c.ok('POST', `${objections(GURU1)}/obj-1/statement-requests`, kabid, { party });
    }
    await refused(409, 'STATEMENT_PENDING', 'POST', decide, kabid, { outcome: 'UPHELD', reasons: 'tetap' });
    await c.ok('POST', `${objections(GURU1)}/obj-1/statements`, t.kepsek, {
      statement: 'Penilaian sesuai rekap bukti.',
    });
    await c.ok('POST', `${objections(GURU1)}/obj-1/statements`, t.guru1, { statement: 'Laporan terlambat diunggah.' });
    // Before the decision the employee does not see the rater's statement, nor the rater the employee's.
    const texts = async (token: string) =>
      (await view(GURU1, token)).objections[0].statements.map((s) => (s.withheld ? 'withheld' : s.statement));
    expect(await texts(t.guru1)).toEqual(['withheld', 'Laporan terlambat diunggah.']);
    expect(await texts(t.kepsek)).toEqual(['Penilaian sesuai rekap bukti.', 'withheld']);
    expect(await texts(kabid)).toEqual(['Penilaian sesuai rekap bukti.', 'Laporan terlambat diunggah.']);
    expect(await texts(t.hrA)).toEqual(['withheld', 'withheld']);
    const upheld = await c.ok('POST', decide, kabid, { outcome: 'UPHELD', reasons: 'Bukti tidak mengubah capaian.' });
    expect(upheld).toMatchObject({
      outcome: 'UPHELD',
      after: { predikat: 'BAIK' },
      overdue: false,
      distribution: null,
    });
    expect(await texts(t.guru1)).toEqual(['Penilaian sesuai rekap bukti.', 'Laporan terlambat diunggah.']);
    await refused(409, 'OBJECTION_ALREADY_DECIDED', 'POST', objections(GURU1), t.guru1, objectionBody('obj-3'));
  });

  it('a CHANGED decision takes its predikat from the matrix, updates the result and flags the broken curve', async () => {
    at('2027-01-06T02:00:00.000Z'); // GURU2 never acknowledged: the window counts from publication
    await c.ok('POST', objections(GURU2), t.guru2, objectionBody('obj-g2'));
    for (const party of ['RATER', 'EMPLOYEE']) {
      await c.ok('POST', `${objections(GURU2)}/obj-g2/statement-requests`, kabid, { party });
    }
    await c.ok('POST', `${objections(GURU2)}/obj-g2/statements`, t.guru2, { statement: 'Target tercapai.' });
    at('2027-01-20T02:00:00.000Z'); // the rater's request has lapsed (5 working days)
    const changed = await c.ok('POST', `${objections(GURU2)}/obj-g2/decision`, kabid, {
      outcome: 'CHANGED',
      reasons: 'Bukti laporan sah; hasil kerja sesuai ekspektasi.',
      hasilKerja: 'SESUAI_EKSPEKTASI',
      perilaku: 'SESUAI_EKSPEKTASI',
    });
    expect(changed).toMatchObject({
      outcome: 'CHANGED',
      before: { predikat: 'BUTUH_PERBAIKAN' },
      after: { predikat: 'BAIK' },
      distribution: { populationId: 'sd-3', counts: { BAIK: 3, BUTUH_PERBAIKAN: 0 } },
    });
    expect((changed.distribution as { violations: unknown[] }).violations.length).toBeGreaterThan(0);
    expect((await view(GURU2, t.guru2)).result.predikat).toBe('BAIK');
    const distribution = await c.eventually<{
      populations: { populationId: string; flaggedAfterDetermination: boolean }[];
    }>(`${BASE}/distribution`, t.hrA, (d) =>
      d.populations.some((p) => p.populationId === 'sd-3' && p.flaggedAfterDetermination),
    );
    expect(distribution.populations.find((p) => p.populationId === 'sd-3')).toMatchObject({
      counts: expect.objectContaining({ BAIK: 3 }),
      changesByObjection: [expect.objectContaining({ nip: GURU2, from: 'BUTUH_PERBAIKAN', to: 'BAIK' })],
    });
    await c.eventually<{ items: { nip: string; publishedPredikat: string | null }[] }>(
      `${BASE}/appraisals`,
      t.hrA,
      (p) => p.items.some((a) => a.nip === GURU2 && a.publishedPredikat === 'BAIK'),
    );
  });

  it('the employee withdraws before the decision; HR records a letter received on paper', async () => {
    at('2027-01-07T02:00:00.000Z');
    await c.ok('POST', objections(KEPSEK), t.kepsek, objectionBody('obj-k1'));
    await refused(403, 'FORBIDDEN', 'POST', `${objections(KEPSEK)}/obj-k1/withdrawal`, t.hrA, { reason: 'x' });
    await c.ok('POST', `${objections(KEPSEK)}/obj-k1/withdrawal`, t.kepsek, { reason: 'Sudah dibahas dengan atasan.' });
    expect((await view(KEPSEK, t.kepsek)).objections[0]).toMatchObject({ status: 'WITHDRAWN' });
    const paper = { ...objectionBody('obj-k2'), letterReceivedOn: '2027-01-06', letterScanSha256: 'b'.repeat(64) };
    await refused(400, 'LETTER_DATE_IN_FUTURE', 'POST', `${objections(KEPSEK)}/paper`, t.hrA, {
      ...paper,
      letterReceivedOn: '2027-01-09',
    });
    await refused(403, 'FORBIDDEN', 'POST', `${objections(KEPSEK)}/paper`, t.hrB, paper);
    await c.ok('POST', `${objections(KEPSEK)}/paper`, t.hrA, paper);
    expect((await view(KEPSEK, kadis)).objections[1]).toMatchObject({
      objectionId: 'obj-k2',
      recordedByHr: true,
      deciderNip: KADIS,
    });
  });

  it('bad input is a clear 4xx and writes nothing', async () => {
    await refused(400, 'VALIDATION_FAILED', 'POST', objections(KEPSEK), t.kepsek, { reasons: 'x', items: [] });
    await refused(400, 'VALIDATION_FAILED', 'POST', objections(KEPSEK), t.kepsek, {
      ...objectionBody('o'),
      items: [{ kind: 'NOPE' }],
    });
    await refused(400, 'VALIDATION_FAILED', 'POST', `${objections(KEPSEK)}/obj-k2/decision`, kadis, {
      outcome: 'MAYBE',
      reasons: 'x',
    });
    await refused(404, 'OBJECTION_NOT_FOUND', 'POST', `${objections(KEPSEK)}/no-such/withdrawal`, t.kepsek, {
      reason: 'x',
    });
  });
});
