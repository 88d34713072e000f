// Publication (issue 4): every active appraisal's result is published (ResultPublished on its own stream, with
// the competency levels the employee's position requires in the pinned framework version, from which the
// training recommendations follow). Publishing a published result writes nothing, so this may run again.
import { Injectable } from '@nestjs/common';
import { publishResultDecider } from '../../../../../libs/appraisal/src/publish-result/publish-result.js';
import type { CommandContext } from '../../event-sourcing/command-context.js';
import { AppraisalFanOut, refused, written, type RefusedAppraisal } from '../appraisal-fan-out.js';
import { CycleFacts } from '../cycle-facts.js';
import { CycleReadModels } from '../cycle-read-models.js';

export interface PublicationOutcome {
  resultsPublished: number;
  resultsRefused: RefusedAppraisal[];
}

/** PublishResult on every active appraisal of the cycle (the read model lists them; each stream decides). */
@Injectable()
export class ResultPublication {
  constructor(
    private readonly facts: CycleFacts,
    private readonly readModels: CycleReadModels,
    private readonly fanOut: AppraisalFanOut,
  ) {}

  async publishAll(cycleId: string, context: CommandContext): Promise<PublicationOutcome> {
    const { cycle } = await this.facts.cycle(cycleId);
    // Excluded appraisals are not assessed: no result is published for them.
    const nips = await this.readModels.assessedAppraisalNips(cycleId);
    const requiredLevels = await this.facts.requiredLevelsIn(cycle.frameworkRef);
    const outcomes = await this.fanOut.each(nips, async (nip) =>
      this.fanOut.run(
        publishResultDecider,
        { cycleId: cycle.cycleId, nip },
        {
          type: 'PublishResult',
          now: context.now.toISOString(),
          actorNip: null,
          cyclePhase: cycle.phase,
          data: {},
          requiredLevels: await requiredLevels(nip),
        },
        context,
      ),
    );
    return { resultsPublished: written(outcomes).length, resultsRefused: refused(outcomes) };
  }
}
