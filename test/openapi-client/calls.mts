// Real calls through a client typed by openapi-typescript from the served document (README "OpenAPI"), type-checked
// by test/e2e/openapi.client.e2e.spec.ts next to the types it generates (openapi-types.d.ts, not in the repo).
// Each `@ts-expect-error` is a check too: were a field typed `{}`, `unknown` or `any`, the line would compile
// and tsc would report the directive as unused.
import type { components, paths } from './openapi-types.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type PathParams<O> = O extends { parameters: { path: infer T } }
  ? [T] extends [never | undefined]
    ? object
    : T
  : object;
type Body<O> = O extends { requestBody?: infer R }
  ? NonNullable<R> extends { content: { 'application/json': infer B } }
    ? B
    : never
  : never;
type Success<O> = O extends { responses: infer R }
  ? R extends { 200: { content: { 'application/json': infer B } } }
    ? B
    : R extends { 201: { content: { 'application/json': infer B } } }
      ? B
      : never
  : never;
export type ApiError = components['schemas']['ErrorResponse'];

/** A tiny fetch wrapper: the path, its parameters and the body are checked against the document. */
export async function call<P extends keyof paths, M extends Method & keyof paths[P]>(
  method: M,
  path: P,
  options: { params: PathParams<Operation<P, M>>; body?: Body<Operation<P, M>>; token: string },
): Promise<Success<Operation<P, M>>> {
  const url = String(path).replace(/\{(\w+)\}/g, (_m, name: string) =>
    encodeURIComponent(String((options.params as Record<string, unknown>)[name])),
  );
  const response = await fetch(`http://localhost:3000${url}`, {
    method: method.toUpperCase(),
    headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (!response.ok) throw new Error(((await response.json()) as ApiError).code);
  return (await response.json()) as Success<Operation<P, M>>;
}

const token = 'a dev token';
const appraisal = { cycleId: 'skp-2025-kota-manokwari', nip: '198503152010011002' };

export async function calls(): Promise<void> {
  await call('post', '/api/v1/cycles/{cycleId}/appraisals/{nip}/realisations', {
    params: appraisal,
    token,
    body: { rhkId: 'rhk-1', ikiId: 'iki-1-1', value: 78, narrative: null, corrects: null },
  });
  await call('post', '/api/v1/cycles/{cycleId}/appraisals/{nip}/realisations', {
    params: appraisal,
    token,
    // @ts-expect-error a quantitative realisation is a number
    body: { rhkId: 'rhk-1', ikiId: 'iki-1-1', value: '78' },
  });
  await call('post', '/api/v1/cycles/{cycleId}/appraisals/{nip}/realisations', {
    params: appraisal,
    token,
    // @ts-expect-error unknown fields are refused
    body: { rhkId: 'rhk-1', ikiId: 'iki-1-1', value: 78, notAField: true },
  });
  await call('post', '/api/v1/cycles/{cycleId}/appraisals/{nip}/plan/rhk', {
    params: appraisal,
    token,
    body: {
      kind: 'UTAMA',
      title: 'Meningkatnya ketuntasan belajar',
      iki: [{ description: 'Persentase siswa yang tuntas KKM', type: 'QUANTITATIVE', target: 85, unit: 'persen' }],
      cascadesFrom: null,
      perjanjianKinerjaRef: 'PK-1',
    },
  });
  await call('post', '/api/v1/cycles/{cycleId}/appraisals/{nip}/plan/rhk', {
    params: appraisal,
    token,
    // @ts-expect-error perjanjianKinerjaRef is a string
    body: { kind: 'UTAMA', title: 'x', iki: [], perjanjianKinerjaRef: { id: 'PK-1' } },
  });

  const view = await call('get', '/api/v1/cycles/{cycleId}/appraisals/{nip}', { params: appraisal, token });
  const rater: string | null = view.raterNip;
  const titles: string[] = view.plan.rhk.map((rhk) => rhk.title);
  // @ts-expect-error the view has no such field
  void view.notAField;

  const cycle = await call('get', '/api/v1/cycles/{cycleId}', { params: { cycleId: appraisal.cycleId }, token });
  const revision: string = cycle.revision;
  // @ts-expect-error path parameters are required
  await call('get', '/api/v1/cycles/{cycleId}', { params: {}, token });

  const error: ApiError = { statusCode: 400, code: 'VALIDATION_FAILED', message: 'invalid request' };
  void [rater, titles, revision, error];
}
