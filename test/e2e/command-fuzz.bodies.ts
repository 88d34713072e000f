// Request bodies for the command fuzz test (command-fuzz.e2e.spec.ts), derived from the served OpenAPI document:
// a valid-ish body per operation (the examples of its schema), and fast-check mutations of it: wrong types,
// missing and extra fields, huge and deep values, NUL and lone surrogates, numbers at the edges.
import fc from 'fast-check';

export interface OpenApiSchema {
  $ref?: string;
  /** OpenAPI 3.1: a nullable field is `[type, 'null']`. */
  type?: string | string[];
  example?: unknown;
  enum?: unknown[];
  items?: OpenApiSchema;
  properties?: Record<string, OpenApiSchema>;
  allOf?: OpenApiSchema[];
  /** OpenAPI 3.1: a nullable object is `anyOf: [{ $ref }, { type: 'null' }]`. */
  anyOf?: OpenApiSchema[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, OpenApiSchema> };
}

export interface OpenApiOperation {
  parameters?: { name: string; in: string; example?: unknown; schema?: OpenApiSchema }[];
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
}

export interface CommandOperation {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  contentType: string | undefined;
  schema: OpenApiSchema | undefined;
  pathParams: { name: string; example: unknown }[];
}

const COMMAND_METHODS = ['post', 'put', 'patch', 'delete'] as const;

/** Every command operation (POST/PUT/PATCH/DELETE) under /api/v1 of the document. */
export function commandOperations(doc: OpenApiDocument): CommandOperation[] {
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/v1/'))
    .flatMap(([path, operations]) =>
      COMMAND_METHODS.filter((m) => operations[m]).map((m) => {
        const op = operations[m];
        const content = op.requestBody?.content ?? {};
        const contentType = Object.keys(content)[0];
        return {
          method: m.toUpperCase() as CommandOperation['method'],
          path,
          contentType,
          schema: contentType ? content[contentType].schema : undefined,
          pathParams: (op.parameters ?? [])
            .filter((p) => p.in === 'path')
            .map((p) => ({ name: p.name, example: p.example ?? p.schema?.example })),
        };
      }),
    );
}

/** A body made of the schema's examples (or a plausible value of its type), to mutate. */
export function exampleBody(doc: OpenApiDocument, schema: OpenApiSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 12) return {};
  if (schema.$ref) return exampleBody(doc, doc.components?.schemas?.[schema.$ref.split('/').pop() ?? ''], depth + 1);
  if (schema.example !== undefined) return structuredClone(schema.example);
  if (schema.allOf) return Object.assign({}, ...(schema.allOf.map((s) => exampleBody(doc, s, depth + 1)) as object[]));
  if (schema.anyOf) return exampleBody(doc, schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0], depth + 1);
  if (schema.enum) return schema.enum[0];
  switch (Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type) {
    case 'array':
      return [exampleBody(doc, schema.items, depth + 1)];
    case 'string':
      return 'contoh';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    default:
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, s]) => [key, exampleBody(doc, s, depth + 1)]),
      );
  }
}

type Path = (string | number)[];

/** Paths of every value inside `value` (the root is []). */
export function pathsOf(value: unknown, at: Path = []): Path[] {
  const here = [at];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))];
  if (typeof value === 'object' && value !== null) {
    return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))];
  }
  return here;
}

/** Marks text spliced into the JSON as is, for values JSON.stringify cannot write (-0, 1e400, deep nesting). */
const raw = (text: string) => `@@RAW(${text})@@`;
const RAW_PATTERN = /"@@RAW\((.*?)\)@@"/g;

export function serialize(body: unknown): string {
  return JSON.stringify(body).replace(RAW_PATTERN, (_m, text: string) => text.replace(/\\"/g, '"'));
}

const nested = (depth: number) => raw(`${'['.repeat(depth)}${']'.repeat(depth)}`);

/** Values no field expects, or expects only at its edges. */
export const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    0,
    -1,
    0.5,
    '',
    ' ',
    [],
    {},
    [null],
    { a: 1 },
    'a\u0000b',
    '\u0000',
    'x\ud800',
    '\udfff',
    'ok\ud83d\ude00',
    Number.MAX_SAFE_INTEGER + 2,
    -Number.MAX_SAFE_INTEGER - 2,
    1e308,
    -1e308,
    5e-324,
    raw('-0'),
    raw('1e400'),
    raw('-1e400'),
    raw('9007199254740993'),
    raw('123456789012345678901234567890'),
    nested(20),
    nested(40),
    nested(3000),
    '2026-02-30',
    '1970-01-01T00:00:00Z',
    '../../etc/passwd',
    "'; DROP TABLE events; --",
    '__proto__',
  ),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 100, max: 20_000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 5 }),
);

const extraKey = fc.oneof(
  fc.constantFrom('extra', 'prototype', 'constructor', '__proto__', 'id', 'version', 'a\u0000', 'b\ud800'),
  fc.string({ minLength: 1, maxLength: 12 }),
);

export type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'remove'; at: number }
  | { kind: 'add'; at: number; key: string; value: unknown }
  | { kind: 'whole'; value: unknown }
  /** One character slipped into a string that is otherwise valid: the case most likely to reach the database. */
  | { kind: 'poison'; at: number; char: string; position: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: weirdValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: extraKey, value: weirdValue }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('whole' as const), value: weirdValue }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('poison' as const),
      at: fc.nat(),
      char: fc.constantFrom('\u0000', '\ud800', '\udc00', '\udbff'),
      position: fc.nat(),
    }),
  },
);

/** `body` with the mutations applied, in order (each picks its path modulo the paths there are). */
export function mutate(body: unknown, mutations: Mutation[]): unknown {
  let result = structuredClone(body);
  for (const m of mutations) {
    if (m.kind === 'whole') {
      result = m.value;
      continue;
    }
    const paths = pathsOf(result);
    const at = paths[m.at % paths.length];
    if (m.kind === 'poison') {
      const strings = paths.filter((p) => p.length > 0 && typeof get(result, p) === 'string');
      if (strings.length === 0) continue;
      const path = strings[m.at % strings.length];
      const text = get(result, path) as string;
      const i = m.position % (text.length + 1);
      (get(result, path.slice(0, -1)) as Record<string | number, unknown>)[path[path.length - 1]] =
        `${text.slice(0, i)}${m.char}${text.slice(i)}`;
    } else if (m.kind === 'add') {
      const containers = paths.filter((p) => isObject(get(result, p)));
      if (containers.length === 0) continue;
      const target = get(result, containers[m.at % containers.length]) as Record<string, unknown>;
      // defineProperty: a key named __proto__ becomes an own property that JSON.stringify writes.
      Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    } else if (at.length === 0) {
      result = m.kind === 'replace' ? m.value : {};
    } else {
      const parent = get(result, at.slice(0, -1)) as Record<string | number, unknown>;
      const key = at[at.length - 1];
      if (m.kind === 'replace') parent[key] = m.value;
      else if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    }
  }
  return result;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function get(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);
}
