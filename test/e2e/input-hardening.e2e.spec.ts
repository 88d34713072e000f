// Bad input at the edge, through the real app: nesting too deep, NUL and lone surrogates in any string,
// prototype-named fields, missing nested objects, null where an object is expected, unknown routes and unknown
// query parameters. Each is a 4xx in the one error shape and writes nothing (README "Errors").
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { DEFAULT_POLICY } from '../../libs/policy/src/default-policy.js';
import { A, NIPS, appraisalUrl, buildOrganization, openCycle, tokensFor, type Tokens } from './appraisals.support.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Refusal {
  statusCode: number;
  code: string;
  message: string;
  details?: { field?: string; message: string }[];
}

const COMMENTS = `${appraisalUrl(NIPS.GURU1)}/comments`;
const EVIDENCE = `${appraisalUrl(NIPS.GURU1)}/evidence`;
const POLICY_VERSIONS = `/api/v1/policies/${A}/versions`;
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('input hardening', () => {
  let h: ApiHarness;
  let t: Tokens;

  /** Sends raw text (or a body) and expects a refusal with `status`/`code` that wrote nothing. */
  const refused = async (
    status: number,
    code: string,
    request: { method: Method; url: string; token?: string; payload?: string; body?: unknown },
    headers?: Record<string, string>,
  ): Promise<Refusal> => {
    const before = await h.countEvents();
    const response = await h.request({ ...request, headers });
    const body = JSON.parse(response.body) as Refusal;
    expect({ url: request.url, status: response.statusCode, code: body.code }).toEqual({
      url: request.url,
      status,
      code,
    });
    expect(Object.keys(body).sort()).toEqual(
      body.details ? ['code', 'details', 'message', 'statusCode'] : ['code', 'message', 'statusCode'],
    );
    expect(body.statusCode).toBe(status);
    expect(await h.countEvents()).toBe(before);
    return body;
  };
  const fields = (body: Refusal) => (body.details ?? []).map((d) => d.field);

  beforeAll(async () => {
    h = await startApiHarness();
    t = await tokensFor(h);
    await buildOrganization(h, t);
    await openCycle(h);
  });
  afterAll(async () => {
    await h.close();
  });

  describe('JSON nesting and size', () => {
    it('refuses nesting deeper than 32 with 400 JSON_TOO_DEEP before validation', async () => {
      const payload = `{"text":"x","on":${nested(2000)}}`;
      const body = await refused(400, 'JSON_TOO_DEEP', { method: 'POST', url: COMMENTS, token: t.guru1, payload });
      expect(body.message).toMatch(/32/);
      await refused(400, 'JSON_TOO_DEEP', { method: 'POST', url: COMMENTS, token: t.guru1, payload: nested(33) });
    });

    it('refuses 200 KB of "[" cheaply with JSON_TOO_DEEP, on any body route', async () => {
      const payload = '['.repeat(200 * 1024);
      const started = process.hrtime.bigint();
      await refused(400, 'JSON_TOO_DEEP', { method: 'POST', url: COMMENTS, token: t.guru1, payload });
      await refused(400, 'JSON_TOO_DEEP', { method: 'POST', url: '/api/v1/agencies', token: t.admin, payload });
      expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(2_000);
    });

    it('lets nesting of exactly 32 through to validation, and brackets inside strings do not count', async () => {
      const deepButAllowed = `{"text":"x","on":${nested(31)}}`;
      const body = await refused(400, 'VALIDATION_FAILED', {
        method: 'POST',
        url: COMMENTS,
        token: t.guru1,
        payload: deepButAllowed,
      });
      expect(fields(body)).toContain('on');
      const bracketsInText = JSON.stringify({ text: `${'['.repeat(3000)}"\\`, on: { kind: 'NOPE', id: 'x' } });
      const inText = await refused(400, 'VALIDATION_FAILED', {
        method: 'POST',
        url: COMMENTS,
        token: t.guru1,
        payload: bracketsInText,
      });
      expect(fields(inText)).toEqual(['on.kind']);
    });

    it('refuses more than 20,000 values with 413 JSON_TOO_MANY_VALUES before validation', async () => {
      const url = `${appraisalUrl(NIPS.GURU1)}/feedback`;
      // Half a million array items fit in 1 MiB and cost seconds of validation.
      const huge = `{"text":"x","evidenceIds":[${'0,'.repeat(500_000)}0]}`;
      const started = process.hrtime.bigint();
      const body = await refused(413, 'JSON_TOO_MANY_VALUES', { method: 'POST', url, token: t.kepsek, payload: huge });
      expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1_000);
      expect(body.message).toMatch(/20000|20,000/);
      const commasInText = JSON.stringify({ text: ','.repeat(3000), evidenceIds: ['a'.repeat(65)] });
      const inText = await refused(400, 'VALIDATION_FAILED', {
        method: 'POST',
        url,
        token: t.kepsek,
        payload: commasInText,
      });
      expect(fields(inText)).toEqual(['evidenceIds']);
    });

    it('keeps 400 for malformed JSON and 413 for bodies over 1 MiB', async () => {
      await refused(400, 'BAD_REQUEST', { method: 'POST', url: COMMENTS, token: t.guru1, payload: '{"text":' });
      await refused(400, 'BAD_REQUEST', { method: 'POST', url: COMMENTS, token: t.guru1, payload: '{"a":1} x' });
      const big = JSON.stringify({ text: 'x'.repeat(1024 * 1024), on: { kind: 'IKI', id: 'iki-1' } });
      await refused(413, 'PAYLOAD_TOO_LARGE', { method: 'POST', url: COMMENTS, token: t.guru1, payload: big });
    });
  });

  describe('strings with NUL or a lone surrogate', () => {
    it('refuses them in any body field, naming the field path', async () => {
      const comment = await refused(400, 'VALIDATION_FAILED', {
        method: 'POST',
        url: COMMENTS,
        token: t.guru1,
        payload: '{"text":"ada\\u0000nul","on":{"kind":"IKI","id":"iki-1"}}',
      });
      expect(fields(comment)).toEqual(['text']);
      const evidence = await refused(400, 'VALIDATION_FAILED', {
        method: 'POST',
        url: EVIDENCE,
        token: t.guru1,
        payload: JSON.stringify({
          kind: 'FILE',
          description: 'rekap',
          file: { fileName: 'x\ud800.pdf', mediaType: 'application/pdf', sizeBytes: 1, sha256: 'a'.repeat(64) },
        }),
      });
      expect(fields(evidence)).toEqual(['file.fileName']);
      const policy = await refused(400, 'VALIDATION_FAILED', {
        method: 'POST',
        url: POLICY_VERSIONS,
        token: t.hrA,
        body: { policy: { ...DEFAULT_POLICY, title: 'Kebijakan\u0000' }, reason: 'uji' },
      });
      expect(fields(policy)).toEqual(['policy.title']);
      const inArray = await refused(400, 'VALIDATION_FAILED', {
        method: 'POST',
        url: `${appraisalUrl(NIPS.GURU1)}/feedback`,
        token: t.kepsek,
        payload: '{"text":"ok","evidenceIds":["a","\\udfff"]}',
      });
      expect(fields(inArray)).toEqual(['evidenceIds[1]']);
    });

    it('refuses them in keys, query parameters and path parameters', async () => {
      const key = await refused(400, 'VALIDATION_FAILED', {
        method: 'POST',
        url: COMMENTS,
        token: t.guru1,
        payload: '{"text":"x","on":{"kind":"IKI","id":"iki-1"},"a\\u0000":1}',
      });
      expect(key.details?.[0].message).toMatch(/NUL/);
      const query = await refused(400, 'VALIDATION_FAILED', {
        method: 'GET',
        url: `/api/v1/employees?agencyId=${A}%00`,
        token: t.hrA,
      });
      expect(fields(query)).toEqual(['query.agencyId']);
      const param = await refused(400, 'VALIDATION_FAILED', {
        method: 'GET',
        url: '/api/v1/agencies/kota%00',
        token: t.admin,
      });
      expect(fields(param)).toEqual(['params.agencyId']);
      // Percent-encoded bytes that are not UTF-8 (here a lone surrogate) never reach a route.
      await refused(400, 'BAD_URL', { method: 'GET', url: '/api/v1/agencies/kota%ED%A0%80', token: t.admin });
    });
  });

  describe('shape of the body', () => {
    it('refuses a comment without `on` with a clear 400', async () => {
      const body = await refused(400, 'VALIDATION_FAILED', {
        method: 'POST',
        url: COMMENTS,
        token: t.guru1,
        body: { text: 'komentar' },
      });
      expect(fields(body)).toContain('on');
    });

    it('refuses `basedOn: null` when publishing a policy (omit it for the default)', async () => {
      const body = await refused(400, 'VALIDATION_FAILED', {
        method: 'POST',
        url: POLICY_VERSIONS,
        token: t.hrA,
        body: { policy: DEFAULT_POLICY, reason: 'uji', basedOn: null },
      });
      expect(fields(body)).toContain('basedOn');
    });

    it.each(['prototype', '__proto__', 'constructor'])(
      'refuses a field named %s, at the top and nested',
      async (name) => {
        const top = await refused(400, 'VALIDATION_FAILED', {
          method: 'POST',
          url: COMMENTS,
          token: t.guru1,
          payload: `{"text":"x","on":{"kind":"IKI","id":"iki-1"},"${name}":{"polluted":true}}`,
        });
        expect(fields(top)).toEqual([name]);
        const inner = await refused(400, 'VALIDATION_FAILED', {
          method: 'POST',
          url: COMMENTS,
          token: t.guru1,
          payload: `{"text":"x","on":{"kind":"IKI","id":"iki-1","${name}":1}}`,
        });
        expect(fields(inner)).toEqual([`on.${name}`]);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      },
    );
  });

  describe('routes and query parameters', () => {
    it('answers an unknown route with 404 ROUTE_NOT_FOUND in the one shape', async () => {
      const post = await refused(404, 'ROUTE_NOT_FOUND', {
        method: 'POST',
        url: '/api/v1/nothing-here',
        token: t.admin,
        body: {},
      });
      expect(post.message).toContain('POST /api/v1/nothing-here');
      await refused(404, 'ROUTE_NOT_FOUND', { method: 'GET', url: '/nope' });
    });

    it('refuses unknown query parameters on routes without a query, naming them', async () => {
      const view = await refused(400, 'VALIDATION_FAILED', {
        method: 'GET',
        url: `${appraisalUrl(NIPS.GURU1)}?asOf=2025-06-01`,
        token: t.guru1,
      });
      expect(fields(view)).toEqual(['query.asOf']);
      expect(view.message).toContain('asOf');
      const command = await refused(400, 'VALIDATION_FAILED', {
        method: 'POST',
        url: `${COMMENTS}?dryRun=true`,
        token: t.guru1,
        body: { text: 'x', on: { kind: 'IKI', id: 'iki-1' } },
      });
      expect(fields(command)).toEqual(['query.dryRun']);
      const list = await refused(400, 'VALIDATION_FAILED', {
        method: 'GET',
        url: '/api/v1/agencies?limit=5&sort=name',
        token: t.admin,
      });
      expect(fields(list)).toEqual(['query.sort']);
    });

    it('still serves declared query parameters, /health, /metrics and /docs', async () => {
      expect((await h.request({ method: 'GET', url: '/api/v1/agencies?limit=1', token: t.admin })).statusCode).toBe(
        200,
      );
      expect((await h.request({ method: 'GET', url: `${appraisalUrl(NIPS.GURU1)}`, token: t.guru1 })).statusCode).toBe(
        200,
      );
      expect((await h.request({ method: 'GET', url: '/health' })).statusCode).toBe(200);
      expect((await h.request({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
      expect((await h.request({ method: 'GET', url: '/docs/openapi.json' })).statusCode).toBe(200);
    });
  });

  describe('Accept-Language', () => {
    it('answers in Bahasa Indonesia for `id`, codes unchanged, English by default', async () => {
      const url = '/api/v1/nothing-here';
      const english = await refused(404, 'ROUTE_NOT_FOUND', { method: 'GET', url });
      const indonesian = await refused(404, 'ROUTE_NOT_FOUND', { method: 'GET', url }, { 'accept-language': 'id' });
      expect(english.message).toMatch(/no route/i);
      expect(indonesian.message).toMatch(/tidak ada rute/i);
      const preferred = await refused(
        404,
        'ROUTE_NOT_FOUND',
        { method: 'GET', url },
        { 'accept-language': 'en;q=0.4, id-ID;q=0.9' },
      );
      expect(preferred.message).toBe(indonesian.message);
      const englishFirst = await refused(
        404,
        'ROUTE_NOT_FOUND',
        { method: 'GET', url },
        { 'accept-language': 'en, id' },
      );
      expect(englishFirst.message).toBe(english.message);
      const headers = (await h.request({ method: 'GET', url, headers: { 'accept-language': 'id' } })).headers;
      expect(headers).toMatchObject({ 'content-language': 'id', vary: expect.stringMatching(/Accept-Language/) });
    });

    it('translates authentication, validation, depth and domain errors; details may stay English', async () => {
      const id = { 'accept-language': 'id-ID,id;q=0.9' };
      const noToken = await refused(401, 'UNAUTHENTICATED', { method: 'GET', url: '/api/v1/agencies' }, id);
      expect(noToken.message).toMatch(/autentikasi|token/i);
      const invalid = await refused(
        400,
        'VALIDATION_FAILED',
        { method: 'POST', url: COMMENTS, token: t.guru1, body: { text: 'x' } },
        id,
      );
      expect(invalid.message).toMatch(/tidak valid/i);
      expect(fields(invalid)).toContain('on');
      const deep = await refused(
        400,
        'JSON_TOO_DEEP',
        { method: 'POST', url: COMMENTS, token: t.guru1, payload: nested(100) },
        id,
      );
      expect(deep.message).toMatch(/bersarang/i);
      const notFound = await refused(
        404,
        'CYCLE_NOT_FOUND',
        { method: 'GET', url: appraisalUrl(NIPS.GURU1, 'no-such-cycle'), token: t.guru1 },
        id,
      );
      expect(notFound.message).toMatch(/siklus/i);
    });
  });
});
