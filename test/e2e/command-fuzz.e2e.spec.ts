// Property test over every command route (POST/PUT/PATCH/DELETE under /api/v1) of the served OpenAPI document:
// valid-ish bodies (the schema's examples) mutated with wrong types, missing and extra fields, huge and deep
// values, NUL and lone surrogates, numbers at the edges, odd If-Match headers and unknown query parameters.
// Whatever comes in, the answer is never 5xx, every error has the one shape, and a 4xx writes nothing.
// A route added later is covered without touching this file. FUZZ_SEED and FUZZ_RUNS vary the cases (the
// default seed keeps `npm test` reproducible; fast-check prints the seed and the shrunk case of a failure).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { A, CYCLE, NIPS, buildOrganization, openCycle, tokensFor, type Tokens } from './appraisals.support.js';
import {
  commandOperations,
  exampleBody,
  mutate,
  mutation,
  serialize,
  type CommandOperation,
  type OpenApiDocument,
} from './command-fuzz.bodies.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const RUNS = Number(process.env.FUZZ_RUNS ?? 15);
const FRAMEWORK = 'fuzz-framework';

/** Path parameters that resolve in the seeded organization and cycle. */
const PATH_VALUES: Record<string, string> = {
  agencyId: A,
  scope: A,
  unitId: 'sd-3',
  nip: NIPS.GURU1,
  cycleId: CYCLE,
  frameworkId: FRAMEWORK,
  code: 'TEK-1',
  positionCode: 'guru-ahli-pertama',
  rhkId: 'rhk-1',
  version: '1',
  populationId: 'sd-3',
  declarationId: 'benturan-1',
};

// The document is read before the tests are declared, so each operation gets its own test.
const harness = await startApiHarness();
const doc = JSON.parse((await harness.request({ method: 'GET', url: '/docs/openapi.json' })).body) as OpenApiDocument;
const operations = commandOperations(doc);

const urlOf = (op: CommandOperation) =>
  op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const example = op.pathParams.find((p) => p.name === name)?.example;
    return encodeURIComponent(PATH_VALUES[name] ?? (example === undefined ? 'x-1' : String(example)));
  });

/** Mostly `usual`, sometimes one of `odd`: a case with one thing wrong gets furthest into the route. */
const mostly = <T>(usual: T, ...odd: T[]) =>
  fc.oneof({ weight: 5, arbitrary: fc.constant(usual) }, { weight: 1, arbitrary: fc.constantFrom(...odd) });
const IF_MATCH = mostly<string | undefined>(undefined, 'W/"0"', '"0"', '*', 'W/"-1"', 'W/"99999999999999999999"', 'x');
const QUERY = mostly('', '?dryRun=1', '?__proto__=1', '?limit=%00');
const MUTATIONS = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(mutation) },
  { weight: 1, arbitrary: fc.array(mutation, { minLength: 2, maxLength: 3 }) },
);

describe('every command route under fuzzed input', () => {
  let h: ApiHarness;
  let t: Tokens;
  /** Per operation: the first token that gets past authorization to validation. */
  const tokenFor = new Map<string, string>();

  beforeAll(async () => {
    h = harness;
    t = await tokensFor(h);
    await buildOrganization(h, t);
    await openCycle(h);
    const framework = exampleBody(doc, { $ref: '#/components/schemas/DraftFrameworkRequest' }) as object;
    await h.request({
      method: 'POST',
      url: '/api/v1/frameworks',
      token: t.hrA,
      body: { ...framework, frameworkId: FRAMEWORK, agencyId: A },
    });
    const candidates = [t.admin, t.hrA, t.guru1, t.kepsek, t.kabid];
    for (const op of operations) {
      let chosen = candidates[0];
      for (const token of candidates) {
        // An unknown field: 400 from validation once the route's role check lets this token through.
        const probe = await h.request({ method: op.method, url: urlOf(op), token, payload: '{"fuzzProbe":1}' });
        if (probe.statusCode !== 401 && probe.statusCode !== 403) {
          chosen = token;
          break;
        }
      }
      tokenFor.set(`${op.method} ${op.path}`, chosen);
    }
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  it('finds the command routes in the served OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(40);
    expect(operations.map((op) => `${op.method} ${op.path}`)).toContain(
      'POST /api/v1/cycles/{cycleId}/appraisals/{nip}/comments',
    );
  });

  it.each(operations.map((op) => [`${op.method} ${op.path}`, op] as const))(
    '%s: never 5xx, and a 4xx writes nothing',
    async (name, op) => {
      const valid = op.contentType === 'application/json' || !op.contentType ? exampleBody(doc, op.schema) : {};
      const contentType = op.contentType === 'text/csv' ? 'text/csv' : 'application/json';
      await fc.assert(
        fc.asyncProperty(MUTATIONS, IF_MATCH, QUERY, async (m, ifMatch, q) => {
          const body = mutate(valid, m);
          const payload = contentType === 'text/csv' ? String(body) : serialize(body);
          const before = await h.countEvents();
          const response = await h.request({
            method: op.method,
            url: `${urlOf(op)}${q}`,
            token: tokenFor.get(name),
            payload,
            headers: { 'content-type': contentType, ...(ifMatch ? { 'if-match': ifMatch } : {}) },
          });
          const summary = { name, status: response.statusCode, body: response.body.slice(0, 300) };
          expect(summary.status < 500 ? 'below 500' : summary).toBe('below 500');
          if (response.statusCode >= 400) {
            const error = JSON.parse(response.body) as Record<string, unknown>;
            expect(error).toMatchObject({ statusCode: response.statusCode, code: expect.any(String) });
            expect(typeof error.message).toBe('string');
            expect({ name, written: (await h.countEvents()) - before }).toEqual({ name, written: 0 });
          }
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    },
  );
});
