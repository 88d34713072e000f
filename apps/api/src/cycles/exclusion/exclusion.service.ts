// Exclude an appraisal from the cycle's assessment, or include it again (AppraisalExcluded / AppraisalIncluded on
// its own stream). The facts: the cycle's phase and whether the appraisal's population is determined.
import { Injectable } from '@nestjs/common';
import { appraisalStreamName } from '../../../../../libs/appraisal/src/appraisal/appraisal-events.js';
import type { ExclusionCategory } from '../../../../../libs/appraisal/src/appraisal/appraisal-events.js';
import type { OpenedCycle } from '../../../../../libs/appraisal/src/cycle/cycle-state.js';
import { excludeFromAssessmentDecider } from '../../../../../libs/appraisal/src/exclude-from-assessment/exclude-from-assessment.js';
import { includeInAssessmentDecider } from '../../../../../libs/appraisal/src/include-in-assessment/include-in-assessment.js';
import { cyclePopulationId } from '../../../../../libs/appraisal/src/set-unit-predikat/set-unit-predikat.js';
import { CommandExecutor, type ExecuteResult } from '../../event-sourcing/command-executor.js';
import { executorOptions, type CommandContext } from '../../event-sourcing/command-context.js';
import { CycleFacts } from '../cycle-facts.js';

@Injectable()
export class AppraisalExclusion {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly facts: CycleFacts,
  ) {}

  async exclude(
    cycle: OpenedCycle,
    nip: string,
    data: { reason: string; category: ExclusionCategory },
    context: CommandContext,
  ): Promise<ExecuteResult<unknown>> {
    return this.executor.execute(excludeFromAssessmentDecider, {
      stream: appraisalStreamName(cycle.cycleId, nip),
      command: { type: 'ExcludeFromAssessment', ...(await this.base(cycle, nip, context)), data },
      ...executorOptions(context),
      reason: data.reason.trim(),
    });
  }

  async include(
    cycle: OpenedCycle,
    nip: string,
    data: { reason: string },
    context: CommandContext,
  ): Promise<ExecuteResult<unknown>> {
    return this.executor.execute(includeInAssessmentDecider, {
      stream: appraisalStreamName(cycle.cycleId, nip),
      command: { type: 'IncludeInAssessment', ...(await this.base(cycle, nip, context)), data },
      ...executorOptions(context),
      reason: data.reason.trim(),
    });
  }

  private async base(cycle: OpenedCycle, nip: string, context: CommandContext) {
    const appraisal = await this.facts.appraisal(cycle.cycleId, nip);
    const populationId =
      appraisal.status === 'none' ? null : cyclePopulationId(cycle.policy.distribution.scope, appraisal);
    return {
      now: context.now.toISOString(),
      actorNip: null,
      cyclePhase: cycle.phase,
      populationDetermined: populationId !== null && (cycle.populations[populationId]?.determination ?? null) !== null,
    };
  }
}
