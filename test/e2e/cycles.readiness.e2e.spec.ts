// Issue 11, "A cycle can be stranded for good": a phase change answers with a readiness report and is refused
// (409 CYCLE_NOT_READY with the counts) unless HR confirms; HR can exclude an appraisal that cannot be assessed,
// which leaves the curve and the determination's "every appraisal approved", and bring it back while allowed.
// The cycle covers sd-3 (KEPSEK, GURU1, GURU2): one population, sd-3.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../libs/auth/src/index.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { buildOrganization, tokensFor, type Tokens } from './organization.fixtures.js';
import { NIPS, appendApprovedRating, cycleClient, openBody } from './cycles.support.js';

const { KADIS, KABID, KEPSEK, GURU1, GURU2 } = NIPS;
const CYCLE = 'ready-2026';
const BASE = `/api/v1/cycles/${CYCLE}`;
const EXCLUSION = `${BASE}/appraisals/${GURU2}/exclusion`;

const codeOf = (r: { json(): unknown }) => (r.json() as { code?: string }).code;

interface Readiness {
  to: string;
  requirement: string | null;
  notReady: number;
  byStatus: { status: string; count: number }[];
  byUnit: { unitId: string; status: string; count: number }[];
}

describe('readiness of a phase change and exclusion from the assessment', () => {
  let h: ApiHarness;
  let t: Tokens;
  let c: ReturnType<typeof cycleClient>;
  let kabid: string;
  beforeAll(async () => {
    h = await startApiHarness();
    t = await tokensFor(h);
    c = cycleClient(h);
    await buildOrganization(h, t);
    kabid = await h.token({
      sub: 'kabid',
      roles: [Role.RATER, Role.RATER_SUPERVISOR],
      agencyId: 'kota-manokwari',
      nip: KABID,
    });
    await c.ok('POST', '/api/v1/cycles', t.hrA, openBody(CYCLE, { rootUnitId: 'sd-3' }));
    await c.eventually<{ items: unknown[] }>(`${BASE}/appraisals`, t.hrA, (p) => p.items.length === 3);
  });
  afterAll(async () => {
    await h.close();
  });

  const cycleEvents = () => h.api.infrastructure.rawEventStore.readStream(`cycle-${CYCLE}`);

  it('reports the plans not approved for the next phase, by status and unit, to HR and AUDITOR only', async () => {
    const report = await c.send('GET', `${BASE}/readiness`, t.hrA);
    expect([report.statusCode, report.json()]).toEqual([
      200,
      {
        to: 'IN_PROGRESS',
        requirement: 'PLAN_APPROVED',
        notReady: 3,
        byStatus: [{ status: 'DRAFT', count: 3 }],
        byUnit: [{ unitId: 'sd-3', status: 'DRAFT', count: 3 }],
      },
    ]);
    expect((await c.send('GET', `${BASE}/readiness?to=ASSESSMENT`, t.auditor)).json()).toMatchObject({ notReady: 3 });
    for (const token of [t.hrB, t.admin, t.guru1, kabid]) {
      expect((await c.send('GET', `${BASE}/readiness`, token)).statusCode).toBe(403);
      expect((await c.send('GET', `${BASE}/readiness/people`, token)).statusCode).toBe(403);
    }
    expect((await c.send('GET', `${BASE}/readiness`, undefined)).statusCode).toBe(401);
    const bad = await c.send('GET', `${BASE}/readiness?to=LATER`, t.hrA);
    expect([bad.statusCode, codeOf(bad)]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await c.send('GET', `${BASE}/readiness?page=2`, t.hrA)).statusCode).toBe(400);
  });

  it('lists the people the report counts, paginated by NIP, with their names', async () => {
    const first = await c.send('GET', `${BASE}/readiness/people?limit=2`, t.hrA);
    const page = first.json() as { items: { nip: string; name: string | null; status: string }[]; nextCursor: string };
    const sorted = [KEPSEK, GURU1, GURU2].sort();
    expect(page.items.map((p) => p.nip)).toEqual(sorted.slice(0, 2));
    expect(page.items[0]).toMatchObject({
      unitId: 'sd-3',
      status: 'DRAFT',
      planStatus: 'DRAFT',
      name: expect.any(String),
    });
    expect(page.nextCursor).toBe(sorted[1]);
    const second = (await c.send('GET', `${BASE}/readiness/people?limit=2&after=${page.nextCursor}`, t.hrA)).json();
    expect(second).toMatchObject({ items: [{ nip: sorted[2] }], nextCursor: null });
    const none = (await c.send('GET', `${BASE}/readiness/people?status=SUBMITTED&unitId=sd-3`, t.hrA)).json();
    expect(none).toEqual({ to: 'IN_PROGRESS', items: [], nextCursor: null });
  });

  it('refuses the phase change with the counts (writing nothing) until HR confirms; the event records them', async () => {
    const before = await h.countEvents();
    const refused = await c.send('POST', `${BASE}/phase`, t.hrA, { to: 'IN_PROGRESS', reason: 'jadwal' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'CYCLE_NOT_READY',
      details: [
        { field: 'readiness', status: 'DRAFT', count: 3 },
        { field: 'readiness', unitId: 'sd-3', status: 'DRAFT', count: 3 },
      ],
    });
    const unconfirmed = await c.send('POST', `${BASE}/phase`, t.hrA, {
      to: 'IN_PROGRESS',
      reason: 'jadwal',
      confirmNotReady: false,
    });
    expect(unconfirmed.statusCode).toBe(409);
    const notBoolean = await c.send('POST', `${BASE}/phase`, t.hrA, {
      to: 'IN_PROGRESS',
      reason: 'x',
      confirmNotReady: 'ya',
    });
    expect(notBoolean.statusCode).toBe(400);
    expect(await h.countEvents()).toBe(before);

    await c.ok('POST', `${BASE}/phase`, t.hrA, {
      to: 'IN_PROGRESS',
      reason: 'SKP disusun sambil berjalan (surat edaran 3/2026)',
      confirmNotReady: true,
    });
    expect((await cycleEvents()).at(-1)).toMatchObject({
      type: 'CyclePhaseAdvanced.v1',
      data: {
        to: 'IN_PROGRESS',
        reason: 'SKP disusun sambil berjalan (surat edaran 3/2026)',
        notReady: { requirement: 'PLAN_APPROVED', notReady: 3, byStatus: [{ status: 'DRAFT', count: 3 }] },
      },
      metadata: { actor: { id: 'hr-a', role: 'HR' } },
    });
    await c.ok('POST', `${BASE}/phase`, t.hrA, { to: 'ASSESSMENT', reason: 'penilaian', confirmNotReady: true });
  });

  it('HR excludes an appraisal with a category and reason (HR of the agency only), and may bring it back', async () => {
    const body = { category: 'LONG_LEAVE', reason: 'cuti di luar tanggungan negara sejak Maret 2026' };
    for (const token of [t.hrB, t.admin, t.auditor, t.kepsek, t.guru2]) {
      expect((await c.send('POST', EXCLUSION, token, body)).statusCode).toBe(403);
    }
    expect((await c.send('POST', EXCLUSION, undefined, body)).statusCode).toBe(401);
    const before = await h.countEvents();
    for (const bad of [
      { ...body, category: 'HOLIDAY' },
      { category: 'DEATH', reason: '' },
      { ...body, extra: 1 },
    ]) {
      const r = await c.send('POST', EXCLUSION, t.hrA, bad);
      expect([r.statusCode, codeOf(r)]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await c.send('POST', `${BASE}/appraisals/199901012020011999/exclusion`, t.hrA, body)).statusCode).toBe(404);
    expect(await h.countEvents()).toBe(before);

    expect(await c.ok('POST', EXCLUSION, t.hrA, body)).toMatchObject({ cycleId: CYCLE, nip: GURU2, excluded: true });
    const again = await c.send('POST', EXCLUSION, t.hrA, body);
    expect([again.statusCode, codeOf(again)]).toEqual([409, 'ALREADY_EXCLUDED']);
    const row = await c.eventually<{ items: { nip: string; excluded: boolean }[] }>(
      `${BASE}/appraisals?unitId=sd-3`,
      t.hrA,
      (p) => p.items.some((a) => a.nip === GURU2 && a.excluded),
    );
    expect(row.items.filter((a) => a.excluded).map((a) => a.nip)).toEqual([GURU2]);

    expect(await c.ok('POST', `${EXCLUSION}/withdrawal`, t.hrA, { reason: 'cuti dibatalkan' })).toMatchObject({
      excluded: false,
    });
    const notExcluded = await c.send('POST', `${EXCLUSION}/withdrawal`, t.hrA, { reason: 'lagi' });
    expect([notExcluded.statusCode, codeOf(notExcluded)]).toEqual([409, 'NOT_EXCLUDED']);
    await c.ok('POST', EXCLUSION, t.hrA, body);
    const stream = await h.api.infrastructure.rawEventStore.readStream(`appraisal-${CYCLE}-${GURU2}`);
    expect(stream.slice(-3).map((e) => [e.type, e.data.reason])).toEqual([
      ['AppraisalExcluded.v1', body.reason],
      ['AppraisalIncluded.v1', 'cuti dibatalkan'],
      ['AppraisalExcluded.v1', body.reason],
    ]);
    expect(stream.at(-1)).toMatchObject({ data: { category: 'LONG_LEAVE' }, metadata: { actor: { id: 'hr-a' } } });
  });

  it('an excluded appraisal is not counted as unready, nor in the curve, nor published; nor changed once determined', async () => {
    await appendApprovedRating(h, CYCLE, KEPSEK, 'BAIK', KABID, KADIS);
    await appendApprovedRating(h, CYCLE, GURU1, 'BUTUH_PERBAIKAN', KEPSEK, KABID);
    await c.eventually<Readiness>(`${BASE}/readiness`, t.hrA, (r) => r.notReady === 0);
    // Ready now (GURU2 excluded): no confirmation needed, nothing recorded as unready.
    await c.ok('POST', `${BASE}/phase`, t.hrA, { to: 'DETERMINATION', reason: 'penetapan' });
    expect((await cycleEvents()).at(-1)?.data).not.toHaveProperty('notReady');

    // Brought back, GURU2 blocks the determination again; excluded, it is no member.
    await c.ok('POST', `${EXCLUSION}/withdrawal`, t.hrA, { reason: 'ternyata masih bertugas' });
    await c.ok('PUT', `${BASE}/populations/sd-3/unit-predikat`, t.hrA, {
      unitPredikat: 'BAIK',
      reason: 'capaian 2026',
    });
    const blocked = await c.send('POST', `${BASE}/populations/sd-3/determination`, t.hrA, {});
    expect([blocked.statusCode, codeOf(blocked)]).toEqual([409, 'APPRAISALS_NOT_APPROVED']);
    expect((blocked.json() as { details: { nip: string }[] }).details.map((d) => d.nip)).toEqual([GURU2]);
    await c.ok('POST', EXCLUSION, t.hrA, {
      category: 'SECONDMENT',
      reason: 'diperbantukan ke Dinas Pendidikan Provinsi',
    });
    await c.eventually<{ populations: { populationId: string; activeAppraisals: number }[] }>(
      `${BASE}/distribution`,
      t.hrA,
      (d) => d.populations.some((p) => p.populationId === 'sd-3' && p.activeAppraisals === 2),
    );
    await c.ok('POST', `${BASE}/populations/sd-3/determination`, t.hrA, {
      overrideJustification: 'unit kecil: dua orang dinilai, satu diperbantukan',
    });
    const determined = (await cycleEvents()).at(-1);
    expect(determined).toMatchObject({ type: 'DistributionDetermined.v1' });
    expect((determined?.data.members as { nip: string }[]).map((m) => m.nip)).toEqual([KEPSEK, GURU1].sort());
    const late = await c.send('POST', `${EXCLUSION}/withdrawal`, t.hrA, { reason: 'terlambat' });
    expect([late.statusCode, codeOf(late)]).toEqual([409, 'POPULATION_DETERMINED']);

    await c.eventually<Readiness>(`${BASE}/readiness`, t.hrA, (r) => r.notReady === 0);
    const published = await c.ok('POST', `${BASE}/phase`, t.hrA, { to: 'PUBLISHED', reason: 'hasil diumumkan' });
    expect(published.publication).toEqual({ resultsPublished: 2, resultsRefused: [] });
    const guru2 = await h.api.infrastructure.rawEventStore.readStream(`appraisal-${CYCLE}-${GURU2}`);
    expect(guru2.map((e) => e.type)).not.toContain('ResultPublished.v1');
  });

  it('the single-cycle read and the list carry the phase history with its actor; determinations their actor', async () => {
    const one = (await c.send('GET', BASE, t.guru1)).json() as { phaseHistory: unknown[] };
    expect(one.phaseHistory).toEqual([
      expect.objectContaining({ from: 'PLANNING', to: 'IN_PROGRESS', by: { id: 'hr-a', role: 'HR' }, notReady: 3 }),
      expect.objectContaining({ from: 'IN_PROGRESS', to: 'ASSESSMENT', by: { id: 'hr-a', role: 'HR' }, notReady: 3 }),
      expect.objectContaining({ from: 'ASSESSMENT', to: 'DETERMINATION', by: { id: 'hr-a', role: 'HR' } }),
      expect.objectContaining({ from: 'DETERMINATION', to: 'PUBLISHED', by: { id: 'hr-a', role: 'HR' } }),
    ]);
    expect(one.phaseHistory[2]).not.toHaveProperty('notReady');
    const list = await c.eventually<{ items: { cycleId: string; phaseHistory: unknown[] }[] }>(
      `/api/v1/cycles?phase=PUBLISHED`,
      t.hrA,
      (p) => p.items.some((i) => i.cycleId === CYCLE),
    );
    expect(list.items.find((i) => i.cycleId === CYCLE)?.phaseHistory).toEqual(one.phaseHistory);
    const distribution = (await c.send('GET', `${BASE}/distribution`, t.hrA)).json() as { populations: unknown[] };
    expect(distribution.populations).toEqual([
      expect.objectContaining({ populationId: 'sd-3', determinedBy: { id: 'hr-a', role: 'HR' } }),
    ]);
    const aggregate = (await c.send('GET', `${BASE}/distribution`, t.guru1)).json() as { populations: unknown[] };
    expect(aggregate.populations[0]).not.toHaveProperty('determinedBy');
  });
});
