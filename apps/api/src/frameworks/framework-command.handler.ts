// One command handler for every framework use case: find the framework's agency (from its stream, the
// authoritative source), check the caller may act on it, then read-decide-append through the executor.
// The agency is read before the executor reads the stream again; it never changes, so that is safe.
import { Injectable, Inject, NotFoundException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '../../../../libs/auth/src/index.js';
import type { FrameworkEvent } from '../../../../libs/competency/src/framework/framework-events.js';
import { frameworkStreamName } from '../../../../libs/competency/src/framework/framework-events.js';
import type { FrameworkState } from '../../../../libs/competency/src/framework/framework-state.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import type { Decider } from '../../../../libs/shared-kernel/src/decider.js';
import { executorOptions, type CommandContext } from '../event-sourcing/command-context.js';
import { CommandExecutor, type ExecuteResult } from '../event-sourcing/command-executor.js';
import { errorBody } from '../http/error-body.js';
import { INFRASTRUCTURE } from '../tokens.js';
import { canComment, canManage, forbidden, otherAgency } from './framework-access.js';

export type FrameworkAccessNeeded = 'manage' | 'comment';

export class FrameworkCommand<Command> {
  constructor(
    readonly frameworkId: string,
    readonly decider: Decider<Command, FrameworkState, FrameworkEvent>,
    readonly command: Command,
    /** Checked against the framework's agency (the context's actor only names the role acted under). */
    readonly principal: Principal,
    readonly context: CommandContext,
    readonly options: { access: FrameworkAccessNeeded; newFrameworkAgencyId?: string },
  ) {}
}

@Injectable()
export class FrameworkAgencyLookup {
  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  /** The agency of an existing framework, or 404. */
  async agencyOf(frameworkId: string): Promise<string> {
    const [first] = await this.infrastructure.eventStore.readStream(frameworkStreamName(frameworkId), {
      maxCount: 1,
    });
    const agencyId =
      first?.type === 'FrameworkDrafted.v1' ? (first.data as { agencyId?: unknown }).agencyId : undefined;
    if (typeof agencyId !== 'string') {
      throw new NotFoundException(errorBody(404, 'FRAMEWORK_NOT_FOUND', `no competency framework ${frameworkId}`));
    }
    return agencyId;
  }
}

@CommandHandler(FrameworkCommand)
export class FrameworkCommandHandler implements ICommandHandler<FrameworkCommand<unknown>> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly lookup: FrameworkAgencyLookup,
  ) {}

  async execute(c: FrameworkCommand<unknown>): Promise<ExecuteResult<FrameworkEvent>> {
    const agencyId = c.options.newFrameworkAgencyId ?? (await this.lookup.agencyOf(c.frameworkId));
    if (c.options.access === 'manage' && !canManage(c.principal, agencyId)) {
      throw forbidden(`only HR of agency ${agencyId} (or ADMIN) may change its frameworks`);
    }
    if (c.options.access === 'comment' && !canComment(c.principal, agencyId)) throw otherAgency(c.principal, agencyId);
    return this.executor.execute(c.decider, {
      stream: frameworkStreamName(c.frameworkId),
      command: c.command,
      ...executorOptions(c.context),
    });
  }
}
