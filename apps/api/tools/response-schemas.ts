// Writes the JSON Schema of what each route answers, read from the TypeScript return types of the controller
// methods, to apps/api/src/http/openapi-responses.generated.ts; buildOpenApiDocument (http/openapi.ts) gives it
// to every operation whose decorators declare no success schema. The views (appraisal, cycle, read models) are
// plain TypeScript types, not decorated classes: this keeps the document equal to the code without a second,
// hand-written copy of every shape. README "OpenAPI". Dev-only (needs `typescript`):
//   node --import ./libs/runtime/loader/register-ts.mjs apps/api/tools/response-schemas.ts           (writes)
//   node --import ./libs/runtime/loader/register-ts.mjs apps/api/tools/response-schemas.ts --check  (exit 1 if stale)
import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export type JsonSchema = Record<string, unknown>;

export interface ResponseSchemas {
  /** operationId (`Controller_method`, as @nestjs/swagger names them) → schema of the success body. */
  operations: Record<string, JsonSchema>;
  /**
   * Named types the operation schemas refer to (`#/components/schemas/<name>`). A decorated DTO class returned
   * by a route has the same name as the component @nestjs/swagger makes of it, which is kept.
   */
  components: Record<string, JsonSchema>;
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SOURCE_DIR = join(ROOT, 'apps/api/src');
export const GENERATED_FILE = join(ROOT, 'apps/api/src/http/openapi-responses.generated.ts');
const ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete']);
const MAX_DEPTH = 40;

export function generateResponseSchemas(): ResponseSchemas {
  const files = controllerFiles(SOURCE_DIR);
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    experimentalDecorators: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const converter = new SchemaConverter(checker);
  const operations: Record<string, JsonSchema> = {};
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    source.forEachChild((node) => {
      if (!ts.isClassDeclaration(node) || !node.name || !hasDecorator(node, (n) => n === 'Controller')) return;
      for (const member of node.members) {
        if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name)) continue;
        if (!hasDecorator(member, (n) => ROUTE_DECORATORS.has(n))) continue;
        const signature = checker.getSignatureFromDeclaration(member);
        if (!signature) continue;
        const returned = checker.getAwaitedType(checker.getReturnTypeOfSignature(signature));
        const schema = returned ? converter.convert(returned, 0) : undefined;
        if (schema) operations[`${node.name.text}_${member.name.text}`] = schema;
      }
    });
  }
  return { operations: sortKeys(operations), components: sortKeys(converter.components) };
}

/** What a serialized value of the type looks like (JSON.stringify: undefined properties dropped, Date a string). */
class SchemaConverter {
  readonly components: Record<string, JsonSchema> = {};
  private readonly names = new Map<ts.Type, string>();

  constructor(private readonly checker: ts.TypeChecker) {}

  /** undefined: nothing JSON (void, a function). */
  convert(type: ts.Type, depth: number): JsonSchema | undefined {
    if (depth > MAX_DEPTH) return {};
    const f = type.flags;
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (f & (ts.TypeFlags.Void | ts.TypeFlags.Undefined | ts.TypeFlags.Never)) return undefined;
    if (f & ts.TypeFlags.Null) return { type: 'null' };
    if (f & ts.TypeFlags.StringLiteral) return { type: 'string', enum: [(type as ts.StringLiteralType).value] };
    if (f & ts.TypeFlags.NumberLiteral) return { type: 'number', enum: [(type as ts.NumberLiteralType).value] };
    if (f & ts.TypeFlags.BooleanLiteral) return { type: 'boolean', enum: [type === this.checker.getTrueType()] };
    if (f & (ts.TypeFlags.String | ts.TypeFlags.TemplateLiteral)) return { type: 'string' };
    if (f & ts.TypeFlags.Number) return { type: 'number' };
    if (f & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (f & ts.TypeFlags.EnumLike) return { type: 'string' };
    if (type.isUnion()) return this.union(type.types, depth);
    if (type.isIntersection()) {
      // A branded primitive (`string & { __brand }`) is the primitive.
      const primitive = type.types.find(
        (t) => t.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike),
      );
      if (primitive) return this.convert(primitive, depth + 1);
    }
    if (f & ts.TypeFlags.Object || type.isIntersection()) return this.object(type, depth);
    return {};
  }

  private union(members: readonly ts.Type[], depth: number): JsonSchema | undefined {
    const schemas = members.map((t) => this.convert(t, depth + 1)).filter((s): s is JsonSchema => s !== undefined);
    if (schemas.length === 0) return undefined;
    // Literals of one type become one enum; `true | false` is boolean.
    const merged: JsonSchema[] = [];
    for (const schema of schemas) {
      const same = merged.find((m) => m.enum && schema.enum && m.type === schema.type && Object.keys(m).length === 2);
      if (same && Object.keys(schema).length === 2)
        same.enum = [...(same.enum as unknown[]), ...(schema.enum as unknown[])];
      else merged.push({ ...schema });
    }
    for (const m of merged) if (m.type === 'boolean' && Array.isArray(m.enum) && m.enum.length === 2) delete m.enum;
    const simple = merged.every((m) => Object.keys(m).length === 1 && typeof m.type === 'string');
    if (merged.length === 1) return merged[0];
    // `null` last, as OpenAPI 3.1 documents tend to write it (`['string', 'null']`).
    const nullLast = (a: JsonSchema, b: JsonSchema) => Number(a.type === 'null') - Number(b.type === 'null');
    merged.sort(nullLast);
    if (simple) return { type: [...new Set(merged.map((m) => m.type as string))] };
    return { anyOf: merged };
  }

  private object(type: ts.Type, depth: number): JsonSchema | undefined {
    const checker = this.checker;
    const symbolName = type.getSymbol()?.getName();
    if (symbolName === 'Date') return { type: 'string', format: 'date-time' };
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      const args = checker.getTypeArguments(type as ts.TypeReference);
      if (checker.isTupleType(type)) {
        const items = args.map((t) => this.convert(t, depth + 1) ?? {});
        return { type: 'array', prefixItems: items, minItems: items.length, maxItems: items.length };
      }
      return { type: 'array', items: this.convert(args[0], depth + 1) ?? {} };
    }
    if (type.getCallSignatures().length > 0) return undefined;
    const name = this.nameOf(type);
    if (name) {
      const existing = this.names.get(type);
      if (existing) return { $ref: `#/components/schemas/${existing}` };
      const unique = this.uniqueName(name);
      this.names.set(type, unique);
      this.components[unique] = {};
      this.components[unique] = this.shape(type, depth);
      return { $ref: `#/components/schemas/${unique}` };
    }
    return this.shape(type, depth);
  }

  private shape(type: ts.Type, depth: number): JsonSchema {
    const checker = this.checker;
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const property of checker.getPropertiesOfType(type)) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      const propertyType = declaration
        ? checker.getTypeOfSymbolAtLocation(property, declaration)
        : checker.getTypeOfSymbol(property);
      const schema = this.convert(propertyType, depth + 1);
      if (!schema) continue;
      properties[property.getName()] = schema;
      const optional =
        property.flags & ts.SymbolFlags.Optional ||
        (propertyType.isUnion() && propertyType.types.some((t) => t.flags & ts.TypeFlags.Undefined));
      if (!optional) required.push(property.getName());
    }
    const schema: JsonSchema = { type: 'object', properties };
    if (required.length > 0) schema.required = required;
    const index = checker.getIndexInfosOfType(type).find((info) => info.keyType.flags & ts.TypeFlags.String);
    if (index) schema.additionalProperties = this.convert(index.type, depth + 1) ?? {};
    return schema;
  }

  /** Interfaces, classes and type aliases without type arguments get a component of their name. */
  private nameOf(type: ts.Type): string | undefined {
    if (type.aliasSymbol && !type.aliasTypeArguments?.length) return type.aliasSymbol.getName();
    const symbol = type.getSymbol();
    const objectFlags = (type as ts.ObjectType).objectFlags ?? 0;
    const generic = (type as ts.TypeReference).typeArguments?.length;
    if (symbol && objectFlags & (ts.ObjectFlags.Interface | ts.ObjectFlags.Class) && !generic) return symbol.getName();
    return undefined;
  }

  private uniqueName(name: string): string {
    let unique = name;
    for (let n = 2; this.components[unique] !== undefined; n++) unique = `${name}${n}`;
    return unique;
  }
}

function hasDecorator(node: ts.HasDecorators, accept: (name: string) => boolean): boolean {
  return (ts.getDecorators(node) ?? []).some((decorator) => {
    const expression = ts.isCallExpression(decorator.expression)
      ? decorator.expression.expression
      : decorator.expression;
    return ts.isIdentifier(expression) && accept(expression.text);
  });
}

function controllerFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.controller.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

export function renderGenerated(schemas: ResponseSchemas): string {
  return (
    `// Generated by apps/api/tools/response-schemas.ts from the controllers' return types: do not edit.\n` +
    `// Regenerate after changing what a route answers (README "OpenAPI"); a test fails while it is stale.\n` +
    `export const RESPONSE_SCHEMAS: {\n` +
    `  operations: Record<string, Record<string, unknown>>;\n` +
    `  components: Record<string, Record<string, unknown>>;\n` +
    `} = ${JSON.stringify(schemas, null, 2)};\n`
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const schemas = generateResponseSchemas();
  const target = relative(process.cwd(), GENERATED_FILE);
  if (process.argv.includes('--check')) {
    const { RESPONSE_SCHEMAS } = (await import(GENERATED_FILE)) as { RESPONSE_SCHEMAS: ResponseSchemas };
    if (JSON.stringify(RESPONSE_SCHEMAS) !== JSON.stringify(schemas)) {
      console.error(`${target} is stale: regenerate it (apps/api/tools/response-schemas.ts)`);
      process.exit(1);
    }
  } else {
    writeFileSync(GENERATED_FILE, renderGenerated(schemas));
    console.log(`wrote ${target}; now: npx prettier --write ${target}`);
  }
}
