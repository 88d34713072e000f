// The cycle-level log for auditors and the record of every AUDITOR read of personal data, through HTTP
// (README "Auditor's replay"). The cycle runs through its real routes, so every event carries the actor that
// the read model's phase history and determinations do not.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../libs/auth/src/index.js';
import { verifyStreamChain } from '../../libs/audit/src/hash-chain.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { buildOrganization, tokensFor, type Tokens } from './organization.fixtures.js';
import { A, NIPS, appendApprovedRating, cycleClient, openBody } from './cycles.support.js';

const CYCLE_ID = 'sd-2026-log';
const BASE = `/api/v1/cycles/${CYCLE_ID}`;
const HASH = /^[0-9a-f]{64}$/;

interface LogEntry {
  revision: string;
  id: string;
  type: string;
  summary: Record<string, unknown>;
  actor: { id: string; role: string } | null;
  occurredAt: string;
  reason: string | null;
  hash: string;
  prevHash: string;
  correlationId: string;
  causationId: string;
}
interface ReadEntry {
  revision: string;
  actor: { id: string; role: string };
  route: string;
  cycleId: string;
  nip: string | null;
  readAt: string;
  hash: string;
  prevHash: string;
}

describe('the cycle-level log and the record of auditor reads', () => {
  let h: ApiHarness;
  let t: Tokens;
  let c: ReturnType<typeof cycleClient>;
  let kabid: string;
  const today = () => new Date().toISOString().slice(0, 10);

  const get = async (url: string, token: string | undefined) => {
    const r = await h.request({ method: 'GET', url, token });
    return { status: r.statusCode, body: r.json() as Record<string, unknown> };
  };
  const reads = async (query = '') => {
    const r = await get(`/api/v1/audit/reads${query}`, t.admin);
    expect(r.status).toBe(200);
    return r.body as { date: string; items: ReadEntry[]; nextCursor: string | null };
  };
  /** Moves the cycle on as HR, confirming when appraisals are not ready (they are not: this spec skips them). */
  const advance = async (to: string) => {
    const body = { to, reason: `ke ${to}` };
    const first = await c.send('POST', `${BASE}/phase`, t.hrA, body);
    if (first.statusCode === 201) return;
    expect(first.json()).toMatchObject({ code: 'CYCLE_NOT_READY' });
    await c.ok('POST', `${BASE}/phase`, t.hrA, { ...body, confirmNotReady: true });
  };

  beforeAll(async () => {
    h = await startApiHarness();
    t = await tokensFor(h);
    c = cycleClient(h);
    await buildOrganization(h, t);
    kabid = await h.token({
      sub: 'kabid',
      roles: [Role.EMPLOYEE, Role.RATER, Role.RATER_SUPERVISOR],
      agencyId: A,
      nip: NIPS.KABID,
    });
    await c.ok('POST', '/api/v1/cycles', t.hrA, openBody(CYCLE_ID));
    await advance('IN_PROGRESS');
    await advance('ASSESSMENT');
    await c.ok('PUT', `${BASE}/populations/sd-3/unit-predikat`, kabid, {
      unitPredikat: 'BAIK',
      reason: 'capaian perjanjian kinerja sekolah 96%',
    });
    for (const nip of [NIPS.KEPSEK, NIPS.GURU1, NIPS.GURU2]) {
      const [rater, approver] = nip === NIPS.KEPSEK ? [NIPS.KABID, NIPS.KADIS] : [NIPS.KEPSEK, NIPS.KABID];
      await appendApprovedRating(h, CYCLE_ID, nip, 'BAIK', rater, approver);
    }
    await advance('DETERMINATION');
    await c.ok('POST', `${BASE}/populations/sd-3/determination`, kabid, {
      overrideJustification: 'sekolah kecil: tiga guru, semua memenuhi target SKP (notulen rapat 12/2026)',
    });
  });
  afterAll(async () => {
    await h.close();
  });

  it('names who opened the cycle, moved its phases and why, set the unit predikat, determined with an override', async () => {
    const log = await get(`${BASE}/events`, t.auditor);
    expect(log.status).toBe(200);
    const items = (log.body as { items: LogEntry[] }).items;
    const stored = await h.api.infrastructure.rawEventStore.readStream(`cycle-${CYCLE_ID}`);
    expect(verifyStreamChain(stored)).toEqual({ ok: true });
    expect(items.map((e) => [e.revision, e.id, e.hash, e.prevHash])).toEqual(
      stored.map((e) => [String(e.revision), e.id, e.metadata.hash, e.metadata.prevHash]),
    );
    expect(items.map((e) => [e.type, e.actor, e.summary.kind, e.reason])).toEqual([
      ['CycleOpened.v1', { id: 'hr-a', role: 'HR' }, 'OPENED', null],
      ['CyclePhaseAdvanced.v1', { id: 'hr-a', role: 'HR' }, 'PHASE_ADVANCED', 'ke IN_PROGRESS'],
      ['CyclePhaseAdvanced.v1', { id: 'hr-a', role: 'HR' }, 'PHASE_ADVANCED', 'ke ASSESSMENT'],
      ['UnitPredikatSet.v1', { id: 'kabid', role: expect.any(String) }, 'UNIT_PREDIKAT_SET', expect.any(String)],
      ['CyclePhaseAdvanced.v1', { id: 'hr-a', role: 'HR' }, 'PHASE_ADVANCED', 'ke DETERMINATION'],
      ['DistributionDetermined.v1', { id: 'kabid', role: expect.any(String) }, 'DETERMINED', expect.any(String)],
    ]);
    expect(items[1].summary).toMatchObject({ from: 'PLANNING', to: 'IN_PROGRESS', published: false });
    expect(items[3].summary).toMatchObject({ populationId: 'sd-3', unitPredikat: 'BAIK', setByNip: NIPS.KABID });
    expect(items[5].summary).toMatchObject({ populationId: 'sd-3', overridden: true, determinedByNip: NIPS.KABID });
    expect(items[5].reason).toContain('sekolah kecil');
    for (const e of items) {
      expect([e.hash, e.prevHash].every((x) => HASH.test(x))).toBe(true);
      expect(e.correlationId).toMatch(/^[0-9a-f-]{36}$/);
      expect(e.causationId).toMatch(/^[0-9a-f-]{36}$/);
    }
    const first = (await get(`${BASE}/events?limit=4`, t.hrA)).body as { items: LogEntry[]; nextCursor: string };
    const second = (await get(`${BASE}/events?limit=4&after=${first.nextCursor}`, t.hrA)).body as {
      items: LogEntry[];
      nextCursor: string | null;
    };
    expect([...first.items, ...second.items]).toEqual(items);
    expect(second.nextCursor).toBeNull();
  });

  it('is for AUDITOR and HR of the agency; others 403, bad queries 400, an unknown cycle 404, nothing written', async () => {
    const before = await h.countEvents();
    expect((await get(`${BASE}/events`, t.hrA)).status).toBe(200);
    for (const token of [t.hrB, t.admin, t.guru1, t.kepsek, kabid]) {
      expect((await get(`${BASE}/events`, token)).status).toBe(403);
    }
    expect((await get(`${BASE}/events`, undefined)).status).toBe(401);
    expect((await get(`${BASE}/events?limit=0`, t.auditor)).body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await get(`${BASE}/events?since=1`, t.auditor)).body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await get('/api/v1/cycles/no-such-cycle/events', t.auditor)).body).toMatchObject({
      statusCode: 404,
      code: 'CYCLE_NOT_FOUND',
    });
    expect(await h.countEvents()).toBe(before);
  });

  it('records every auditor read of personal data, chained and sealed like any event; ADMIN reads the record', async () => {
    const start = (await reads()).items.length;
    const appraisal = `${BASE}/appraisals/${NIPS.GURU1}`;
    const auditorReads = [appraisal, `${appraisal}/events`, `${appraisal}/replay?revision=0`, `${BASE}/events`];
    for (const url of auditorReads) expect((await get(url, t.auditor)).status).toBe(200);
    // HR's reads, refused reads and reads of what holds no personal data are not recorded.
    expect((await get(appraisal, t.hrA)).status).toBe(200);
    expect((await get(`${appraisal}/replay?revision=999`, t.auditor)).status).toBe(400);
    expect((await get(`/api/v1/cycles/${CYCLE_ID}/appraisals/${NIPS.KADIS}`, t.auditor)).status).toBe(404);
    expect((await get(BASE, t.auditor)).status).toBe(200);

    const { date, items } = await reads();
    expect(date).toBe(today());
    expect(items.slice(start).map((e) => [e.actor, e.route, e.cycleId, e.nip])).toEqual([
      [{ id: 'aud-1', role: 'AUDITOR' }, '/api/v1/cycles/:cycleId/appraisals/:nip', CYCLE_ID, NIPS.GURU1],
      [{ id: 'aud-1', role: 'AUDITOR' }, '/api/v1/cycles/:cycleId/appraisals/:nip/events', CYCLE_ID, NIPS.GURU1],
      [{ id: 'aud-1', role: 'AUDITOR' }, '/api/v1/cycles/:cycleId/appraisals/:nip/replay', CYCLE_ID, NIPS.GURU1],
      [{ id: 'aud-1', role: 'AUDITOR' }, '/api/v1/cycles/:cycleId/events', CYCLE_ID, null],
    ]);
    for (const e of items) expect(Date.parse(e.readAt)).not.toBeNaN();
    const stored = await h.api.infrastructure.rawEventStore.readStream(`audit-reads-${today()}`);
    expect(stored).toHaveLength(items.length);
    expect(verifyStreamChain(stored)).toEqual({ ok: true });
    expect(items.map((e) => [e.hash, e.prevHash])).toEqual(stored.map((e) => [e.metadata.hash, e.metadata.prevHash]));
    // The record is in the store the sealer signs over: $all holds it like any other event.
    const all = await h.api.infrastructure.rawEventStore.readAll({ maxCount: 100_000 });
    expect(all.filter((e) => e.streamName === `audit-reads-${today()}`)).toHaveLength(items.length);
  });

  it('records each of a burst of parallel auditor reads once, on one unbroken chain', async () => {
    const start = (await reads()).items.length;
    const url = `${BASE}/appraisals/${NIPS.GURU2}`;
    const statuses = await Promise.all(Array.from({ length: 16 }, async () => (await get(url, t.auditor)).status));
    expect(statuses).toEqual(Array(16).fill(200));
    const { items } = await reads('?limit=500');
    expect(items.slice(start).map((e) => e.nip)).toEqual(Array(16).fill(NIPS.GURU2));
    const stored = await h.api.infrastructure.rawEventStore.readStream(`audit-reads-${today()}`);
    expect(verifyStreamChain(stored)).toEqual({ ok: true });
  });

  it('answers the record to ADMIN only, a day at a time, paginated', async () => {
    const before = await h.countEvents();
    for (const token of [t.auditor, t.hrA, t.guru1]) {
      expect((await get('/api/v1/audit/reads', token)).status).toBe(403);
    }
    expect((await get('/api/v1/audit/reads', undefined)).status).toBe(401);
    expect(await h.countEvents()).toBe(before);
    const all = (await reads(`?date=${today()}`)).items;
    expect(all.length).toBeGreaterThanOrEqual(4);
    const first = await reads(`?date=${today()}&limit=2`);
    const rest = await reads(`?date=${today()}&after=${first.nextCursor}&limit=500`);
    expect([...first.items, ...rest.items]).toEqual(all);
    expect(rest.nextCursor).toBeNull();
    expect(await reads('?date=2020-01-01')).toEqual({ date: '2020-01-01', items: [], nextCursor: null });
    for (const query of ['?date=2025-02-30', '?date=kemarin', '?limit=0', '?after=x', '?nip=1']) {
      const r = await get(`/api/v1/audit/reads${query}`, t.admin);
      expect({ query, status: r.status, code: r.body.code }).toEqual({ query, status: 400, code: 'VALIDATION_FAILED' });
    }
    expect(await h.countEvents()).toBe(before);
  });
});
