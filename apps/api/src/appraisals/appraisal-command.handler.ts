// One command handler for every appraisal use case: the cycle (404, and its phase as a fact), the appraisal
// (404), the caller's relation to it (403), the use case's other facts, then read-decide-append through the
// executor with the client's If-Match (412 when stale, never retried).
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '../../../../libs/auth/src/index.js';
import { appraisalStreamName, type AppraisalEvent } from '../../../../libs/appraisal/src/appraisal/appraisal-events.js';
import type { ActiveAppraisal, AppraisalState } from '../../../../libs/appraisal/src/appraisal/appraisal-state.js';
import type { CyclePhase } from '../../../../libs/appraisal/src/cycle/cycle-events.js';
import type { OpenedCycle } from '../../../../libs/appraisal/src/cycle/cycle-state.js';
import type { Decider } from '../../../../libs/shared-kernel/src/decider.js';
import { actorFrom } from '../auth/index.js';
import { CommandExecutor, type ExecuteResult } from '../event-sourcing/command-executor.js';
import { authorize, type AppraisalAct } from './appraisal-access.js';
import { AppraisalFacts } from './appraisal-facts.js';

/** What every appraisal command carries besides its own data. */
export interface CommandBase {
  now: string;
  actorNip: string | null;
  cyclePhase: CyclePhase;
}

/** Builds the domain command from the base, the appraisal and its cycle (to look up further facts). */
export type BuildCommand<Command> = (
  base: CommandBase,
  appraisal: ActiveAppraisal,
  cycle: OpenedCycle,
) => Command | Promise<Command>;

export class AppraisalCommand<Command> {
  constructor(
    readonly cycleId: string,
    readonly nip: string,
    readonly act: AppraisalAct,
    readonly decider: Decider<Command, AppraisalState, AppraisalEvent>,
    readonly build: BuildCommand<Command>,
    readonly principal: Principal,
    readonly request: { correlationId: string; now: Date; ifMatch?: bigint },
    readonly options: { reason?: string; feedbackRequestId?: string | null } = {},
  ) {}
}

@CommandHandler(AppraisalCommand)
export class AppraisalCommandHandler implements ICommandHandler<AppraisalCommand<unknown>> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly facts: AppraisalFacts,
  ) {}

  async execute(c: AppraisalCommand<unknown>): Promise<ExecuteResult<AppraisalEvent>> {
    const cycle = await this.facts.cycle(c.cycleId);
    const { state } = await this.facts.appraisal(c.cycleId, c.nip);
    const { actingRoles } = authorize(c.principal, state, c.act, c.options.feedbackRequestId ?? null);
    const now = c.request.now.toISOString();
    const command = await c.build({ now, actorNip: c.principal.nip ?? null, cyclePhase: cycle.phase }, state, cycle);
    return this.executor.execute(c.decider, {
      stream: appraisalStreamName(c.cycleId, c.nip),
      command,
      actor: actorFrom(c.principal, actingRoles),
      correlationId: c.request.correlationId,
      occurredAt: now,
      ...(c.options.reason ? { reason: c.options.reason.trim() } : {}),
      ...(c.request.ifMatch !== undefined ? { ifMatch: c.request.ifMatch } : {}),
    });
  }
}
