// The OpenAPI document served at /docs (README "OpenAPI"). The controllers' decorators describe each operation;
// what is true of every operation is added here, once, so a new route gets it without asking:
// - the one error shape (error-body.ts) as the `ErrorResponse` component, the body of every /api/ error response;
// - the statuses any route can answer: under /api/ 400 (the edge guard refuses unsafe input and undeclared query
//   parameters), 404 when the path names a resource, 500, 503 (read model not built) and, on reads, 504
//   (read-your-writes); 401/403/429 when secured (auth guard, deny by default, auth-failure-limit.ts), 413/415
//   when it takes a body, 422 when it takes an Idempotency-Key;
// - `additionalProperties: false` on request bodies: the validation pipe refuses unknown fields (validation.ts);
// - the success schema of an operation whose decorators give none, read from the TypeScript return type of its
//   controller method (generated: apps/api/tools/response-schemas.ts);
// - the ETag header on the success responses of operations marked @ApiEtag().
// OpenAPI 3.1, so a nullable field is `type: [..., 'null']` and a nullable object `anyOf: [$ref, null]`, which
// every JSON Schema validator reads the same way (3.0's `nullable` beside `allOf` is read differently by each).
import type { INestApplication } from '@nestjs/common';
import { ApiExtension, DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { RESPONSE_SCHEMAS } from './openapi-responses.generated.js';

/** A component schema as @nestjs/swagger types it (the package does not export the name). */
type SchemaObject = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];
type Schema = Record<string, unknown> & {
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: unknown;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
};
type Response = {
  description?: string;
  content?: Record<string, { schema?: Schema }>;
  headers?: Record<string, unknown>;
};
type Operation = {
  operationId?: string;
  parameters?: { name?: string; in?: string }[];
  [ETAG_EXTENSION]?: { description: string };
  security?: unknown[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, Response>;
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const ERROR_REF = '#/components/schemas/ErrorResponse';
const ETAG_EXTENSION = 'x-kinerja-etag';

/**
 * The operation's success responses carry an ETag (the stream revision, for If-Match on the next command). On a
 * controller, every route of it. Read by buildOpenApiDocument, which declares the header on every 2xx response.
 */
export function ApiEtag(
  description = 'W/"<revision>" of the stream written or read: send it as If-Match on the next command',
): MethodDecorator & ClassDecorator {
  return ApiExtension(ETAG_EXTENSION, { description });
}

const DESCRIPTION = `Event-sourced performance appraisal of ASN: every change is an immutable event.

**Tokens.** Every /api/ route needs a bearer JWT ("Authorize" above). In embedded/dev mode, issue one with the
dev key the API verifies with:

    npm run cli -- issue-token --sub hr-1 --role HR --agency disdik-manokwari
    npm run cli -- issue-token --sub 198503152010011002 --role EMPLOYEE --agency disdik-manokwari --nip 198503152010011002

Roles: EMPLOYEE, RATER, RATER_SUPERVISOR, HR, AUDITOR, ADMIN (README "Identity and access"). In production the
agency's OIDC issuer signs them (AUTH_JWKS_URL, AUTH_ISSUER).

**Errors** all have one shape, \`ErrorResponse\`: a stable machine-readable \`code\`, a \`message\` for people (in
Bahasa Indonesia with \`Accept-Language: id\`) and, for invalid input, \`details\` per field.`;

/** The error shape of error-body.ts, as JSON Schema. */
const ERROR_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'The one shape of every error response (README "Errors").',
  required: ['statusCode', 'code', 'message'],
  additionalProperties: false,
  properties: {
    statusCode: { type: 'integer', example: 400 },
    code: { type: 'string', example: 'VALIDATION_FAILED', description: 'stable, machine-readable' },
    message: { type: 'string', example: 'invalid request: nip must be 18 digits' },
    details: {
      type: 'array',
      description: 'one entry per offending input',
      items: {
        type: 'object',
        required: ['message'],
        properties: {
          field: { type: 'string', example: 'nip', description: 'dotted path of the input, or a part name' },
          message: { type: 'string' },
        },
      },
    },
  },
};

/** Said of every operation the statuses below apply to, unless its own decorators say more. */
const COMMON: Record<string, string> = {
  '400': 'VALIDATION_FAILED: unsafe input or an undeclared query parameter',
  '401': 'UNAUTHENTICATED: no bearer token, or one that does not verify',
  '403': "FORBIDDEN: the token's roles (or relation, agency) do not allow this; every route denies by default",
  '404': 'a resource the path names does not exist (the code says which: CYCLE_NOT_FOUND, APPRAISAL_NOT_FOUND, …)',
  '413': 'PAYLOAD_TOO_LARGE: the body is over 1 MiB',
  '415': 'UNSUPPORTED_MEDIA_TYPE: the body is not of the declared content type',
  '422': 'IDEMPOTENCY_KEY_REUSED: this Idempotency-Key came with another request',
  '429': 'TOO_MANY_REQUESTS: too many failed authentications from this address (Retry-After)',
  '500': 'INTERNAL_ERROR: logged with the correlation id',
  '503': 'READ_MODEL_NOT_READY: a read model is still being built, or a dependency is down',
  '504': 'READ_MODEL_BEHIND: the read models did not reach X-Min-Position within X-Max-Wait-Ms',
};

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setOpenAPIVersion('3.1.0')
      .setTitle('Kinerja Ledger API')
      .setDescription(DESCRIPTION)
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  const schemas = (document.components ??= {}).schemas ?? {};
  document.components.schemas = schemas;
  schemas.ErrorResponse = ERROR_SCHEMA;
  const requestSchemas = new Set<string>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const responses = (operation.responses ??= {});
      const takesBody = method !== 'get' && method !== 'delete';
      if (path.startsWith('/api/')) addCommon(responses, '400');
      if (path.startsWith('/api/')) {
        if (path.includes('{')) addCommon(responses, '404');
        addCommon(responses, '500');
        addCommon(responses, '503');
        // Read-your-writes (observability/read-your-writes.interceptor.ts) waits on reads only.
        if (method === 'get') addCommon(responses, '504');
      }
      if (operation.parameters?.some((p) => p.in === 'header' && p.name?.toLowerCase() === 'idempotency-key'))
        addCommon(responses, '422');
      if (operation.security && operation.security.length > 0) {
        addCommon(responses, '401');
        addCommon(responses, '403');
        addCommon(responses, '429');
      }
      if (takesBody) {
        addCommon(responses, '413');
        addCommon(responses, '415');
      }
      addSuccessSchema(operation, schemas, path);
      const etag = operation[ETAG_EXTENSION];
      delete operation[ETAG_EXTENSION];
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) >= 400 && !response.content)
          response.content = { 'application/json': { schema: { $ref: ERROR_REF } } };
        if (etag && status.startsWith('2') && !Object.keys(response.headers ?? {}).some((h) => /^etag$/i.test(h)))
          response.headers = {
            ...response.headers,
            ETag: { description: etag.description, schema: { type: 'string' } },
          };
      }
      for (const media of Object.values(operation.requestBody?.content ?? {}))
        collectRefs(media.schema, schemas, requestSchemas);
    }
  }
  for (const name of requestSchemas) closeSchema(schemas[name] as Schema);
  return document;
}

export function serveOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json' });
}

/**
 * The schema read from the controller method's return type (apps/api/tools/response-schemas.ts), for a success
 * response whose decorators give none; the named types it refers to join the components.
 */
function addSuccessSchema(operation: Operation, schemas: Record<string, unknown>, path: string): void {
  const schema = operation.operationId ? RESPONSE_SCHEMAS.operations[operation.operationId] : undefined;
  if (!schema) return;
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    // /health answers its report with 503 too; the error shape is that of the /api/ routes.
    const answersReport = status.startsWith('2') || (status === '503' && !path.startsWith('/api/'));
    if (!answersReport || status === '204') continue;
    const media = response.content?.['application/json'];
    if (response.content && !media) continue;
    if (media?.schema) continue;
    response.content = { 'application/json': { ...media, schema: structuredClone(schema) as Schema } };
    addComponents(schema as Schema, schemas);
  }
}

function addComponents(schema: Schema, schemas: Record<string, unknown>): void {
  JSON.stringify(schema, (key, value: unknown) => {
    if (key !== '$ref' || typeof value !== 'string') return value;
    const name = value.split('/').pop() ?? '';
    if (schemas[name] === undefined && RESPONSE_SCHEMAS.components[name]) {
      schemas[name] = structuredClone(RESPONSE_SCHEMAS.components[name]);
      addComponents(RESPONSE_SCHEMAS.components[name] as Schema, schemas);
    }
    return value;
  });
}

function addCommon(responses: Record<string, Response>, status: string): void {
  responses[status] ??= { description: COMMON[status] };
}

/** The component schemas a request body refers to, nested ones too. */
function collectRefs(schema: Schema | undefined, schemas: Record<string, unknown>, found: Set<string>): void {
  if (!schema || typeof schema !== 'object') return;
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() ?? '';
    if (found.has(name)) return;
    found.add(name);
    collectRefs(schemas[name] as Schema, schemas, found);
    return;
  }
  for (const child of Object.values(schema.properties ?? {})) collectRefs(child, schemas, found);
  collectRefs(schema.items, schemas, found);
  for (const child of [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])])
    collectRefs(child, schemas, found);
}

/** The validation pipe refuses any property a DTO does not declare (forbidNonWhitelisted). */
function closeSchema(schema: Schema | undefined): void {
  if (schema?.properties && schema.additionalProperties === undefined) schema.additionalProperties = false;
}
