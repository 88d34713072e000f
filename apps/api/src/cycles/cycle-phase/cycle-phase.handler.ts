// Advance a cycle one phase (CyclePhaseAdvanced with actor and reason). Entering PUBLISHED also publishes every
// active appraisal's result (result-publication.ts); POST …/publication/retry runs that fan-out again after an
// interruption or once refused appraisals are fixed.
import { ConflictException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { advanceCyclePhaseDecider } from '../../../../../libs/appraisal/src/advance-cycle-phase/advance-cycle-phase.js';
import { cycleStreamName, type CyclePhase } from '../../../../../libs/appraisal/src/cycle/cycle-events.js';
import { CommandExecutor } from '../../event-sourcing/command-executor.js';
import { errorBody } from '../../http/error-body.js';
import { executorOptions, type CommandContext } from '../../event-sourcing/command-context.js';
import { CycleFacts } from '../cycle-facts.js';
import { CycleReadModels } from '../cycle-read-models.js';
import { assertIfMatch } from '../cycle-view.js';
import { CycleReadiness } from '../readiness/cycle-readiness.js';
import { ResultPublication, type PublicationOutcome } from './result-publication.js';

export class AdvanceCyclePhaseCommand {
  constructor(
    readonly cycleId: string,
    readonly data: { to: CyclePhase; reason: string; confirmNotReady?: boolean },
    readonly context: CommandContext,
  ) {}
}

export class RetryPublicationCommand {
  constructor(
    readonly cycleId: string,
    readonly context: CommandContext,
  ) {}
}

export interface PhaseOutcome {
  revision: bigint;
  publication: PublicationOutcome | null;
}

@CommandHandler(AdvanceCyclePhaseCommand)
export class AdvanceCyclePhaseHandler implements ICommandHandler<AdvanceCyclePhaseCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly readModels: CycleReadModels,
    private readonly publication: ResultPublication,
    private readonly facts: CycleFacts,
    private readonly readiness: CycleReadiness,
  ) {}

  async execute({ cycleId, data, context }: AdvanceCyclePhaseCommand): Promise<PhaseOutcome> {
    // The readiness fact is counted against the cycle as it stands; the decider refuses a stale `to` itself.
    const { cycle } = await this.facts.cycle(cycleId);
    const result = await this.executor.execute(advanceCyclePhaseDecider, {
      stream: cycleStreamName(cycleId),
      command: {
        type: 'AdvanceCyclePhase',
        now: context.now.toISOString(),
        data,
        populationIds: await this.readModels.populationIds(cycleId),
        readiness: await this.readiness.report(cycle, data.to),
      },
      ...executorOptions(context),
      reason: data.reason.trim(),
    });
    const publication = data.to === 'PUBLISHED' ? await this.publication.publishAll(cycleId, context) : null;
    return { revision: result.revision, publication };
  }
}

@CommandHandler(RetryPublicationCommand)
export class RetryPublicationHandler implements ICommandHandler<RetryPublicationCommand> {
  constructor(
    private readonly facts: CycleFacts,
    private readonly publication: ResultPublication,
  ) {}

  async execute({ cycleId, context }: RetryPublicationCommand): Promise<PhaseOutcome> {
    const { cycle, revision } = await this.facts.cycle(cycleId);
    assertIfMatch(cycleId, context.ifMatch, revision);
    if (cycle.phase !== 'PUBLISHED') {
      throw new ConflictException(
        errorBody(
          409,
          'WRONG_CYCLE_PHASE',
          `results are published in PUBLISHED; cycle ${cycleId} is in ${cycle.phase}`,
        ),
      );
    }
    return { revision, publication: await this.publication.publishAll(cycleId, context) };
  }
}
