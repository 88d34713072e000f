// The penetapan of one population (DOMAIN section 6): its unit predikat (step 1), then the determination of its
// distribution (steps 2-3). Who is in the population comes from the read model; each member's approved rating
// is folded from their appraisal stream, so the predikat determined are exactly the approved ones.
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { determineDistributionDecider } from '../../../../../libs/appraisal/src/determine-distribution/determine-distribution.js';
import {
  cyclePopulationId,
  setUnitPredikatDecider,
} from '../../../../../libs/appraisal/src/set-unit-predikat/set-unit-predikat.js';
import { approvedRating } from '../../../../../libs/appraisal/src/appraisal/appraisal-state.js';
import type { PopulationMemberFact } from '../../../../../libs/appraisal/src/cycle/cycle-commands.js';
import { cycleStreamName } from '../../../../../libs/appraisal/src/cycle/cycle-events.js';
import type { UnitPredikat } from '../../../../../libs/policy/src/policy.js';
import { CommandExecutor, type ExecuteResult } from '../../event-sourcing/command-executor.js';
import { executorOptions, type CommandContext } from '../../event-sourcing/command-context.js';
import { CycleFacts } from '../cycle-facts.js';
import { CycleReadModels } from '../cycle-read-models.js';

export class SetUnitPredikatCommand {
  constructor(
    readonly cycleId: string,
    readonly data: { populationId: string; unitPredikat: UnitPredikat; reason: string },
    readonly actorNip: string | null,
    readonly context: CommandContext,
  ) {}
}

export class DetermineDistributionCommand {
  constructor(
    readonly cycleId: string,
    readonly data: { populationId: string; overrideJustification: string | null },
    readonly actorNip: string | null,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(SetUnitPredikatCommand)
export class SetUnitPredikatHandler implements ICommandHandler<SetUnitPredikatCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ cycleId, data, actorNip, context }: SetUnitPredikatCommand): Promise<ExecuteResult<unknown>> {
    return this.executor.execute(setUnitPredikatDecider, {
      stream: cycleStreamName(cycleId),
      command: { type: 'SetUnitPredikat', now: context.now.toISOString(), actorNip, data },
      ...executorOptions(context),
      reason: data.reason.trim(),
    });
  }
}

@CommandHandler(DetermineDistributionCommand)
export class DetermineDistributionHandler implements ICommandHandler<DetermineDistributionCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly facts: CycleFacts,
    private readonly readModels: CycleReadModels,
  ) {}

  async execute({ cycleId, data, actorNip, context }: DetermineDistributionCommand): Promise<ExecuteResult<unknown>> {
    const { cycle } = await this.facts.cycle(cycleId);
    const listed = await this.readModels.populationMembers(cycleId, data.populationId);
    const members: PopulationMemberFact[] = [];
    for (const { nip } of listed) {
      const appraisal = await this.facts.appraisal(cycleId, nip);
      // The stream has the last word: an appraisal ended or transferred since the read model saw it is not counted.
      // An appraisal excluded from the assessment is not a member of the curve (README "Appraisal cycles").
      if (
        appraisal.status !== 'active' ||
        appraisal.exclusion ||
        cyclePopulationId(cycle.policy.distribution.scope, appraisal) !== data.populationId
      )
        continue;
      const approved = approvedRating(appraisal);
      members.push({
        nip,
        approved: approved ? { predikat: approved.predikat, ratingVersion: approved.version } : null,
      });
    }
    const justification = data.overrideJustification?.trim();
    return this.executor.execute(determineDistributionDecider, {
      stream: cycleStreamName(cycleId),
      command: { type: 'DetermineDistribution', now: context.now.toISOString(), actorNip, data, members },
      ...executorOptions(context),
      ...(justification ? { reason: justification } : {}),
    });
  }
}
