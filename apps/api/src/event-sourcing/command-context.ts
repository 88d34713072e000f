// What every command route passes to its handler: who acts, the request's correlation id, the time, and the
// client's If-Match revision (if any).
import type { FastifyReply } from 'fastify';
import type { Principal, Role } from '../../../../libs/auth/src/index.js';
import type { Actor } from '../../../../libs/event-store/src/port.js';
import { actorFrom } from '../auth/index.js';
import type { ExecuteResult } from './command-executor.js';
import { etagFor, parseIfMatch } from './etag.js';
import { correlationIdFrom } from '../http/correlation.js';
import { encodePosition, POSITION_HEADER } from '../observability/position-header.js';

export interface CommandContext {
  actor: Actor;
  correlationId: string;
  now: Date;
  ifMatch?: bigint;
}

export const executorOptions = (context: CommandContext) => ({
  actor: context.actor,
  correlationId: context.correlationId,
  occurredAt: context.now.toISOString(),
  ...(context.ifMatch !== undefined ? { ifMatch: context.ifMatch } : {}),
});

/** Builds the context from the request: actor under the first of the route's roles the principal holds. */
export function commandContext(
  principal: Principal,
  allowed: readonly Role[],
  headers: { correlationId?: string | string[]; ifMatch?: string | string[] },
  now: Date,
): CommandContext {
  const ifMatch = parseIfMatch(headers.ifMatch);
  return {
    actor: actorFrom(principal, allowed),
    correlationId: correlationIdFrom(headers.correlationId),
    now,
    ...(ifMatch !== undefined ? { ifMatch } : {}),
  };
}

/** commandContext from a route's raw headers (X-Correlation-Id, If-Match). */
export function commandContextFromHeaders(
  principal: Principal,
  allowed: readonly Role[],
  headers: Record<string, string | undefined>,
  now: Date,
): CommandContext {
  return commandContext(
    principal,
    allowed,
    { correlationId: headers['x-correlation-id'], ifMatch: headers['if-match'] },
    now,
  );
}

/**
 * The new stream revision as the reply's ETag and as the body `{ revision }`, and the global position of the
 * events as X-Position (for X-Min-Position on a later read, README "Read-your-writes").
 */
export function revisionReply(reply: FastifyReply, result: ExecuteResult<unknown>): { revision: string } {
  void reply.header('ETag', etagFor(result.revision));
  if (result.position) void reply.header(POSITION_HEADER, encodePosition(result.position));
  return { revision: String(result.revision) };
}
