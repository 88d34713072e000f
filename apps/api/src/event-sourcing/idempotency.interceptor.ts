// Opens a command request's idempotency scope (see idempotency.ts) around the route handler, so the executor finds
// it without every handler passing it along. Applied with @Allow (every authenticated route); reads are untouched.
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey, RequestIdempotency, runWithIdempotency } from './idempotency.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (READS.has(request.method)) return next.handle();
    // Validated before the handler runs: a bad key writes nothing.
    const key = parseIdempotencyKey(request.headers[IDEMPOTENCY_KEY_HEADER]);
    const scope = new RequestIdempotency(key, { method: request.method, url: request.url, body: request.body ?? null });
    // The handler runs when the observable is subscribed to: subscribe inside the scope so it sees it.
    return new Observable((subscriber) => runWithIdempotency(scope, () => next.handle().subscribe(subscriber)));
  }
}
