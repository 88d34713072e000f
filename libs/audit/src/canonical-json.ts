// Canonical JSON in the style of RFC 8785 (JCS): object keys sorted by UTF-16 code units, no whitespace,
// numbers as ECMAScript writes them, strings escaped as JSON.stringify does. Hashes are computed over
// these bytes, never over what a database hands back as JSON text (jsonb reorders keys, for one).
//
// Explicit choices where JSON.stringify would be silently lossy:
// - bigint, NaN and ±Infinity, functions and symbols throw (a hash must not depend on a lossy guess);
// - strings with lone surrogates throw (RFC 8785 requires well-formed Unicode);
// - undefined object properties are dropped and undefined array items become null, as JSON.stringify
//   does, so a value hashes the same before and after a JSON round trip through storage;
// - toJSON() is honoured (a Date hashes as its ISO string, as it is stored).

export class CanonicalJsonError extends TypeError {
  override readonly name = 'CanonicalJsonError';
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function canonicalJson(value: unknown): string {
  const text = write(value, '$', new Set());
  if (text === undefined) throw new CanonicalJsonError('$: undefined is not a JSON value');
  return text;
}

function write(input: unknown, path: string, ancestors: Set<object>): string | undefined {
  const value = hasToJson(input) ? input.toJSON() : input;
  switch (typeof value) {
    case 'undefined':
      return undefined;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return writeString(value, path);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${path}: ${value} is not a JSON number`);
      // ECMAScript Number::toString, which RFC 8785 adopts; -0 is written as 0.
      return JSON.stringify(value);
    case 'bigint':
      throw new CanonicalJsonError(`${path}: bigint has no JSON form; convert it to a decimal string`);
    case 'object':
      if (value === null) return 'null';
      if (ancestors.has(value)) throw new CanonicalJsonError(`${path}: circular reference`);
      ancestors.add(value);
      try {
        return Array.isArray(value) ? writeArray(value, path, ancestors) : writeObject(value, path, ancestors);
      } finally {
        ancestors.delete(value);
      }
    default:
      throw new CanonicalJsonError(`${path}: a ${typeof value} is not a JSON value`);
  }
}

function writeArray(items: unknown[], path: string, ancestors: Set<object>): string {
  const parts: string[] = [];
  for (let i = 0; i < items.length; i++) parts.push(write(items[i], `${path}[${i}]`, ancestors) ?? 'null');
  return `[${parts.join(',')}]`;
}

function writeObject(object: object, path: string, ancestors: Set<object>): string {
  const record = object as Record<string, unknown>;
  // Array.prototype.sort without a comparator compares UTF-16 code units, as RFC 8785 asks.
  const keys = Object.keys(record).sort();
  const parts: string[] = [];
  for (const key of keys) {
    const text = write(record[key], `${path}.${key}`, ancestors);
    if (text !== undefined) parts.push(`${writeString(key, path)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}

function writeString(text: string, path: string): string {
  if (LONE_SURROGATE.test(text)) throw new CanonicalJsonError(`${path}: string with a lone surrogate`);
  return JSON.stringify(text);
}

function hasToJson(value: unknown): value is { toJSON(): unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function';
}
