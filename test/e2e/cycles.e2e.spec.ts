// Cycles over HTTP: opening with the fan-out to every employee of the subtree (and only them), bad input writing
// nothing, phases in order, If-Match, the penetapan (unit predikat, distribution check, determination refused
// with numbers or overridden with a flag), publication to every appraisal and its idempotent retry.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Role } from '../../libs/auth/src/index.js';
import { appraisalStreamName } from '../../libs/appraisal/src/appraisal/appraisal-events.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { buildOrganization, tokensFor, type Tokens } from './organization.fixtures.js';
import { A, IN_SCOPE, NIPS, appendApprovedRating, cycleClient, openBody } from './cycles.support.js';

const { KADIS, KABID, KEPSEK, GURU1, GURU2, PLT } = NIPS;

describe('cycles through HTTP', () => {
  let h: ApiHarness;
  let t: Tokens;
  let c: ReturnType<typeof cycleClient>;
  let kadis: string;
  let kabid: string;
  beforeAll(async () => {
    h = await startApiHarness();
    t = await tokensFor(h);
    c = cycleClient(h);
    await buildOrganization(h, t);
    kadis = await h.token({ sub: 'kadis', roles: [Role.EMPLOYEE, Role.RATER], agencyId: A, nip: KADIS });
    kabid = await h.token({
      sub: 'kabid',
      roles: [Role.EMPLOYEE, Role.RATER, Role.RATER_SUPERVISOR],
      agencyId: A,
      nip: KABID,
    });
  });
  afterAll(async () => {
    await h.close();
  });

  const streamLength = async (stream: string) => (await h.api.infrastructure.rawEventStore.readStream(stream)).length;
  const appraisalsOf = (cycleId: string, count: number) =>
    c.eventually<{ items: { nip: string }[] }>(
      `/api/v1/cycles/${cycleId}/appraisals`,
      t.hrA,
      (page) => page.items.length === count,
    );

  it('POST /cycles opens the cycle and starts an appraisal for every employee of the subtree, no one outside it', async () => {
    const before = await h.countEvents();
    const response = await c.send('POST', '/api/v1/cycles', t.hrA, openBody('sd-2026'));
    expect(response.statusCode).toBe(201);
    expect(response.headers.etag).toBe('W/"0"');
    expect(response.json()).toMatchObject({
      cycleId: 'sd-2026',
      agencyId: A,
      kind: 'ANNUAL',
      phase: 'PLANNING',
      timeZone: 'Asia/Jayapura',
      rootUnitId: 'bidang-sd',
      unitIds: ['bidang-sd', 'sd-3'],
      frameworkRef: null,
      policyRef: { scope: 'national', version: 1 },
      revision: '0',
      appraisalsStarted: 4,
      appraisalsRefused: [],
      withoutRater: [],
      withoutRaterSupervisor: [KABID],
    });
    expect(await h.countEvents()).toBe(before + 1 + IN_SCOPE.length);
    for (const nip of IN_SCOPE) expect(await streamLength(appraisalStreamName('sd-2026', nip))).toBe(1);
    for (const nip of [KADIS, PLT]) expect(await streamLength(appraisalStreamName('sd-2026', nip))).toBe(0);

    const [started] = await h.api.infrastructure.rawEventStore.readStream(appraisalStreamName('sd-2026', GURU1));
    expect(started.type).toBe('AppraisalStarted.v1');
    expect(started.data).toMatchObject({
      unitId: 'sd-3',
      jobType: 'FUNGSIONAL',
      raterNip: KEPSEK,
      raterSupervisorNip: KABID,
      reason: 'CYCLE_OPENED',
      periodStart: '2026-01-01',
      policyRef: { scope: 'national', version: 1 },
    });
    expect(started.metadata.actor).toEqual({ id: 'hr-a', role: 'HR' });
    // every event of a stream that pins a policy names the version it was decided under
    expect(started.metadata.policyVersion).toBe('national@1');
    const [opened] = await h.api.infrastructure.rawEventStore.readStream('cycle-sd-2026');
    expect(opened.metadata.policyVersion).toBe('national@1');

    const items = (await appraisalsOf('sd-2026', 4)).items.map((a) => a.nip);
    expect(items).toEqual(IN_SCOPE);
    const cycle = await c.send('GET', '/api/v1/cycles/sd-2026', t.guru1);
    expect([cycle.statusCode, cycle.headers.etag]).toEqual([200, 'W/"0"']);
    expect(cycle.json()).not.toHaveProperty('policy');
  });

  it('the same request again completes an interrupted fan-out (200) and writes nothing to the cycle', async () => {
    const again = await c.send('POST', '/api/v1/cycles', t.hrA, openBody('sd-2026'));
    expect([again.statusCode, again.json()]).toEqual([
      200,
      // the gaps come from the appraisals' streams when nothing new was started
      expect.objectContaining({ appraisalsStarted: 0, withoutRater: [], withoutRaterSupervisor: [KABID] }),
    ]);

    // A crash right after CycleOpened: the cycle's event is there, no appraisal is.
    const [opened] = await h.api.infrastructure.rawEventStore.readStream('cycle-sd-2026');
    const body = openBody('crash-2026');
    const { actor, correlationId, causationId, occurredAt } = opened.metadata;
    await h.api.infrastructure.eventStore.appendToStream(
      'cycle-crash-2026',
      [
        {
          id: randomUUID(),
          type: opened.type,
          data: { ...opened.data, cycleId: 'crash-2026', name: body.name },
          metadata: { actor, correlationId, causationId, occurredAt },
        },
      ],
      { expected: 'no_stream' },
    );
    const before = await h.countEvents();
    const retry = await c.send('POST', '/api/v1/cycles', t.hrA, body);
    expect([retry.statusCode, retry.json()]).toEqual([200, expect.objectContaining({ appraisalsStarted: 4 })]);
    expect(await h.countEvents()).toBe(before + 4);
  });

  const bad: [string, number, string, keyof Tokens, unknown][] = [
    ['a missing field', 400, 'VALIDATION_FAILED', 'hrA', { ...openBody('bad-1'), rootUnitId: undefined }],
    ['an unknown field', 400, 'VALIDATION_FAILED', 'hrA', { ...openBody('bad-1'), budget: 10 }],
    ['a malformed date', 400, 'VALIDATION_FAILED', 'hrA', openBody('bad-1', { periodStart: '2026-13-01' })],
    ['an impossible date', 400, 'INVALID_PERIOD', 'hrA', openBody('bad-1', { periodEnd: '2026-02-30' })],
    ['an end before the start', 400, 'INVALID_PERIOD', 'hrA', openBody('bad-1', { periodEnd: '2025-12-31' })],
    ['an unknown kind', 400, 'VALIDATION_FAILED', 'hrA', openBody('bad-1', { kind: 'WEEKLY' })],
    ['a blank name', 400, 'TEXT_REQUIRED', 'hrA', openBody('bad-1', { name: '   ' })],
    ['an unknown unit', 404, 'UNIT_NOT_FOUND', 'hrA', openBody('bad-1', { rootUnitId: 'sd-99' })],
    ["another agency's unit", 404, 'UNIT_NOT_FOUND', 'hrA', openBody('bad-1', { rootUnitId: 'setda' })],
    ['an unknown agency', 404, 'AGENCY_NOT_FOUND', 'admin', openBody('bad-1', { agencyId: 'kab-fakfak' })],
    ['HR of another agency', 403, 'FORBIDDEN', 'hrB', openBody('bad-1')],
    ['a taken id', 409, 'CYCLE_EXISTS', 'hrA', openBody('sd-2026', { name: 'another cycle' })],
  ];
  it.each(bad)('POST /cycles with %s: %d %s, nothing written', async (_case, status, code, who, body) => {
    const before = await h.countEvents();
    const response = await c.send('POST', '/api/v1/cycles', t[who], body);
    expect([response.statusCode, response.json()]).toEqual([status, expect.objectContaining({ code })]);
    expect(await h.countEvents()).toBe(before);
  });

  it('POST /cycles with bad JSON: 400, nothing written', async () => {
    const before = await h.countEvents();
    const response = await h.request({ method: 'POST', url: '/api/v1/cycles', token: t.hrA, payload: '{"cycleId":' });
    expect(response.statusCode).toBe(400);
    expect(await h.countEvents()).toBe(before);
  });

  it('phases advance one at a time with a reason; a skip is 409 PHASE_NOT_NEXT; a stale If-Match 412; nothing written', async () => {
    await c.ok('POST', '/api/v1/cycles', t.hrA, openBody('order-2026', { rootUnitId: 'sd-3' }));
    const url = '/api/v1/cycles/order-2026/phase';
    const before = await h.countEvents();
    const skip = await c.send('POST', url, t.hrA, { to: 'ASSESSMENT', reason: 'langsung ke penilaian' });
    expect([skip.statusCode, skip.json()]).toEqual([
      409,
      expect.objectContaining({ code: 'PHASE_NOT_NEXT', details: [expect.objectContaining({ next: 'IN_PROGRESS' })] }),
    ]);
    const noReason = await c.send('POST', url, t.hrA, { to: 'IN_PROGRESS' });
    expect([noReason.statusCode, noReason.json()]).toEqual([
      400,
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    ]);
    const blank = await c.send('POST', url, t.hrA, { to: 'IN_PROGRESS', reason: '  ' });
    expect([blank.statusCode, blank.json()]).toEqual([400, expect.objectContaining({ code: 'TEXT_REQUIRED' })]);
    const stale = await c.send(
      'POST',
      url,
      t.hrA,
      { to: 'IN_PROGRESS', reason: 'SKP disetujui' },
      { 'if-match': 'W/"7"' },
    );
    expect([stale.statusCode, stale.json()]).toEqual([412, expect.objectContaining({ code: 'STALE_REVISION' })]);
    const staleReconcile = await c.send('POST', '/api/v1/cycles/order-2026/reconcile', t.hrA, undefined, {
      'if-match': 'W/"7"',
    });
    expect(staleReconcile.statusCode).toBe(412);
    const badEtag = await c.send('POST', url, t.hrA, { to: 'IN_PROGRESS', reason: 'x' }, { 'if-match': 'seven' });
    expect([badEtag.statusCode, badEtag.json()]).toEqual([400, expect.objectContaining({ code: 'INVALID_IF_MATCH' })]);
    expect(await h.countEvents()).toBe(before);

    // Its three plans are drafts: the move is confirmed past the readiness report (cycles.readiness.e2e.spec.ts).
    const step = await c.send(
      'POST',
      url,
      t.hrA,
      { to: 'IN_PROGRESS', reason: 'SKP disetujui', confirmNotReady: true },
      { 'if-match': 'W/"0"' },
    );
    expect([step.statusCode, step.headers.etag, step.json()]).toEqual([
      201,
      'W/"1"',
      { cycleId: 'order-2026', phase: 'IN_PROGRESS', revision: '1', publication: null },
    ]);
    const [, advanced] = await h.api.infrastructure.rawEventStore.readStream('cycle-order-2026');
    expect(advanced.data).toMatchObject({ from: 'PLANNING', to: 'IN_PROGRESS', reason: 'SKP disetujui' });
    expect(advanced.metadata).toMatchObject({ actor: { id: 'hr-a', role: 'HR' }, reason: 'SKP disetujui' });
    const back = await c.send('POST', url, t.hrA, { to: 'PLANNING', reason: 'mundur' });
    expect([back.statusCode, back.json()]).toEqual([409, expect.objectContaining({ code: 'PHASE_NOT_NEXT' })]);
    const retry = await c.send('POST', '/api/v1/cycles/order-2026/publication/retry', t.hrA);
    expect([retry.statusCode, retry.json()]).toEqual([409, expect.objectContaining({ code: 'WRONG_CYCLE_PHASE' })]);
    const unknown = await c.send('POST', '/api/v1/cycles/no-such-cycle/phase', t.hrA, {
      to: 'IN_PROGRESS',
      reason: 'x',
    });
    expect([unknown.statusCode, unknown.json()]).toEqual([404, expect.objectContaining({ code: 'CYCLE_NOT_FOUND' })]);
  });

  it('GET /docs/openapi.json documents every cycle route with a summary, and the open request with examples', async () => {
    const doc = (await h.request({ method: 'GET', url: '/docs/openapi.json' })).json() as {
      paths: Record<string, Record<string, { summary?: string }>>;
      components: { schemas: Record<string, { properties: Record<string, { example?: unknown }> }> };
    };
    // The per-appraisal routes under /cycles/{cycleId}/appraisals/{nip} are the appraisals module's; the audits,
    // the cycle log and the other read views under /cycles are tested by their own specs, so this list holds the
    // cycle's lifecycle routes (each must be there) and every route under /cycles must have a summary.
    const routes = Object.entries(doc.paths).filter(
      ([path]) => path.startsWith('/api/v1/cycles') && !path.includes('/appraisals/{nip}'),
    );
    expect(routes.map(([path, ops]) => `${Object.keys(ops).sort().join(',')} ${path}`)).toEqual(
      expect.arrayContaining([
        'get /api/v1/cycles/{cycleId}',
        'get /api/v1/cycles/{cycleId}/appraisals',
        'get /api/v1/cycles/{cycleId}/distribution',
        'get /api/v1/cycles/{cycleId}/populations/{populationId}/distribution-check',
        'get /api/v1/cycles/{cycleId}/readiness',
        'get /api/v1/cycles/{cycleId}/readiness/people',
        'get,post /api/v1/cycles',
        'post /api/v1/cycles/{cycleId}/phase',
        'post /api/v1/cycles/{cycleId}/populations/{populationId}/determination',
        'post /api/v1/cycles/{cycleId}/publication/retry',
        'post /api/v1/cycles/{cycleId}/reconcile',
        'put /api/v1/cycles/{cycleId}/populations/{populationId}/unit-predikat',
      ]),
    );
    for (const [, operations] of routes) for (const op of Object.values(operations)) expect(op.summary).toBeTruthy();
    const open = doc.components.schemas.OpenCycleRequest.properties;
    for (const field of ['cycleId', 'agencyId', 'name', 'kind', 'periodStart', 'periodEnd', 'rootUnitId']) {
      expect([field, open[field]?.example]).toEqual([field, expect.anything()]);
    }
  });

  describe('penetapan and publication of sd-2026 (populations bidang-sd = {KABID}, sd-3 = {KEPSEK, GURU1, GURU2})', () => {
    const base = '/api/v1/cycles/sd-2026';
    const check = (population: string, query = '') => `${base}/populations/${population}/distribution-check${query}`;

    it('the unit predikat: set by the leader one level up or HR, in ASSESSMENT; others refused', async () => {
      const url = `${base}/populations/sd-3/unit-predikat`;
      const body = { unitPredikat: 'BAIK', reason: 'capaian perjanjian kinerja sekolah 96%' };
      const early = await c.send('PUT', url, kabid, body);
      expect([early.statusCode, early.json()]).toEqual([409, expect.objectContaining({ code: 'WRONG_CYCLE_PHASE' })]);
      await c.advance('sd-2026', t.hrA, 'IN_PROGRESS', 'ASSESSMENT');

      const before = await h.countEvents();
      for (const token of [t.kepsek, t.guru1, kadis, t.hrB, t.auditor]) {
        expect((await c.send('PUT', url, token, body)).statusCode).toBe(403);
      }
      const dinas = await c.send('PUT', `${base}/populations/dinas/unit-predikat`, t.hrA, body);
      expect([dinas.statusCode, dinas.json()]).toEqual([
        404,
        expect.objectContaining({ code: 'POPULATION_NOT_FOUND' }),
      ]);
      const unknownValue = await c.send('PUT', url, kabid, { ...body, unitPredikat: 'LUAR_BIASA' });
      expect(unknownValue.statusCode).toBe(400);
      expect(await h.countEvents()).toBe(before);

      const set = await c.send('PUT', url, kabid, body);
      expect([set.statusCode, set.headers.etag]).toEqual([200, 'W/"3"']);
      const events = await h.api.infrastructure.rawEventStore.readStream('cycle-sd-2026');
      expect(events.at(-1)).toMatchObject({
        type: 'UnitPredikatSet.v1',
        data: { populationId: 'sd-3', unitPredikat: 'BAIK', setByNip: KABID },
        metadata: { actor: { id: 'kabid', role: 'RATER_SUPERVISOR' } },
      });
      // bidang-sd's leader is KADIS (the rater of its head KABID).
      await c.ok('PUT', `${base}/populations/bidang-sd/unit-predikat`, kadis, { ...body, unitPredikat: 'ISTIMEWA' });
    });

    it('the distribution check counts approved predikat only, lists the unapproved and reports every violated bound with numbers', async () => {
      await appendApprovedRating(h, 'sd-2026', KEPSEK, 'BAIK', KABID, KADIS);
      await appendApprovedRating(h, 'sd-2026', GURU1, 'BAIK', KEPSEK, KABID);
      const partial = await c.eventually<{ unapproved: string[]; population: { approved: number } }>(
        check('sd-3'),
        kabid,
        (v) => v.population.approved === 2,
      );
      expect(partial).toMatchObject({ unitPredikat: 'BAIK', unapproved: [GURU2], population: { members: 3 } });

      await appendApprovedRating(h, 'sd-2026', GURU2, 'BAIK', KEPSEK, KABID);
      const before = await h.countEvents();
      const full = await c.eventually<Record<string, unknown>>(
        check('sd-3'),
        t.kepsek, // a rater of the population
        (v) => (v.unapproved as string[]).length === 0,
      );
      expect(full).toMatchObject({
        populationId: 'sd-3',
        unitPredikat: 'BAIK',
        counts: { BAIK: 3, SANGAT_BAIK: 0, BUTUH_PERBAIKAN: 0 },
        ok: false,
        violations: [
          expect.objectContaining({ actualPeople: 3, limitPeople: 2, peopleOver: 1, actualShare: 100 }),
          expect.objectContaining({ actualPeople: 0, limitPeople: 1, peopleShort: 1 }),
        ],
      });
      expect((full.violations as { message: string }[])[0].message).toBe(
        'BAIK is 100% (3 of 3) > 70% (at most 2 people): 1 person over',
      );
      const istimewa = (await c.send('GET', check('sd-3', '?unitPredikat=ISTIMEWA'), t.auditor)).json();
      expect(istimewa).toMatchObject({ unitPredikat: 'ISTIMEWA', ok: true, violations: [] });
      expect((await c.send('GET', check('sd-3', '?unitPredikat=HEBAT'), t.hrA)).statusCode).toBe(400);
      expect((await c.send('GET', check('sd-3'), t.guru1)).statusCode).toBe(403);
      expect(await h.countEvents()).toBe(before);
    });

    it('determination: 422 with every violated bound and nothing written; overridden with a justification, flagged', async () => {
      const url = `${base}/populations/sd-3/determination`;
      const early = await c.send('POST', url, t.hrA, {});
      expect([early.statusCode, early.json()]).toEqual([409, expect.objectContaining({ code: 'WRONG_CYCLE_PHASE' })]);
      await c.advance('sd-2026', t.hrA, 'DETERMINATION');

      const before = await h.countEvents();
      const refused = await c.send('POST', url, kabid, {});
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({
        code: 'DISTRIBUTION_VIOLATED',
        details: [
          { predikat: ['BAIK'], kind: 'MAX_SHARE', limit: 70, limitPeople: 2, actualPeople: 3, peopleOver: 1 },
          { predikat: ['BUTUH_PERBAIKAN', 'KURANG'], kind: 'MIN_COUNT', limit: 1, actualPeople: 0, peopleShort: 1 },
        ],
      });
      expect((refused.json() as { message: string }).message).toContain('1 person over');
      const tooShort = await c.send('POST', url, kabid, { overrideJustification: 'rapat' });
      expect([tooShort.statusCode, tooShort.json()]).toEqual([
        400,
        expect.objectContaining({ code: 'OVERRIDE_JUSTIFICATION_TOO_SHORT' }),
      ]);
      const unknownField = await c.send('POST', url, kabid, { override: true });
      expect(unknownField.statusCode).toBe(400);
      for (const token of [t.kepsek, kadis, t.hrB, t.auditor])
        expect((await c.send('POST', url, token, {})).statusCode).toBe(403);
      expect(await h.countEvents()).toBe(before);

      const justification = 'sekolah kecil: tiga guru, semua memenuhi target SKP (notulen rapat 12/2026)';
      const determined = await c.send('POST', url, kabid, { overrideJustification: justification });
      expect([determined.statusCode, determined.headers.etag]).toEqual([201, 'W/"6"']);
      expect(await h.countEvents()).toBe(before + 1);
      const event = (await h.api.infrastructure.rawEventStore.readStream('cycle-sd-2026')).at(-1)!;
      expect(event).toMatchObject({
        type: 'DistributionDetermined.v1',
        data: {
          populationId: 'sd-3',
          unitPredikat: 'BAIK',
          counts: { BAIK: 3 },
          override: { justification },
          determinedByNip: KABID,
          members: [
            { nip: KEPSEK, predikat: 'BAIK', ratingVersion: 1 },
            { nip: GURU1, predikat: 'BAIK', ratingVersion: 1 },
            { nip: GURU2, predikat: 'BAIK', ratingVersion: 1 },
          ].sort((a, b) => a.nip.localeCompare(b.nip)),
        },
        metadata: { reason: justification },
      });
      expect((event.data as { violations: unknown[] }).violations).toHaveLength(2);
      const again = await c.send('POST', url, kabid, { overrideJustification: justification });
      expect([again.statusCode, again.json()]).toEqual([409, expect.objectContaining({ code: 'ALREADY_DETERMINED' })]);
      const distribution = await c.eventually<{ populations: { populationId: string; override: unknown }[] }>(
        `${base}/distribution`,
        t.auditor,
        (d) => d.populations.some((p) => p.populationId === 'sd-3' && p.override !== null),
      );
      expect(distribution.populations.find((p) => p.populationId === 'sd-3')).toMatchObject({
        determined: true,
        override: { justification },
        counts: { BAIK: 3 },
      });
    });

    it('publication waits for every population; then publishes every result; the retry writes nothing more', async () => {
      const bidang = `${base}/populations/bidang-sd/determination`;
      const before = await h.countEvents();
      const notApproved = await c.send('POST', bidang, kadis, {});
      expect([notApproved.statusCode, notApproved.json()]).toEqual([
        409,
        expect.objectContaining({
          code: 'APPRAISALS_NOT_APPROVED',
          details: [expect.objectContaining({ nip: KABID })],
        }),
      ]);
      const early = await c.send('POST', `${base}/phase`, t.hrA, { to: 'PUBLISHED', reason: 'hasil diumumkan' });
      expect([early.statusCode, early.json()]).toEqual([
        409,
        expect.objectContaining({ code: 'POPULATIONS_NOT_DETERMINED' }),
      ]);
      expect(await h.countEvents()).toBe(before);

      await appendApprovedRating(h, 'sd-2026', KABID, 'BAIK', KADIS, KADIS);
      await c.ok('POST', bidang, kadis, {});
      const published = await c.send('POST', `${base}/phase`, t.hrA, { to: 'PUBLISHED', reason: 'hasil diumumkan' });
      expect([published.statusCode, published.json()]).toEqual([
        201,
        expect.objectContaining({ phase: 'PUBLISHED', publication: { resultsPublished: 4, resultsRefused: [] } }),
      ]);
      for (const nip of IN_SCOPE) {
        const events = await h.api.infrastructure.rawEventStore.readStream(appraisalStreamName('sd-2026', nip));
        expect(events.at(-1)).toMatchObject({ type: 'ResultPublished.v1', data: { predikat: 'BAIK' } });
      }
      const afterPublication = await h.countEvents();
      const retry = await c.send('POST', `${base}/publication/retry`, t.hrA);
      expect([retry.statusCode, retry.json()]).toEqual([
        201,
        expect.objectContaining({ publication: { resultsPublished: 0, resultsRefused: [] } }),
      ]);
      expect(await h.countEvents()).toBe(afterPublication);

      // Published: every member of the agency reads the distribution, counts only of populations of >= 3 people.
      const seen = await c.eventually<{ phase: string; populations: { populationId: string; counts: unknown }[] }>(
        `${base}/distribution`,
        t.guru1,
        (d) => d.phase === 'PUBLISHED',
      );
      expect(seen.populations.find((p) => p.populationId === 'sd-3')).toMatchObject({ counts: { BAIK: 3 } });
      expect(seen.populations.find((p) => p.populationId === 'bidang-sd')).toMatchObject({ counts: null });
      expect(seen.populations[0]).not.toHaveProperty('override');
      expect((await c.send('GET', `${base}/distribution`, t.employeeB)).statusCode).toBe(403);
    });
  });
});
