// The console's server side (README "Console"): the dev-mode demo-user picker routes (apps/api/src/dev), absent in
// production mode, and the static serving of the built console at /console with its 503 page when not built
// (apps/api/src/http/console.ts). The console itself is tested in a browser: test/browser/console.browser.ts.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { walkThroughPeople } from '../../libs/organization-import/src/demo/demo-cast.js';
import { DEMO_CYCLE_ID } from '../../libs/organization-import/src/demo/demo-cast.js';
import { demoUsers } from '../../apps/api/src/dev/demo-users.js';
import { serveConsole } from '../../apps/api/src/http/console.js';
import { generateDemoAgency } from '../../libs/organization-import/src/demo/demo-agency.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';

describe('dev mode: the demo-user picker', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('lists the seeded demo users without personal data beyond their NIP, name and roles', async () => {
    const r = await h.request({ method: 'GET', url: '/api/v1/dev/demo-users' });
    expect(r.statusCode).toBe(200);
    const body = r.json() as { cycleId: string; users: { id: string; roles: string[]; nip?: string }[] };
    expect(body.cycleId).toBe(DEMO_CYCLE_ID);
    expect(body.users.map((u) => u.id)).toEqual(['auditor', 'hr', 'kepala-bidang', 'kepala-sekolah', 'guru']);
    expect(body.users.find((u) => u.id === 'guru')).toMatchObject({
      roles: ['EMPLOYEE'],
      nip: expect.stringMatching(/^\d{18}$/),
    });
    expect(r.body).not.toContain('"sub"');
  });

  it("offers the people the seed's walk-through uses (apps/api may not import the CLI's definitions)", () => {
    const demo = generateDemoAgency();
    const head = (unitId: string) => demo.people.find((p) => p.head && p.unitId === unitId)?.nip;
    const nips = Object.fromEntries(demoUsers().map((u) => [u.id, u.nip]));
    expect(nips).toEqual({
      auditor: undefined,
      hr: undefined,
      'kepala-bidang': head('bid-sd'),
      'kepala-sekolah': head('sdn-01-manokwari'),
      guru: walkThroughPeople(demo).guru.nip,
    });
  });

  it('issues a token the API accepts, with the demo user’s roles', async () => {
    const r = await h.request({ method: 'POST', url: '/api/v1/dev/tokens', body: { userId: 'hr' } });
    expect(r.statusCode).toBe(201);
    const { token, user } = r.json() as { token: string; user: { roles: string[] } };
    expect(user.roles).toEqual(['HR']);
    const cycles = await h.request({ method: 'GET', url: '/api/v1/cycles', token });
    expect(cycles.statusCode).toBe(200);
    // An auditor token lists another agency's cycles, which only AUDITOR and ADMIN may.
    const auditor = (
      await h.request({ method: 'POST', url: '/api/v1/dev/tokens', body: { userId: 'auditor' } })
    ).json() as { token: string };
    expect(
      (await h.request({ method: 'GET', url: '/api/v1/cycles?agencyId=other', token: auditor.token })).statusCode,
    ).toBe(200);
  });

  it('refuses anyone but the listed demo users, and unknown fields, with 400 and writes nothing', async () => {
    const before = await h.countEvents();
    for (const body of [{ userId: 'admin' }, {}, { userId: 'hr', roles: ['ADMIN'] }, { userId: 42 }]) {
      const r = await h.request({ method: 'POST', url: '/api/v1/dev/tokens', body });
      expect([JSON.stringify(body), r.statusCode, (r.json() as { code: string }).code]).toEqual([
        JSON.stringify(body),
        400,
        'VALIDATION_FAILED',
      ]);
    }
    expect(await h.countEvents()).toBe(before);
  });
});

describe('production mode (AUTH_JWKS_URL set): no picker', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness({
      AUTH_JWKS_URL: 'https://sso.example.go.id/.well-known/jwks.json',
      AUTH_ISSUER: 'https://sso.example.go.id',
    });
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers 404 on both dev routes and leaves them out of the OpenAPI document', async () => {
    const list = await h.request({ method: 'GET', url: '/api/v1/dev/demo-users' });
    const issue = await h.request({ method: 'POST', url: '/api/v1/dev/tokens', body: { userId: 'hr' } });
    expect([list.statusCode, issue.statusCode]).toEqual([404, 404]);
    expect(issue.body).not.toContain('token"');
    const doc = (await h.request({ method: 'GET', url: '/docs/openapi.json' })).json() as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/v1/dev'))).toEqual([]);
  });
});

describe('/console static serving', () => {
  @Module({})
  class EmptyModule {}
  let dir: string;
  const apps: NestFastifyApplication[] = [];

  async function appServing(root: string) {
    const app = await NestFactory.create<NestFastifyApplication>(EmptyModule, new FastifyAdapter(), { logger: false });
    await serveConsole(app, root);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    apps.push(app);
    return app.getHttpAdapter().getInstance();
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kinerja-console-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>console</title>');
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the built console with a same-origin content security policy, /console redirecting to /console/', async () => {
    const fastify = await appServing(dir);
    const page = await fastify.inject({ method: 'GET', url: '/console/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>console</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const bare = await fastify.inject({ method: 'GET', url: '/console' });
    expect([bare.statusCode, bare.headers.location]).toEqual([301, '/console/']);
    expect((await fastify.inject({ method: 'GET', url: '/console/missing.js' })).statusCode).toBe(404);
  });

  it('answers 503 with how to build it when the built directory is missing, and the app still runs', async () => {
    const fastify = await appServing(join(dir, 'not-built'));
    for (const url of ['/console', '/console/', '/console/assets/index.js']) {
      const r = await fastify.inject({ method: 'GET', url });
      expect([url, r.statusCode]).toEqual([url, 503]);
      expect(r.body).toContain('npm run build:console');
    }
  });
});
