// Checks every request before any pipe or handler sees it: no unsafe strings or keys anywhere (unsafe-input.ts),
// and no query parameter the route does not declare. A route declares its query parameters with a `@Query()` DTO
// (the properties class-validator knows of it) or with `@Query('name')`; a route with neither takes no query
// string at all. Only routes under /api/ are held to the query rule: /health, /metrics and /docs are for
// machines that may add their own parameters. README "Errors".
import { BadRequestException, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import type { FastifyRequest } from 'fastify';
import { getMetadataStorage } from 'class-validator';
import { errorBody, type ErrorDetail } from './error-body.js';
import { findUnsafeInput } from './unsafe-input.js';

const API_PREFIX = '/api/';

/** The query parameter names a handler accepts, or `any` when its DTO cannot be read (the pipe still checks). */
type QueryDeclaration = Set<string> | 'any';

@Injectable()
export class RequestEdgeGuard implements CanActivate {
  private readonly declarations = new WeakMap<object, QueryDeclaration>();

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const details: ErrorDetail[] = [
      ...findUnsafeInput(request.params, 'params'),
      ...findUnsafeInput(request.query, 'query'),
      ...findUnsafeInput(request.body),
    ];
    if (request.url.startsWith(API_PREFIX)) details.push(...this.undeclaredQuery(context, request.query));
    if (details.length === 0) return true;
    throw new BadRequestException(
      errorBody(400, 'VALIDATION_FAILED', `invalid request: ${details.map((d) => d.message).join('; ')}`, details),
    );
  }

  private undeclaredQuery(context: ExecutionContext, query: unknown): ErrorDetail[] {
    const keys = Object.keys((query ?? {}) as object);
    if (keys.length === 0) return [];
    const declared = this.declarationOf(context);
    if (declared === 'any') return [];
    return keys
      .filter((key) => !declared.has(key))
      .map((key) => ({ field: `query.${key}`, message: `query parameter ${key} is not accepted by this route` }));
  }

  private declarationOf(context: ExecutionContext): QueryDeclaration {
    const handler = context.getHandler();
    const cached = this.declarations.get(handler);
    if (cached) return cached;
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ?? {}) as Record<
      string,
      { data?: unknown }
    >;
    const types = (Reflect.getMetadata('design:paramtypes', context.getClass().prototype, handler.name) ??
      []) as unknown[];
    let declaration: QueryDeclaration = new Set<string>();
    for (const [key, arg] of Object.entries(args)) {
      if (Number(key.split(':')[0]) !== RouteParamtypes.QUERY || declaration === 'any') continue;
      if (typeof arg.data === 'string') {
        declaration.add(arg.data);
        continue;
      }
      const dto = types[Number(key.split(':')[1])];
      const properties = typeof dto === 'function' && dto !== Object ? propertiesOf(dto as DtoClass) : [];
      if (properties.length === 0) declaration = 'any';
      else properties.forEach((name) => (declaration as Set<string>).add(name));
    }
    this.declarations.set(handler, declaration);
    return declaration;
  }
}

type DtoClass = Parameters<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[0];

function propertiesOf(dto: DtoClass): string[] {
  return getMetadataStorage()
    .getTargetValidationMetadatas(dto, '', true, false)
    .map((m) => m.propertyName);
}
