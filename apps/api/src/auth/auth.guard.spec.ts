// The policy layer through HTTP: a throwaway Nest app on Fastify with the real AuthModule (dev mode, a key
// file in a temp dir) and routes that exist only here.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, Get, type Type } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  issueDevToken,
  loadOrCreateDevKey,
  Role,
  type DevKey,
  type DevTokenClaims,
  type Principal,
} from '../../../../libs/auth/src/index.js';
import { loadConfig, type Config } from '../../../../libs/config/src/config.js';
import { Allow, Public } from './access-policy.js';
import { AccessPolicyAudit } from './access-policy-audit.js';
import { actorFrom } from './actor.js';
import { AuthModule } from './auth.module.js';
import { CurrentPrincipal } from './current-principal.decorator.js';

@Controller('throwaway')
class ThrowawayController {
  @Get('public')
  @Public()
  open(): { ok: true } {
    return { ok: true };
  }

  @Get('hr')
  @Allow(Role.HR, Role.ADMIN)
  hr(@CurrentPrincipal() principal: Principal): { principal: Principal; actor: unknown } {
    return { principal, actor: actorFrom(principal) };
  }

  @Get('undecorated')
  forgotten(): { ok: true } {
    return { ok: true };
  }
}

@Controller('audit')
@Allow(Role.AUDITOR)
class AuditorController {
  @Get()
  read(@CurrentPrincipal() principal: Principal): { actor: unknown } {
    return { actor: actorFrom(principal) };
  }

  @Get('status')
  @Public()
  status(): { ok: true } {
    return { ok: true };
  }
}

async function startApp(config: Config, controllers: Type[]): Promise<NestFastifyApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [AuthModule.register(config)], controllers }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

describe('deny-by-default auth guard over HTTP', () => {
  let dir: string;
  let app: NestFastifyApplication;
  let key: DevKey;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kinerja-auth-guard-'));
    const config = loadConfig({ AUTH_DEV_KEY_FILE: join(dir, 'dev-auth-key.json') });
    app = await startApp(config, [ThrowawayController, AuditorController]);
    // The key file the app created on start-up: what the CLI would sign with.
    key = await loadOrCreateDevKey(config.auth.devKeyFile);
  });
  afterAll(async () => {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const token = (claims: Partial<DevTokenClaims> & Pick<DevTokenClaims, 'roles'>) =>
    issueDevToken(key, { sub: 'user-1', ...claims });
  const get = (url: string, bearer?: string) =>
    app.inject({ method: 'GET', url, headers: bearer === undefined ? {} : { authorization: `Bearer ${bearer}` } });

  it('answers 401 UNAUTHENTICATED with WWW-Authenticate: Bearer without a token', async () => {
    const response = await get('/throwaway/hr');
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.json()).toEqual({
      statusCode: 401,
      code: 'UNAUTHENTICATED',
      message: 'a bearer token is required',
    });
  });

  it('answers 401 for an Authorization header that is not a bearer token', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/throwaway/hr',
      headers: { authorization: 'Basic dXNlcjpwdw==' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_request"');
    expect(response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('answers 401 for a token with a bad signature', async () => {
    const foreignKey = await loadOrCreateDevKey(join(dir, 'someone-elses-key.json'));
    const forged = await issueDevToken(foreignKey, { sub: 'user-1', roles: [Role.ADMIN] });
    const response = await get('/throwaway/hr', forged);
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(response.json()).toEqual({
      statusCode: 401,
      code: 'UNAUTHENTICATED',
      message: 'the bearer token is invalid',
    });
  });

  it('answers 401 for an expired token', async () => {
    const expired = await token({ roles: [Role.HR], now: new Date(Date.now() - 2 * 3600_000), expiresIn: '1h' });
    const response = await get('/throwaway/hr', expired);
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(response.json()).toEqual({
      statusCode: 401,
      code: 'UNAUTHENTICATED',
      message: 'the bearer token has expired',
    });
  });

  it('answers 403 FORBIDDEN for a valid token without an allowed role', async () => {
    const response = await get('/throwaway/hr', await token({ roles: [Role.EMPLOYEE, Role.RATER] }));
    expect(response.statusCode).toBe(403);
    expect(response.headers['www-authenticate']).toBeUndefined();
    expect(response.json()).toEqual({
      statusCode: 403,
      code: 'FORBIDDEN',
      message: 'requires one of the roles HR, ADMIN',
    });
  });

  it('answers 200 for an allowed role and hands the principal and actor to the handler', async () => {
    const bearer = await token({ roles: [Role.HR], agencyId: 'bkn', nip: '198001012005011001', name: 'Budi' });
    const response = await get('/throwaway/hr', bearer);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      principal: { id: 'user-1', roles: ['HR'], agencyId: 'bkn', nip: '198001012005011001', name: 'Budi' },
      actor: { id: 'user-1', role: 'HR' },
    });
  });

  it('records the role the route admitted, in @Allow order, not the token order', async () => {
    const response = await get('/throwaway/hr', await token({ roles: [Role.EMPLOYEE, Role.ADMIN, Role.HR] }));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ actor: { id: 'user-1', role: 'HR' } });
  });

  it('answers 403 on a route with neither @Public nor @Allow, even for ADMIN and without a token', async () => {
    const everyRole = await token({ roles: [Role.ADMIN, Role.HR, Role.AUDITOR] });
    for (const bearer of [everyRole, undefined]) {
      const response = await get('/throwaway/undecorated', bearer);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({
        statusCode: 403,
        code: 'FORBIDDEN',
        message: 'this route has no access policy',
      });
    }
  });

  it('answers 200 on a @Public route without a token, and ignores a bad one there', async () => {
    expect((await get('/throwaway/public')).statusCode).toBe(200);
    expect((await get('/throwaway/public', 'garbage')).json()).toEqual({ ok: true });
  });

  it('applies a controller-level @Allow to every handler, and a handler-level @Public overrides it', async () => {
    expect((await get('/audit')).statusCode).toBe(401);
    expect((await get('/audit', await token({ roles: [Role.HR] }))).statusCode).toBe(403);
    const asAuditor = await get('/audit', await token({ roles: [Role.AUDITOR] }));
    expect(asAuditor.statusCode).toBe(200);
    expect(asAuditor.json()).toEqual({ actor: { id: 'user-1', role: 'AUDITOR' } });
    expect((await get('/audit/status')).statusCode).toBe(200);
  });

  it('lists the routes without an access policy', () => {
    expect(app.get(AccessPolicyAudit).routesWithoutAccessPolicy()).toEqual(['ThrowawayController.forgotten']);
  });
});

describe('auth guard in JWKS mode with the identity provider down', () => {
  it('answers 503 AUTH_UNAVAILABLE rather than blaming the token', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const config = loadConfig({
      AUTH_JWKS_URL: `http://127.0.0.1:${closedPort}/jwks`,
      AUTH_ISSUER: 'https://sso.example',
    });
    const app = await startApp(config, [ThrowawayController]);
    try {
      // Any well-formed JWT makes the verifier fetch the keys; its signature never gets checked.
      const dir = await mkdtemp(join(tmpdir(), 'kinerja-auth-jwks-'));
      const anyToken = await issueDevToken(await loadOrCreateDevKey(join(dir, 'k.json')), {
        sub: 'u',
        roles: [Role.HR],
      });
      await rm(dir, { recursive: true, force: true });
      const response = await app.inject({
        method: 'GET',
        url: '/throwaway/hr',
        headers: { authorization: `Bearer ${anyToken}` },
      });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ statusCode: 503, code: 'AUTH_UNAVAILABLE' });
    } finally {
      await app.close();
    }
  });
});

describe('access decorators', () => {
  it('refuse two policies on one handler, whatever their order', () => {
    expect(() => {
      class Conflicting {
        @Public()
        @Allow(Role.HR)
        handler(): void {}
      }
      return Conflicting;
    }).toThrow('handler has more than one access decorator');
    expect(() => {
      class Conflicting {
        @Allow(Role.HR)
        @Public()
        handler(): void {}
      }
      return Conflicting;
    }).toThrow('handler has more than one access decorator');
    expect(() => {
      @Public()
      @Allow(Role.HR)
      class ConflictingController {}
      return ConflictingController;
    }).toThrow('ConflictingController has more than one access decorator');
  });

  it('refuse an empty @Allow()', () => {
    expect(() => Allow()).toThrow('@Allow() needs at least one role');
  });
});
