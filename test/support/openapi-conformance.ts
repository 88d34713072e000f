// Checks real responses against the served OpenAPI document (README "OpenAPI"): the status is one the operation
// documents, a JSON body matches the documented schema (JSON Schema 2020-12, the dialect of OpenAPI 3.1), and an
// ETag the server sent is declared. Used by test/e2e/openapi.responses.e2e.spec.ts over the responses the
// harness recorded.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { RecordedResponse } from './api-harness.js';

export interface OpenApiSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, OpenApiSchema>;
  additionalProperties?: boolean | OpenApiSchema;
  items?: OpenApiSchema;
  allOf?: OpenApiSchema[];
  anyOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  [key: string]: unknown;
}

export interface OpenApiResponse {
  description?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, { schema?: OpenApiSchema }>;
}

export interface OpenApiOperation {
  operationId?: string;
  security?: unknown[];
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
  responses?: Record<string, OpenApiResponse>;
}

export interface OpenApiDocument {
  openapi: string;
  info: { description?: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, OpenApiSchema> };
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export interface OperationRef {
  method: string;
  path: string;
  operation: OpenApiOperation;
}

export function operationsOf(doc: OpenApiDocument): OperationRef[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((m) => item[m]).map((method) => ({ method, path, operation: item[method] })),
  );
}

const DOC_ID = 'https://kinerja-ledger.invalid/openapi.json';

/** Validates against the document's schemas; `$ref`s point into its components. */
export class OpenApiConformance {
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<OpenApiSchema, ValidateFunction>();
  private readonly routes: { method: string; path: string; pattern: RegExp; params: number; op: OpenApiOperation }[];

  constructor(private readonly doc: OpenApiDocument) {
    // strict: false lets OpenAPI's own keywords (`example`) through; they do not constrain anything.
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(this.ajv);
    this.ajv.addSchema({ $id: DOC_ID, components: doc.components });
    this.routes = operationsOf(doc)
      .map(({ method, path, operation }) => ({
        method,
        path,
        op: operation,
        params: (path.match(/\{/g) ?? []).length,
        pattern: new RegExp(
          `^${path
            .split(/(\{\w+\})/)
            .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
            .join('')}$`,
        ),
      }))
      // A literal segment wins over a parameter (`/objections.csv` before `/objections/{id}`).
      .sort((a, b) => a.params - b.params);
  }

  /** The documented operation a request went to, if any. */
  operationFor(method: string, url: string): { path: string; op: OpenApiOperation } | undefined {
    const path = url.split('?')[0];
    return this.routes.find((r) => r.method === method.toLowerCase() && r.pattern.test(path));
  }

  /** What is wrong with one response, or [] when it is as documented. */
  check(response: RecordedResponse): string[] {
    const route = this.operationFor(response.method, response.url);
    const at = `${response.method} ${response.url} → ${response.statusCode}`;
    if (!route) return [];
    const documented = route.op.responses?.[String(response.statusCode)] ?? route.op.responses?.default;
    if (!documented) return [`${at}: status not documented for ${response.method} ${route.path}`];
    const problems: string[] = [];
    const requestSchema = route.op.requestBody?.content?.['application/json']?.schema;
    if (response.statusCode < 300 && requestSchema && response.requestBody !== undefined) {
      // The server took this request: the document must not refuse it.
      const validateRequest = this.validatorFor(requestSchema);
      if (!validateRequest(parseOrText(response.requestBody)))
        problems.push(
          `${at}: the request the server accepted does not match its schema: ` +
            this.ajv.errorsText(validateRequest.errors, { dataVar: 'request' }) +
            ` — ${response.requestBody.slice(0, 300)}`,
        );
    }
    if (response.headers.etag !== undefined && !hasHeader(documented, 'etag'))
      problems.push(`${at}: sends ETag, not declared for ${response.method} ${route.path}`);
    const contentType = String(response.headers['content-type'] ?? '').split(';')[0];
    if (response.body !== '' && documented.content && !documented.content[contentType])
      problems.push(`${at}: answers ${contentType}, documented: ${Object.keys(documented.content).join(', ')}`);
    if (contentType !== 'application/json' || response.body === '') return problems;
    const schema = documented.content?.['application/json']?.schema;
    if (!schema) return problems;
    const validate = this.validatorFor(schema);
    if (!validate(JSON.parse(response.body)))
      problems.push(
        `${at}: body does not match ${response.method} ${route.path} ${response.statusCode}: ` +
          this.ajv.errorsText(validate.errors, { dataVar: 'body' }) +
          ` — ${response.body.slice(0, 300)}`,
      );
    return problems;
  }

  /** Ajv's complaint about `value` under `schema`, or undefined when it matches. */
  mismatch(schema: OpenApiSchema, value: unknown): string | undefined {
    const validate = this.validatorFor(schema);
    return validate(value) ? undefined : this.ajv.errorsText(validate.errors, { dataVar: 'value' });
  }

  private validatorFor(schema: OpenApiSchema): ValidateFunction {
    let validate = this.validators.get(schema);
    if (!validate) {
      validate = this.ajv.compile(rebase(schema));
      this.validators.set(schema, validate);
    }
    return validate;
  }
}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function hasHeader(response: OpenApiResponse, name: string): boolean {
  return Object.keys(response.headers ?? {}).some((h) => h.toLowerCase() === name);
}

/** The schema with its `#/components/...` references made absolute, into the document added to Ajv. */
function rebase(schema: OpenApiSchema): OpenApiSchema {
  return JSON.parse(JSON.stringify(schema), (key, value: unknown) =>
    key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `${DOC_ID}${value}` : value,
  ) as OpenApiSchema;
}
