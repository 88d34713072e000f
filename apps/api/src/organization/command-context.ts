// What every command route passes to its handler: who acts, the request's correlation id, the time, and the
// client's If-Match revision (if any).
import type { Principal, Role } from '../../../../libs/auth/src/index.js';
import type { Actor } from '../../../../libs/event-store/src/port.js';
import { actorFrom } from '../auth/index.js';
import { parseIfMatch } from '../event-sourcing/etag.js';
import { correlationIdFrom } from '../http/correlation.js';

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
