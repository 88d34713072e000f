// HR opens a cycle "with the framework version and the policy version it pins" (issue 4): pins named in the
// request are exactly what CycleOpened and every AppraisalStarted carry; a retry must name the same pins; pins
// left out keep the defaults; every bad pin is refused with its code and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { appraisalStreamName } from '../../libs/appraisal/src/appraisal/appraisal-events.js';
import { DEFAULT_POLICY } from '../../libs/policy/src/default-policy.js';
import type { Policy } from '../../libs/policy/src/policy.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { buildOrganization, tokensFor, type Tokens } from './organization.fixtures.js';
import { A, B, IN_SCOPE, cycleClient, openBody } from './cycles.support.js';

const FW = 'fw-manokwari';
const FW_B = 'fw-sorong';
const agencyPolicy: Policy = { ...DEFAULT_POLICY, title: 'Kota Manokwari: kebijakan kinerja 2026' };
const nationalV2: Policy = { ...DEFAULT_POLICY, title: 'Nasional: versi 2' };

describe('POST /cycles with explicit framework and policy pins', () => {
  let h: ApiHarness;
  let t: Tokens;
  let c: ReturnType<typeof cycleClient>;
  beforeAll(async () => {
    h = await startApiHarness();
    t = await tokensFor(h);
    c = cycleClient(h);
    await buildOrganization(h, t);
    // fw-manokwari: versions 1 and 2 published, version 3 a draft; fw-sorong (the other agency's): 1 published
    const publish = async (id: string, token: string) => {
      await c.ok('POST', `/api/v1/frameworks/${id}/draft/open-for-comment`, token, undefined, 200);
      await c.ok('POST', `/api/v1/frameworks/${id}/draft/publish`, token, undefined, 200);
    };
    await c.ok('POST', '/api/v1/frameworks', t.hrA, { frameworkId: FW, agencyId: A, name: 'Standar Kompetensi' });
    await publish(FW, t.hrA);
    await c.ok('POST', `/api/v1/frameworks/${FW}/draft`, t.hrA);
    await publish(FW, t.hrA);
    await c.ok('POST', `/api/v1/frameworks/${FW}/draft`, t.hrA);
    await c.ok('POST', '/api/v1/frameworks', t.hrB, { frameworkId: FW_B, agencyId: B, name: 'Standar Sorong' });
    await publish(FW_B, t.hrB);
    // policies: kota-manokwari version 1 (so the default is no longer national), national version 2
    await c.ok('POST', `/api/v1/policies/${A}/versions`, t.hrA, { policy: agencyPolicy, reason: 'Perwali 2026' });
    await c.ok('POST', '/api/v1/policies/national/versions', t.admin, { policy: nationalV2, reason: 'SE baru' });
  });
  afterAll(async () => {
    await h.close();
  });

  const read = (stream: string) => h.api.infrastructure.rawEventStore.readStream(stream);
  const pinned = (overrides: Record<string, unknown> = {}) =>
    openBody('pin-2026', {
      framework: { frameworkId: FW, version: 1 },
      policy: { scope: 'national', version: 1 },
      ...overrides,
    });

  it('pins exactly the versions named: in CycleOpened, in every AppraisalStarted and in the metadata', async () => {
    const before = await h.countEvents();
    const response = await c.send('POST', '/api/v1/cycles', t.hrA, pinned());
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      frameworkRef: { frameworkId: FW, version: 1 },
      policyRef: { scope: 'national', version: 1 },
      appraisalsStarted: IN_SCOPE.length,
    });
    expect(await h.countEvents()).toBe(before + 1 + IN_SCOPE.length);
    const [opened] = await read('cycle-pin-2026');
    expect(opened.data).toMatchObject({
      frameworkRef: { frameworkId: FW, version: 1 },
      policyRef: { scope: 'national', version: 1 },
      policy: DEFAULT_POLICY,
    });
    expect(opened.metadata.policyVersion).toBe('national@1');
    for (const nip of IN_SCOPE) {
      const [started] = await read(appraisalStreamName('pin-2026', nip));
      expect({ nip, type: started.type, data: started.data, policyVersion: started.metadata.policyVersion }).toEqual({
        nip,
        type: 'AppraisalStarted.v1',
        data: expect.objectContaining({
          frameworkRef: { frameworkId: FW, version: 1 },
          policyRef: { scope: 'national', version: 1 },
          policy: DEFAULT_POLICY,
        }),
        policyVersion: 'national@1',
      });
    }
  });

  it('a retry naming the same pins, or none, completes the opening (200); other pins are another cycle (409)', async () => {
    const before = await h.countEvents();
    const same = await c.send('POST', '/api/v1/cycles', t.hrA, pinned());
    expect([same.statusCode, same.json()]).toEqual([200, expect.objectContaining({ appraisalsStarted: 0 })]);
    expect((await c.send('POST', '/api/v1/cycles', t.hrA, openBody('pin-2026'))).statusCode).toBe(200);
    for (const other of [
      { framework: { frameworkId: FW, version: 2 } },
      { policy: { scope: 'national', version: 2 } },
      { policy: { scope: A, version: 1 } },
    ]) {
      const response = await c.send('POST', '/api/v1/cycles', t.hrA, pinned(other));
      expect({ other, status: response.statusCode, code: (response.json() as { code: string }).code }).toEqual({
        other,
        status: 409,
        code: 'CYCLE_EXISTS',
      });
    }
    expect(await h.countEvents()).toBe(before);
  });

  it("the agency's own policy version and a national one published later can be pinned too", async () => {
    const own = await c.send('POST', '/api/v1/cycles', t.hrA, {
      ...openBody('own-2026'),
      framework: { frameworkId: FW, version: 2 },
      policy: { scope: A, version: 1 },
    });
    expect([own.statusCode, own.json()]).toEqual([
      201,
      expect.objectContaining({ frameworkRef: { frameworkId: FW, version: 2 }, policyRef: { scope: A, version: 1 } }),
    ]);
    expect((await read('cycle-own-2026'))[0].data).toMatchObject({ policy: agencyPolicy });
    const national = await c.send('POST', '/api/v1/cycles', t.admin, {
      ...openBody('national-2026'),
      policy: { scope: 'national', version: 2 },
    });
    expect([national.statusCode, (national.json() as { policyRef: unknown }).policyRef]).toEqual([
      201,
      { scope: 'national', version: 2 },
    ]);
    expect((await read('cycle-national-2026'))[0].data).toMatchObject({ policy: nationalV2 });
  });

  it("without pins the defaults stay: the agency's latest published framework version, the policy in force", async () => {
    await c.eventually<{ latestPublishedVersion: number }>(
      `/api/v1/frameworks/${FW}`,
      t.hrA,
      (f) => f.latestPublishedVersion === 2,
    );
    const response = await c.send('POST', '/api/v1/cycles', t.hrA, openBody('default-2026'));
    expect([response.statusCode, response.json()]).toEqual([
      201,
      expect.objectContaining({ frameworkRef: { frameworkId: FW, version: 2 }, policyRef: { scope: A, version: 1 } }),
    ]);
  });

  const bad: [string, number, string, Record<string, unknown>][] = [
    ['an unknown framework', 404, 'FRAMEWORK_VERSION_NOT_FOUND', { framework: { frameworkId: 'fw-x', version: 1 } }],
    ['a version never drafted', 404, 'FRAMEWORK_VERSION_NOT_FOUND', { framework: { frameworkId: FW, version: 9 } }],
    ['a draft version', 409, 'FRAMEWORK_VERSION_NOT_PUBLISHED', { framework: { frameworkId: FW, version: 3 } }],
    ["another agency's framework", 403, 'FORBIDDEN', { framework: { frameworkId: FW_B, version: 1 } }],
    ['an unknown national version', 404, 'POLICY_VERSION_NOT_FOUND', { policy: { scope: 'national', version: 9 } }],
    ["an unknown agency's version", 404, 'POLICY_VERSION_NOT_FOUND', { policy: { scope: A, version: 2 } }],
    ["another agency's policy", 400, 'INVALID_POLICY_SCOPE', { policy: { scope: B, version: 1 } }],
    ['a version 0', 400, 'VALIDATION_FAILED', { framework: { frameworkId: FW, version: 0 } }],
    ['a policy without version', 400, 'VALIDATION_FAILED', { policy: { scope: 'national' } }],
    ['an unknown pin field', 400, 'VALIDATION_FAILED', { policy: { scope: 'national', version: 1, at: 'now' } }],
    ['a pin that is not an object', 400, 'VALIDATION_FAILED', { framework: 'fw-manokwari@1' }],
  ];
  it.each(bad)('a cycle pinning %s: %d %s, nothing written', async (_case, status, code, pins) => {
    const before = await h.countEvents();
    const response = await c.send('POST', '/api/v1/cycles', t.hrA, { ...openBody('bad-pin-2026'), ...pins });
    expect([response.statusCode, response.json()]).toEqual([status, expect.objectContaining({ code })]);
    expect(await h.countEvents()).toBe(before);
  });

  it('OpenAPI documents both pins with examples', async () => {
    const doc = (await h.request({ method: 'GET', url: '/docs/openapi.json' })).json() as {
      components: { schemas: Record<string, { properties: Record<string, { example?: unknown }> }> };
    };
    const open = doc.components.schemas.OpenCycleRequest.properties;
    expect(open.framework.example).toEqual({ frameworkId: 'disdik-manokwari', version: 2 });
    expect(open.policy.example).toEqual({ scope: 'national', version: 1 });
    expect(doc.components.schemas.FrameworkPinRequest.properties.version.example).toBe(2);
  });
});
