// Runs a framework command for a request: one instant for the command and its events, the correlation id,
// the client's If-Match, and the new revision as ETag on the reply.
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import type { Principal, Role } from '../../../../libs/auth/src/index.js';
import type { FrameworkEvent } from '../../../../libs/competency/src/framework/framework-events.js';
import type { FrameworkState } from '../../../../libs/competency/src/framework/framework-state.js';
import type { Decider } from '../../../../libs/shared-kernel/src/decider.js';
import type { ExecuteResult } from '../event-sourcing/command-executor.js';
import { etagFor, parseIfMatch } from '../event-sourcing/etag.js';
import { correlationIdFrom } from '../http/correlation.js';
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

  async run<Command>(
    context: RequestContext,
    frameworkId: string,
    decider: Decider<Command, FrameworkState, FrameworkEvent>,
    /** Builds the domain command with the request's one instant (also the events' occurredAt). */
    command: (now: string) => Command,
    options: { allowed: readonly Role[]; access: FrameworkAccessNeeded; newFrameworkAgencyId?: string },
  ): Promise<FrameworkCommandResponse> {
    const now = this.clock.now().toISOString();
    const result: ExecuteResult<FrameworkEvent> = await this.commandBus.execute(
      new FrameworkCommand(
        frameworkId,
        decider,
        command(now),
        context.principal,
        options.allowed,
        options.access,
        correlationIdFrom(context.correlationHeader),
        now,
        { ifMatch: parseIfMatch(context.ifMatchHeader), newFrameworkAgencyId: options.newFrameworkAgencyId },
      ),
    );
    void context.reply.header('ETag', etagFor(result.revision));
    // An edit that changes nothing appends nothing and acts on no particular version.
    return { frameworkId, version: result.events[0]?.data.version ?? null, revision: String(result.revision) };
  }
}
