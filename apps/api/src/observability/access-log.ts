// One access-log line per request, and the request-duration histogram: the route TEMPLATE
// (/api/v1/employees/:nip), never the URL, since paths carry NIPs. Also gives every request its correlation id
// (the caller's X-Correlation-Id when it is a UUID, else a new one), which commands stamp on their events and the
// reply echoes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actingRoleOf, principalOf } from '../auth/request-principal.js';
import type { ApiMetrics } from './api-metrics.js';
import { UNMATCHED_ROUTE, type ApiLogger } from './logger.js';

const CORRELATION_HEADER = 'x-correlation-id';

export function registerRequestObservers(fastify: FastifyInstance, logger: ApiLogger, metrics: ApiMetrics): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    // request.id is the correlation id (genReqId in fastifyObservabilityOptions); handlers read the header.
    request.headers[CORRELATION_HEADER] = request.id;
    void reply.header(CORRELATION_HEADER, request.id);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = routeTemplate(request);
    const durationMs = reply.elapsedTime;
    metrics.observeRequest(request.method, route, reply.statusCode, durationMs / 1000);
    logger[levelFor(reply.statusCode)](accessLine(request, reply, route, durationMs), 'request');
    done();
  });
}

export function routeTemplate(request: FastifyRequest): string {
  // A request no route matched (404) has no template: its path is the caller's, not ours.
  return request.is404 ? UNMATCHED_ROUTE : (request.routeOptions.url ?? UNMATCHED_ROUTE);
}

function accessLine(request: FastifyRequest, reply: FastifyReply, route: string, durationMs: number) {
  const principal = principalOf(request);
  return {
    method: request.method,
    route,
    status: reply.statusCode,
    durationMs: Math.round(durationMs * 100) / 100,
    correlationId: request.id,
    role: (principal && actingRoleOf(principal)) ?? null,
  };
}

function levelFor(status: number): 'info' | 'warn' | 'error' {
  if (status >= 500) return 'error';
  // Refused callers: a burst of these is worth a look (probing, a misconfigured client).
  if (status === 401 || status === 403 || status === 429) return 'warn';
  return 'info';
}
