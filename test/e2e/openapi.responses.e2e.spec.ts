// The served OpenAPI document against the server itself (README "OpenAPI"). Representative e2e specs are run
// here again with the harness recording every request and response; afterwards each response must be one the
// document describes (status documented, JSON body matching its schema, ETag declared when sent) and each request
// the server accepted must match its request schema. The document-wide rules (one error shape, statuses every
// operation can answer, closed request schemas, no untyped request fields) are checked over every operation, so a
// route added later is held to them without touching this file.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { recordResponses, startApiHarness, type ApiHarness } from '../support/api-harness.js';
import {
  OpenApiConformance,
  operationsOf,
  type OpenApiDocument,
  type OpenApiSchema,
} from '../support/openapi-conformance.js';

const responses = recordResponses();
// Their describe blocks become this file's: they run first, in this order, each with its own harness.
await import('./demo-walkthrough.e2e.spec.js');
await import('./keberatan-read-models.flow.e2e.spec.js');
await import('./appraisals.flow.e2e.spec.js');
await import('./cycles.e2e.spec.js');
await import('./organization-employees.e2e.spec.js');
await import('./policies.e2e.spec.js');
await import('./frameworks.lifecycle.e2e.spec.js');
await import('./objections.e2e.spec.js');
await import('./organization-units.e2e.spec.js');

describe('the served OpenAPI document', () => {
  let h: ApiHarness;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    h = await startApiHarness();
    doc = (await h.request({ method: 'GET', url: '/docs/openapi.json' })).json() as OpenApiDocument;
  });
  afterAll(async () => {
    await h.close();
  });

  it('describes every response the specs above received, and accepts every request the server took', () => {
    const conformance = new OpenApiConformance(doc);
    const seen = responses.filter((r) => conformance.operationFor(r.method, r.url));
    // The specs above really ran through the recorder: hundreds of calls over dozens of operations.
    expect(seen.length).toBeGreaterThan(300);
    expect(
      new Set(seen.map((r) => `${r.method} ${conformance.operationFor(r.method, r.url)?.path}`)).size,
    ).toBeGreaterThan(40);
    const problems = [...new Set(seen.flatMap((r) => conformance.check(r)))];
    expect(problems).toEqual([]);
  });

  it('gives every operation a success response with a schema', () => {
    const missing = operationsOf(doc)
      .filter(({ operation }) => {
        const success = Object.entries(operation.responses ?? {}).filter(([status]) => status.startsWith('2'));
        return !success.some(([, r]) => Object.values(r.content ?? {}).some((media) => media.schema));
      })
      .map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    expect(missing).toEqual([]);
  });

  it('references the one error schema from every error response of the API', () => {
    // /health answers its report with 503 as well; every /api/ error has the one shape.
    const api = operationsOf(doc).filter(({ path }) => path.startsWith('/api/'));
    const wrong = api.flatMap(({ method, path, operation }) =>
      Object.entries(operation.responses ?? {})
        .filter(([status]) => Number(status) >= 400)
        .filter(([, r]) => r.content?.['application/json']?.schema?.$ref !== '#/components/schemas/ErrorResponse')
        .map(([status]) => `${method.toUpperCase()} ${path} ${status}`),
    );
    expect(wrong).toEqual([]);
    expect(doc.components.schemas.ErrorResponse.required).toEqual(['statusCode', 'code', 'message']);
  });

  it('declares what every operation can answer: 400/404/500/503/504 under /api/, 401/403/429 if secured, 413/415 with a body', () => {
    const missing = operationsOf(doc).flatMap(({ method, path, operation }) => {
      const expected = [
        ...(path.startsWith('/api/') ? ['400', '500', '503'] : []),
        ...(path.startsWith('/api/') && path.includes('{') ? ['404'] : []),
        ...(path.startsWith('/api/') && method === 'get' ? ['504'] : []),
        ...(operation.security?.length ? ['401', '403', '429'] : []),
        ...(['post', 'put', 'patch'].includes(method) ? ['413', '415'] : []),
      ];
      return expected
        .filter((status) => !operation.responses?.[status])
        .map((status) => `${method.toUpperCase()} ${path} ${status}`);
    });
    expect(missing).toEqual([]);
  });

  it('types every request field and closes every request schema (unknown fields are refused)', () => {
    const untyped: string[] = [];
    const open: string[] = [];
    const visited = new Set<string>();
    const walk = (schema: OpenApiSchema | undefined, at: string) => {
      if (!schema) return;
      if (schema.$ref) {
        const name = schema.$ref.split('/').pop() ?? '';
        if (visited.has(name)) return;
        visited.add(name);
        walk(doc.components.schemas[name], name);
        return;
      }
      const types = Array.isArray(schema.type) ? schema.type : [schema.type];
      const combined = [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
      // `object` with neither properties nor a value schema says nothing: a generated client types it `{}`.
      if (
        types.includes('object') &&
        !schema.properties &&
        schema.additionalProperties === undefined &&
        !combined.length
      )
        untyped.push(at);
      if (schema.properties && schema.additionalProperties !== false) open.push(at);
      for (const [key, child] of Object.entries(schema.properties ?? {})) walk(child, `${at}.${key}`);
      walk(schema.items, `${at}[]`);
      combined.forEach((child) => walk(child, at));
    };
    for (const { operation } of operationsOf(doc))
      for (const media of Object.values(operation.requestBody?.content ?? {})) walk(media.schema, 'body');
    expect(visited.size).toBeGreaterThan(20);
    expect(untyped).toEqual([]);
    expect(open).toEqual([]);
  });

  it('types every response field: no `object` without properties', () => {
    const untyped = new Set<string>();
    const visited = new Set<string>();
    const walk = (schema: OpenApiSchema | undefined, at: string) => {
      if (!schema) return;
      if (schema.$ref) {
        const name = schema.$ref.split('/').pop() ?? '';
        if (!visited.has(name)) {
          visited.add(name);
          walk(doc.components.schemas[name], name);
        }
        return;
      }
      const types = Array.isArray(schema.type) ? schema.type : [schema.type];
      const combined = [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
      if (
        types.includes('object') &&
        !schema.properties &&
        schema.additionalProperties === undefined &&
        !combined.length
      )
        untyped.add(at);
      for (const [key, child] of Object.entries(schema.properties ?? {})) walk(child, `${at}.${key}`);
      walk(schema.items, `${at}[]`);
      if (typeof schema.additionalProperties === 'object') walk(schema.additionalProperties, `${at}{}`);
      combined.forEach((child) => walk(child, at));
    };
    for (const { method, path, operation } of operationsOf(doc))
      for (const [status, response] of Object.entries(operation.responses ?? {}))
        for (const media of Object.values(response.content ?? {}))
          walk(media.schema, `${method.toUpperCase()} ${path} ${status}`);
    expect([...untyped]).toEqual([]);
  });

  it('accepts null where the server does, and refuses an unknown field, in a request schema', () => {
    const conformance = new OpenApiConformance(doc);
    const rhk = { $ref: '#/components/schemas/DraftRhkRequest' };
    const iki = { description: 'Persentase siswa yang tuntas KKM', type: 'QUANTITATIVE', target: 85, unit: 'persen' };
    const body = { kind: 'UTAMA', title: 'Meningkatnya ketuntasan belajar', iki: [iki] };
    expect(conformance.mismatch(rhk, { ...body, cascadesFrom: null, perjanjianKinerjaRef: null })).toBeUndefined();
    expect(conformance.mismatch(rhk, { ...body, perjanjianKinerjaRef: 'PK-2026-1' })).toBeUndefined();
    expect(conformance.mismatch(rhk, { ...body, perjanjianKinerjaRef: 7 })).toContain('perjanjianKinerjaRef');
    expect(conformance.mismatch(rhk, { ...body, notAField: 1 })).toContain('additional properties');
    const realisation = { $ref: '#/components/schemas/RealisationRequest' };
    expect(
      conformance.mismatch(realisation, { rhkId: 'rhk-1', ikiId: 'iki-1', value: 78, corrects: null }),
    ).toBeUndefined();
    expect(conformance.mismatch(realisation, { rhkId: 'rhk-1', ikiId: 'iki-1', value: '78' })).toContain('value');
  });

  it('refuses, as documented, a request with a field its schema does not have', async () => {
    const before = await h.countEvents();
    const token = await h.token({ sub: 'hr-1', roles: ['HR'], agencyId: 'disdik-manokwari' });
    const response = await h.request({
      method: 'POST',
      url: '/api/v1/cycles',
      token,
      body: { notAField: 1 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('notAField');
    expect(new OpenApiConformance(doc).check({ method: 'POST', url: '/api/v1/cycles', ...response })).toEqual([]);
    expect(await h.countEvents()).toBe(before);
  });

  it('tells on the docs page how to get a token in dev mode', async () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.description).toContain('npm run cli -- issue-token');
    const page = await h.request({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
  });
});
