// A cycle pins the agency's policy and framework versions when it opens and is judged by them for ever: here an
// agency policy applying the curve to the whole agency (one population, handled by HR only), and a framework
// whose position requirements turn a competency gap into a TRAINING recommendation at publication.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../libs/auth/src/index.js';
import { appraisalStreamName } from '../../libs/appraisal/src/appraisal/appraisal-events.js';
import { DEFAULT_POLICY } from '../../libs/policy/src/default-policy.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { guruLevels, pedagogik } from './frameworks.support.js';
import { buildOrganization, tokensFor, type Tokens } from './organization.fixtures.js';
import { A, NIPS, appendApprovedRating, cycleClient, openBody } from './cycles.support.js';

const { KADIS, KABID, KEPSEK, GURU1, GURU2 } = NIPS;
const FRAMEWORK = 'disdik-kompetensi';
const BASE = '/api/v1/cycles/pub-2026';

describe('a cycle under an agency-wide curve and a published framework, through publication', () => {
  let h: ApiHarness;
  let t: Tokens;
  let c: ReturnType<typeof cycleClient>;
  let kabid: string;
  beforeAll(async () => {
    h = await startApiHarness();
    t = await tokensFor(h);
    c = cycleClient(h);
    await buildOrganization(h, t);
    kabid = await h.token({ sub: 'kabid', roles: [Role.RATER, Role.RATER_SUPERVISOR], agencyId: A, nip: KABID });
  });
  afterAll(async () => {
    await h.close();
  });

  const publishPolicy = (scope: 'UNIT' | 'AGENCY', title: string) =>
    c.ok('POST', `/api/v1/policies/${A}/versions`, t.hrA, {
      policy: { ...DEFAULT_POLICY, title, distribution: { ...DEFAULT_POLICY.distribution, scope } },
      reason: title,
    });

  it('opening pins the agency policy in force and the latest published framework version', async () => {
    await publishPolicy('AGENCY', 'kurva distribusi per instansi');
    const fw = `/api/v1/frameworks/${FRAMEWORK}`;
    await c.ok('POST', '/api/v1/frameworks', t.hrA, {
      frameworkId: FRAMEWORK,
      agencyId: A,
      name: 'Standar Kompetensi',
    });
    await c.ok('POST', `${fw}/draft/technical-competencies`, t.hrA, pedagogik);
    await c.ok('PUT', `${fw}/draft/position-requirements/guru-ahli-pertama`, t.hrA, guruLevels);
    await c.ok('POST', `${fw}/draft/open-for-comment`, t.hrA, undefined, 200);
    await c.ok('POST', `${fw}/draft/publish`, t.hrA, undefined, 200);
    await c.eventually<{ items: { latestPublishedVersion: number | null }[] }>(
      `/api/v1/frameworks?agencyId=${A}`,
      t.hrA,
      (p) => p.items[0]?.latestPublishedVersion === 1,
    );

    const opened = await c.ok('POST', '/api/v1/cycles', t.hrA, openBody('pub-2026', { rootUnitId: 'sd-3' }));
    expect(opened).toMatchObject({
      frameworkRef: { frameworkId: FRAMEWORK, version: 1 },
      policyRef: { scope: A, version: 1 },
      appraisalsStarted: 3,
    });
    // A later version does not change the cycle: it is judged by the one it opened under.
    await publishPolicy('UNIT', 'kembali ke kurva per unit');
    expect((await c.send('GET', BASE, t.guru1)).json()).toMatchObject({ policyRef: { scope: A, version: 1 } });
  });

  it('the agency-wide population: its unit predikat is set by HR only; units are no populations', async () => {
    await c.eventually<{ items: unknown[] }>(`${BASE}/appraisals`, t.hrA, (p) => p.items.length === 3);
    await c.advance('pub-2026', t.hrA, 'IN_PROGRESS', 'ASSESSMENT');
    const body = { unitPredikat: 'ISTIMEWA', reason: 'capaian kinerja instansi 2026' };
    const unit = await c.send('PUT', `${BASE}/populations/sd-3/unit-predikat`, t.hrA, body);
    expect([unit.statusCode, unit.json()]).toEqual([404, expect.objectContaining({ code: 'POPULATION_NOT_FOUND' })]);
    expect((await c.send('PUT', `${BASE}/populations/${A}/unit-predikat`, kabid, body)).statusCode).toBe(403);
    await c.ok('PUT', `${BASE}/populations/${A}/unit-predikat`, t.hrA, body);
  });

  it('determined within the curve (no override), published with the recommendations the framework implies', async () => {
    await appendApprovedRating(h, 'pub-2026', KEPSEK, 'BAIK', KABID, KADIS);
    await appendApprovedRating(h, 'pub-2026', GURU1, 'BAIK', KEPSEK, KABID, [{ code: 'PEDAGOGIK', level: 2 }]);
    await appendApprovedRating(h, 'pub-2026', GURU2, 'SANGAT_BAIK', KEPSEK, KABID);
    await c.advance('pub-2026', t.hrA, 'DETERMINATION');
    await c.eventually<{ population: { approved: number } }>(
      `${BASE}/populations/${A}/distribution-check`,
      t.hrA,
      (v) => v.population.approved === 3,
    );
    await c.ok('POST', `${BASE}/populations/${A}/determination`, t.hrA, {});
    const determined = (await h.api.infrastructure.rawEventStore.readStream('cycle-pub-2026')).at(-1);
    expect(determined).toMatchObject({
      type: 'DistributionDetermined.v1',
      data: { populationId: A, override: null, violations: [], determinedByNip: null, counts: { SANGAT_BAIK: 1 } },
    });

    const published = await c.ok('POST', `${BASE}/phase`, t.hrA, { to: 'PUBLISHED', reason: 'penetapan selesai' });
    expect(published.publication).toEqual({ resultsPublished: 3, resultsRefused: [] });
    const result = async (nip: string) =>
      (await h.api.infrastructure.rawEventStore.readStream(appraisalStreamName('pub-2026', nip))).at(-1)!;
    expect(await result(GURU1)).toMatchObject({
      type: 'ResultPublished.v1',
      data: {
        predikat: 'BAIK',
        recommendations: [
          { kind: 'TRAINING', competencyCode: 'PEDAGOGIK', requiredLevel: 3, observedLevel: 2, gap: 1 },
        ],
      },
    });
    expect((await result(GURU2)).data).toMatchObject({
      recommendations: [{ kind: 'TALENT_POOL', predikat: 'SANGAT_BAIK' }],
    });
    await c.advance('pub-2026', t.hrA, 'CLOSED');
    const closed = await c.send('POST', `${BASE}/phase`, t.hrA, { to: 'CLOSED', reason: 'lagi' });
    expect([closed.statusCode, closed.json()]).toEqual([409, expect.objectContaining({ code: 'CYCLE_CLOSED' })]);
  });
});
