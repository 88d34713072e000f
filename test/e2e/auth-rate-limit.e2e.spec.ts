// Failed authentication is rate-limited per client address (README "Identity and access"): past
// AUTH_FAILURE_LIMIT failures a minute (default 30), a missing or bad token answers 429 TOO_MANY_REQUESTS with
// Retry-After, in the one error shape; a valid token from the same address is never limited, and other addresses
// are counted apart.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../libs/auth/src/index.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';

const SECURED = '/api/v1/competencies/built-in';

/** A request from `remoteAddress` (light-my-request sets the socket's address). */
async function from(h: ApiHarness, remoteAddress: string, authorization?: string) {
  const fastify = h.api.app.getHttpAdapter().getInstance();
  const response = await fastify.inject({
    method: 'GET',
    url: SECURED,
    remoteAddress,
    headers: authorization === undefined ? {} : { authorization },
  });
  return { status: response.statusCode, headers: response.headers, body: JSON.parse(response.body) as object };
}

describe('failed authentication is rate-limited per address (default AUTH_FAILURE_LIMIT 30)', () => {
  let h: ApiHarness;
  let valid: string;
  beforeAll(async () => {
    h = await startApiHarness();
    valid = `Bearer ${await h.token({ sub: 'hr-1', roles: [Role.HR], agencyId: 'kota-manokwari' })}`;
  });
  afterAll(async () => {
    await h.close();
  });

  it('400 bad tokens in a burst: the first 30 answer 401, every later one 429 with Retry-After', async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof from>> | undefined;
    for (let i = 0; i < 400; i++) {
      last = await from(h, '203.0.113.7', `Bearer not-a-token-${i}`);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401));
    expect(statuses.slice(30)).toEqual(Array(370).fill(429));
    expect(last?.body).toEqual({
      statusCode: 429,
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringContaining('too many failed authentications'),
    });
    const retryAfter = Number(last?.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('a missing token from a limited address is refused with 429 too', async () => {
    expect((await from(h, '203.0.113.7')).status).toBe(429);
  });

  it('a valid token from the limited address still works, and is never counted', async () => {
    for (let i = 0; i < 40; i++) expect((await from(h, '203.0.113.7', valid)).status).toBe(200);
    for (let i = 0; i < 40; i++) expect((await from(h, '203.0.113.8', valid)).status).toBe(200);
    expect((await from(h, '203.0.113.8', 'Bearer bad')).status).toBe(401);
  });

  it('other addresses are counted apart', async () => {
    expect((await from(h, '198.51.100.20', 'Bearer bad')).status).toBe(401);
  });

  it('public routes are not limited', async () => {
    const fastify = h.api.app.getHttpAdapter().getInstance();
    const response = await fastify.inject({ method: 'GET', url: '/health', remoteAddress: '203.0.113.7' });
    expect(response.statusCode).toBe(200);
  });
});

describe('AUTH_FAILURE_LIMIT lowers the limit', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness({ AUTH_FAILURE_LIMIT: '3' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('the fourth failure in a minute is 429', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await from(h, '192.0.2.1', 'Bearer x')).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});
