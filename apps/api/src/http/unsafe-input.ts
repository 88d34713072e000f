// One rule for every string a request carries (body values and keys, query, path parameters): no U+0000 and no
// lone UTF-16 surrogate. PostgreSQL's jsonb refuses both and the canonical-JSON event hash cannot encode a lone
// surrogate, so they would surface as 500s deep inside a command. Keys that name JavaScript's object machinery
// (__proto__, constructor, prototype) are refused too: they are never fields of ours and invite prototype
// pollution in whatever copies the body. README "Errors".
import type { ErrorDetail } from './error-body.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Enough to name the problem; a body full of NULs does not need a million details. */
const MAX_DETAILS = 20;

function stringProblem(value: string): string | undefined {
  if (value.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(value)) return 'must not contain a lone UTF-16 surrogate (invalid Unicode)';
  return undefined;
}

const join = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key);

/**
 * The problems of `value` (a parsed body, query or params object), each naming its path like `file.fileName`,
 * `evidenceIds[1]` or `query.agencyId`. Nesting is bounded by the JSON parser (json-body.ts).
 */
export function findUnsafeInput(value: unknown, prefix = ''): ErrorDetail[] {
  const found: ErrorDetail[] = [];
  const visit = (node: unknown, path: string): void => {
    if (found.length >= MAX_DETAILS) return;
    if (typeof node === 'string') {
      const problem = stringProblem(node);
      if (problem) found.push({ field: path || 'body', message: `${path || 'body'} ${problem}` });
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${path}[${i}]`));
    } else if (isPlainObject(node)) {
      for (const key of Object.keys(node)) {
        const keyProblem = FORBIDDEN_KEYS.has(key) ? 'is not an accepted field name' : stringProblem(key);
        if (keyProblem) {
          const field = join(path, key);
          found.push({ field, message: `field name ${JSON.stringify(key)} ${keyProblem}` });
          continue;
        }
        visit(node[key], join(path, key));
      }
    }
  };
  visit(value, prefix);
  return found.slice(0, MAX_DETAILS);
}

/** Parsed JSON, query and params objects (whose prototypes vary); not a raw CSV body (a Buffer). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !ArrayBuffer.isView(value);
}
