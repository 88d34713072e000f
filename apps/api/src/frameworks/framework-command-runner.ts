// Runs a framework command for a request through the shared command context (event-sourcing/command-context):
// one instant for the command and its events, the correlation id, the client's If-Match, and the new revision
// as ETag on the reply.
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import type { Principal, Role } from '../../../../libs/auth/src/index.js';
import type { FrameworkEvent } from '../../../../libs/competency/src/framework/framework-events.js';
import type { FrameworkState } from '../../../../libs/competency/src/framework/framework-state.js';
import type { Decider } from '../../../../libs/shared-kernel/src/decider.js';
import { commandContext, revisionReply } from '../event-sourcing/command-context.js';
import type { ExecuteResult } from '../event-sourcing/command-executor.js';
import { CLOCK, type Clock } from '../tokens.js';
import { FrameworkCommand, type FrameworkAccessNeeded } from './framework-command.handler.js';
import type { FrameworkCommandResponse } from './framework.requests.js';

export interface RequestContext {
  principal: Principal;
  correlationHeader: string | undefined;
  ifMatchHeader: string | undefined;
  reply: FastifyReply;
}

export const IF_MATCH = { name: 'If-Match', required: false, description: 'W/"<revision>" from an ETag: 412 if stale' };

@Injectable()
export class FrameworkCommandRunner {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run<Command, Extra extends object = object>(
    request: RequestContext,
    frameworkId: string,
    decider: Decider<Command, FrameworkState, FrameworkEvent>,
    /** Builds the domain command with the request's one instant (also the events' occurredAt). */
    command: (now: string) => Command,
    options: {
      allowed: readonly Role[];
      access: FrameworkAccessNeeded;
      newFrameworkAgencyId?: string;
      /** More of the reply, from the events (on a recognised retry, the original ones: README "Idempotency"). */
      extra?: (events: FrameworkEvent[]) => Extra;
    },
  ): Promise<FrameworkCommandResponse & Extra> {
    const context = commandContext(
      request.principal,
      options.allowed,
      { correlationId: request.correlationHeader, ifMatch: request.ifMatchHeader },
      this.clock.now(),
    );
    const result: ExecuteResult<FrameworkEvent> = await this.commandBus.execute(
      new FrameworkCommand(frameworkId, decider, command(context.now.toISOString()), request.principal, context, {
        access: options.access,
        newFrameworkAgencyId: options.newFrameworkAgencyId,
      }),
    );
    const { revision } = revisionReply(request.reply, result);
    // An edit that changes nothing appends nothing and acts on no particular version.
    const extra = options.extra ? options.extra(result.events) : ({} as Extra);
    return { ...extra, frameworkId, version: result.events[0]?.data.version ?? null, revision };
  }
}
