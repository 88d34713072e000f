// Runs an appraisal command for a request: the request's one instant, its correlation id, the client's
// If-Match, and the new stream revision as the reply's ETag.
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { AppraisalEvent } from '../../../../libs/appraisal/src/appraisal/appraisal-events.js';
import type { AppraisalState } from '../../../../libs/appraisal/src/appraisal/appraisal-state.js';
import type { Decider } from '../../../../libs/shared-kernel/src/decider.js';
import type { CommandRequest } from '../auth/index.js';
import type { ExecuteResult } from '../event-sourcing/command-executor.js';
import { revisionReply } from '../event-sourcing/command-context.js';
import { parseIfMatch } from '../event-sourcing/etag.js';
import { correlationIdFrom } from '../http/correlation.js';
import { CLOCK, type Clock } from '../tokens.js';
import type { AppraisalAct } from './appraisal-access.js';
import { AppraisalCommand, type BuildCommand } from './appraisal-command.handler.js';
import type { AppraisalParams } from './appraisal.params.js';

export const IF_MATCH_HEADER = {
  name: 'If-Match',
  required: false,
  description: 'W/"<revision>" from the ETag of the appraisal: 412 STALE_REVISION if the appraisal changed since',
};

export const IDEMPOTENCY_KEY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description:
    '1-200 printable ASCII characters: a retry with the same key and request answers the original success; ' +
    'the same key with another request is 422 IDEMPOTENCY_KEY_REUSED (README "Idempotency and retries")',
};

@Injectable()
export class AppraisalCommandRunner {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Answers `{ revision }` (plus `extra`) and sets the ETag. */
  async run<Command, Extra extends object = object>(
    request: CommandRequest,
    params: AppraisalParams,
    act: AppraisalAct,
    decider: Decider<Command, AppraisalState, AppraisalEvent>,
    build: BuildCommand<Command>,
    options: { reason?: string; feedbackRequestId?: string | null; extra?: (events: AppraisalEvent[]) => Extra } = {},
  ): Promise<Extra & { revision: string }> {
    const ifMatch = parseIfMatch(request.headers['if-match']);
    const result: ExecuteResult<AppraisalEvent> = await this.commandBus.execute(
      new AppraisalCommand(
        params.cycleId,
        params.nip,
        act,
        decider,
        build,
        request.principal,
        {
          correlationId: correlationIdFrom(request.headers['x-correlation-id']),
          now: this.clock.now(),
          ...(ifMatch !== undefined ? { ifMatch } : {}),
        },
        { reason: options.reason, feedbackRequestId: options.feedbackRequestId },
      ),
    );
    const { revision } = revisionReply(request.reply, result);
    const extra = options.extra ? options.extra(result.events) : ({} as Extra);
    return { ...extra, revision };
  }
}

/**
 * The id an item was recorded under, read from the events the command answered with: on a recognised retry these
 * are the original events, so a generated id is the original one, not the one generated for the retry.
 */
export function recordedId(events: readonly AppraisalEvent[], field: string, generated: string): string {
  const value = (events[0]?.data as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? value : generated;
}
