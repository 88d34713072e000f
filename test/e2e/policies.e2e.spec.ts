// Policy as versioned data over HTTP: publish versions, read current and old ones, pagination, If-Match,
// immutability, bad input (400, nothing written). Real app, real PostgreSQL, projections embedded.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../libs/auth/src/index.js';
import { DEFAULT_POLICY } from '../../libs/policy/src/default-policy.js';
import type { Policy } from '../../libs/policy/src/policy.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';

const AGENCY = 'kota-manokwari';
const workingDays: Policy = {
  ...DEFAULT_POLICY,
  title: 'Nasional: keberatan dalam hari kerja',
  objection: { ...DEFAULT_POLICY.objection, windowCounting: 'WORKING' },
};
const agencyWide: Policy = {
  ...DEFAULT_POLICY,
  title: 'Kota Manokwari: kurva per instansi',
  distribution: { ...DEFAULT_POLICY.distribution, scope: 'AGENCY', rounding: 'NEAREST' },
};

type View = { scope: string; version: number; policy: Policy; builtIn: boolean; basedOn: unknown; reason: string };
type Page = { items: View[]; nextCursor: string | null };

describe('policy versions through HTTP', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const admin = () => h.token({ sub: 'admin-1', roles: [Role.ADMIN] });
  const hr = () => h.token({ sub: 'hr-1', roles: [Role.HR], agencyId: AGENCY });
  const employee = () => h.token({ sub: 'e-1', roles: [Role.EMPLOYEE], agencyId: AGENCY, nip: '198503152010011002' });
  const countEvents = () => h.countEvents();
  const get = async (url: string, token?: string) =>
    h.request({ method: 'GET', url, token: token ?? (await employee()) });
  const publish = async (scope: string, body: unknown, token: string, headers?: Record<string, string>) =>
    h.request({ method: 'POST', url: `/api/v1/policies/${scope}/versions`, token, body, headers });
  /** Waits until the read model shows `version` as the scope's current one. */
  const currentBecomes = (scope: string, version: number) =>
    h.eventually(async () => {
      const r = await get(`/api/v1/policies/${scope}/current`, await admin());
      return r.statusCode === 200 && (r.json() as View).version === version && (r.json() as View).scope === scope
        ? r
        : undefined;
    });

  it('before anything is published, national version 1 is the built-in default, readable by an employee', async () => {
    // version 1 is known without any event or read model
    const v1 = await get('/api/v1/policies/national/versions/1');
    expect(v1.statusCode).toBe(200);
    expect(v1.json()).toMatchObject({ scope: 'national', version: 1, builtIn: true, policy: DEFAULT_POLICY });
    // current needs the read model, which the embedded projector creates within moments of start
    const current = await h.eventually(async () => {
      const r = await get('/api/v1/policies/national/current');
      return r.statusCode === 200 ? r : undefined;
    });
    expect(current.json()).toMatchObject({ scope: 'national', version: 1, builtIn: true, publishedAt: null });
    expect(current.headers.etag).toBeUndefined();
    // an agency without versions of its own is under the national policy
    const agency = await get(`/api/v1/policies/${AGENCY}/current`);
    expect(agency.json()).toMatchObject({ scope: 'national', version: 1 });
  });

  it('ADMIN publishes national version 2: 201 with ETag and Location; the event carries policy, reason, actor', async () => {
    const response = await publish('national', { policy: workingDays, reason: 'SE baru: hari kerja' }, await admin());
    expect(response.statusCode).toBe(201);
    expect(response.headers.etag).toBe('W/"0"');
    expect(response.headers.location).toBe('/api/v1/policies/national/versions/2');
    expect(response.json()).toEqual({ scope: 'national', version: 2, revision: '0' });
    const events = await h.api.infrastructure.rawEventStore.readStream('policy-national');
    expect(events.map((e) => e.type)).toEqual(['PolicyVersionPublished.v1']);
    expect(events[0].data).toMatchObject({
      scope: 'national',
      version: 2,
      policy: workingDays,
      basedOn: { scope: 'national', version: 1 },
      reason: 'SE baru: hari kerja',
    });
    expect(events[0].metadata).toMatchObject({
      actor: { id: 'admin-1', role: 'ADMIN' },
      reason: 'SE baru: hari kerja',
    });

    const current = await currentBecomes('national', 2);
    expect(current.headers.etag).toBe('W/"0"');
    expect(current.json()).toMatchObject({ policy: workingDays, builtIn: false, publishedBy: { id: 'admin-1' } });
    // the old version stays readable, unchanged
    const v1 = await get('/api/v1/policies/national/versions/1');
    expect(v1.json()).toMatchObject({ version: 1, policy: DEFAULT_POLICY });
  });

  it('HR publishes its own agency version 1, based on the national current; the agency current is then its own', async () => {
    const response = await publish(AGENCY, { policy: agencyWide, reason: 'Keputusan Wali Kota 12/2026' }, await hr());
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ scope: AGENCY, version: 1, revision: '0' });
    const current = await currentBecomes(AGENCY, 1);
    expect(current.json()).toMatchObject({ basedOn: { scope: 'national', version: 2 }, policy: agencyWide });
    expect(current.headers.etag).toBe('W/"0"');
  });

  it('If-Match: a stale revision is 412 and writes nothing; the current one publishes', async () => {
    const before = await countEvents();
    const next = { ...agencyWide, peerAnonymityMinimum: 5 };
    const stale = await publish(AGENCY, { policy: next, reason: 'anonimitas 5' }, await hr(), { 'if-match': 'W/"7"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ code: 'STALE_REVISION' });
    expect(await countEvents()).toBe(before);
    const correlationId = '0b6f3c1e-5d7a-4e2b-9c8d-1a2b3c4d5e6f';
    const fresh = await publish(AGENCY, { policy: next, reason: 'anonimitas 5' }, await hr(), {
      'if-match': 'W/"0"',
      'x-correlation-id': correlationId,
    });
    expect(fresh.statusCode).toBe(201);
    expect(fresh.headers.etag).toBe('W/"1"');
    expect(fresh.json()).toEqual({ scope: AGENCY, version: 2, revision: '1' });
    // The shared command context: the caller's correlation id, the acting role, one instant for data and metadata.
    const [, event] = await h.api.infrastructure.rawEventStore.readStream(`policy-${AGENCY}`);
    expect(event.metadata).toMatchObject({
      correlationId,
      causationId: correlationId,
      actor: { id: 'hr-1', role: 'HR' },
    });
    expect(event.metadata.occurredAt).toBe(event.data.publishedAt);
  });

  it('published versions are immutable: "version 1" again is 409, an identical policy is 409; nothing written', async () => {
    const before = await countEvents();
    const again = await publish(AGENCY, { policy: workingDays, reason: 'ubah v1', version: 1 }, await hr());
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'POLICY_VERSION_IMMUTABLE' });
    const same = await publish('national', { policy: workingDays, reason: 'sama' }, await admin());
    expect(same.statusCode).toBe(409);
    expect(same.json()).toMatchObject({ code: 'POLICY_UNCHANGED' });
    expect(await countEvents()).toBe(before);
  });

  it('lists versions oldest first with a cursor; national starts with the built-in version', async () => {
    await currentBecomes(AGENCY, 2);
    const token = await hr();
    const first = await get(`/api/v1/policies/${AGENCY}/versions?limit=1`, token);
    expect(first.statusCode).toBe(200);
    const page1 = first.json() as Page;
    expect(page1.items.map((v) => v.version)).toEqual([1]);
    expect(page1.nextCursor).toBe('1');
    const page2 = (await get(`/api/v1/policies/${AGENCY}/versions?limit=1&after=1`, token)).json() as Page;
    expect(page2.items.map((v) => v.version)).toEqual([2]);
    expect(page2.nextCursor).toBeNull();
    const national = (await get('/api/v1/policies/national/versions', token)).json() as Page;
    expect(national.items.map((v) => [v.version, v.builtIn])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect((await get('/api/v1/policies/national/versions?limit=0', token)).statusCode).toBe(400);
    expect((await get('/api/v1/policies/national/versions?after=x', token)).statusCode).toBe(400);
  });

  it('an unknown version is 404, a malformed one or scope 400', async () => {
    const missing = await get(`/api/v1/policies/${AGENCY}/versions/9`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'POLICY_VERSION_NOT_FOUND' });
    expect((await get(`/api/v1/policies/${AGENCY}/versions/abc`)).statusCode).toBe(400);
    expect((await get(`/api/v1/policies/${AGENCY}/versions/0`)).statusCode).toBe(400);
    expect((await get('/api/v1/policies/Kota_Manokwari/current', await admin())).statusCode).toBe(400);
  });

  const brokenPolicy = JSON.parse(JSON.stringify(DEFAULT_POLICY)) as Record<string, Record<string, unknown>>;
  delete (brokenPolicy.predikatMatrix.SESUAI_EKSPEKTASI as Record<string, unknown>).DI_ATAS_EKSPEKTASI;
  (brokenPolicy.distribution.curves as Record<string, { value: number }[]>).ISTIMEWA[0].value = 170;
  brokenPolicy.objection.windowDays = 0;

  const badInputs: [string, string, unknown, number, string, string[]][] = [
    [
      'an incomplete, out-of-range policy',
      AGENCY,
      { policy: brokenPolicy, reason: 'x' },
      400,
      'INVALID_POLICY',
      [
        'policy.predikatMatrix.SESUAI_EKSPEKTASI.DI_ATAS_EKSPEKTASI',
        'policy.distribution.curves.ISTIMEWA[0].value',
        'policy.objection.windowDays',
      ],
    ],
    [
      'a policy with an unknown field',
      AGENCY,
      { policy: { ...workingDays, bonus: 1 }, reason: 'x' },
      400,
      'INVALID_POLICY',
      ['policy.bonus'],
    ],
    ['no reason', AGENCY, { policy: workingDays }, 400, 'VALIDATION_FAILED', ['reason']],
    ['a blank reason', AGENCY, { policy: workingDays, reason: '   ' }, 400, 'REASON_REQUIRED', ['reason']],
    ['a policy that is not an object', AGENCY, { policy: 'strict', reason: 'x' }, 400, 'VALIDATION_FAILED', ['policy']],
    [
      'an unknown body field',
      AGENCY,
      { policy: workingDays, reason: 'x', force: true },
      400,
      'VALIDATION_FAILED',
      ['force'],
    ],
    ['version 0', AGENCY, { policy: workingDays, reason: 'x', version: 0 }, 400, 'VALIDATION_FAILED', ['version']],
    ['a version gap', AGENCY, { policy: workingDays, reason: 'x', version: 9 }, 400, 'POLICY_VERSION_GAP', ['version']],
    [
      'a malformed basedOn',
      AGENCY,
      { policy: workingDays, reason: 'x', basedOn: { scope: 'National', version: 'one' } },
      400,
      'VALIDATION_FAILED',
      ['basedOn.scope', 'basedOn.version'],
    ],
    [
      'a basedOn that was never published',
      AGENCY,
      { policy: workingDays, reason: 'x', basedOn: { scope: 'national', version: 7 } },
      404,
      'BASED_ON_VERSION_NOT_FOUND',
      ['basedOn'],
    ],
    ['a malformed scope', 'Kota Manokwari', { policy: workingDays, reason: 'x' }, 400, 'VALIDATION_FAILED', ['scope']],
  ];
  it.each(badInputs)(
    '%s: refused with a clear JSON error and no event written',
    async (_label, scope, body, status, code, fields) => {
      const before = await countEvents();
      const token = await admin();
      const response = await publish(encodeURIComponent(scope), body, token);
      expect(response.statusCode).toBe(status);
      const error = response.json() as { code: string; message: string; details?: { field?: string }[] };
      expect(error.code).toBe(code);
      expect(error.message.length).toBeGreaterThan(10);
      for (const field of fields) expect(error.details?.map((d) => d.field)).toContain(field);
      expect(await countEvents()).toBe(before);
    },
  );

  it('a malformed If-Match is 400 and writes nothing', async () => {
    const before = await countEvents();
    const response = await publish(AGENCY, { policy: workingDays, reason: 'x' }, await hr(), { 'if-match': 'abc' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_IF_MATCH' });
    expect(await countEvents()).toBe(before);
  });

  it('OpenAPI documents the policy routes with summaries', async () => {
    const doc = (await h.request({ method: 'GET', url: '/docs/openapi.json' })).json() as {
      paths: Record<string, Record<string, { summary?: string }>>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/policies/{scope}/versions',
        '/api/v1/policies/{scope}/versions/{version}',
        '/api/v1/policies/{scope}/current',
      ]),
    );
    expect(Object.keys(doc.paths['/api/v1/policies/{scope}/versions']).sort()).toEqual(['get', 'post']);
  });
});
