// Open a cycle (CycleOpened on `cycle-{id}`), then start an appraisal for every registered employee of the
// subtree (one stream each). The two are not one transaction: if the process dies between them, the same
// request again (while the cycle is still in PLANNING) finds it opened as asked, writes nothing to it, and
// completes the fan-out. The answer names who has no rater or rater's supervisor (rater-gaps.ts).
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { openCycleDecider } from '../../../../../libs/appraisal/src/open-cycle/open-cycle.js';
import type { OpenCycle } from '../../../../../libs/appraisal/src/cycle/cycle-commands.js';
import { cycleStreamName } from '../../../../../libs/appraisal/src/cycle/cycle-events.js';
import {
  evolveCycle,
  initialCycleState,
  type OpenedCycle,
} from '../../../../../libs/appraisal/src/cycle/cycle-state.js';
import { startAppraisalDecider } from '../../../../../libs/appraisal/src/start-appraisal/start-appraisal.js';
import { CommandExecutor } from '../../event-sourcing/command-executor.js';
import { executorOptions, type CommandContext } from '../../event-sourcing/command-context.js';
import {
  AppraisalFanOut,
  refused,
  startAppraisalCommand,
  written,
  type RefusedAppraisal,
} from '../appraisal-fan-out.js';
import { subtreeOf } from '../../../../../libs/organization/src/agency/unit-subtree.js';
import { CycleFacts } from '../cycle-facts.js';
import { assertIfMatch } from '../cycle-view.js';
import {
  assignmentOf,
  raterGaps,
  startedAssignment,
  type RaterGaps,
} from '../../../../../libs/appraisal/src/cycle/rater-gaps.js';
import { CyclePins, type RequestedPins } from './cycle-pins.js';

export class OpenCycleCommand {
  constructor(
    readonly data: OpenCycle['data'],
    readonly context: CommandContext,
    /** Explicit framework / policy versions to pin; absent ones default (cycle-pins.ts). */
    readonly pins: RequestedPins = {},
  ) {}
}

export interface OpenCycleOutcome extends RaterGaps {
  cycle: OpenedCycle;
  revision: bigint;
  /** false: the cycle was already open exactly as asked (a retry); only the fan-out ran. */
  created: boolean;
  appraisalsStarted: number;
  appraisalsRefused: RefusedAppraisal[];
}

@CommandHandler(OpenCycleCommand)
export class OpenCycleHandler implements ICommandHandler<OpenCycleCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly facts: CycleFacts,
    private readonly fanOut: AppraisalFanOut,
    private readonly pins: CyclePins,
  ) {}

  async execute({ data, context, pins }: OpenCycleCommand): Promise<OpenCycleOutcome> {
    const agency = await this.facts.agency(data.agencyId);
    const existing = await this.facts.cycleIfAny(data.cycleId);
    let opened: { cycle: OpenedCycle; revision: bigint; created: boolean };
    if (existing && existing.cycle.phase === 'PLANNING' && isSameOpening(existing.cycle, data, pins)) {
      assertIfMatch(data.cycleId, context.ifMatch, existing.revision);
      opened = { ...existing, created: false };
    } else {
      // An existing cycle opened differently reaches the decider, which refuses it (409 CYCLE_EXISTS).
      const pinned = await this.pins.resolve(data.agencyId, pins);
      const result = await this.executor.execute(openCycleDecider, {
        stream: cycleStreamName(data.cycleId),
        command: {
          type: 'OpenCycle',
          now: context.now.toISOString(),
          data,
          timeZone: agency.timeZone,
          unitIds: subtreeOf(agency.units, data.rootUnitId),
          frameworkRef: pinned.frameworkRef,
          policyRef: pinned.policyRef,
          policy: pinned.policy,
        },
        ...executorOptions(context),
      });
      const cycle = result.events.reduce(evolveCycle, initialCycleState()) as OpenedCycle;
      opened = { cycle, revision: result.revision, created: true };
    }
    const { cycle } = opened;
    const people = await this.facts.peopleInScope(cycle.agencyId, cycle.unitIds);
    const outcomes = await this.fanOut.each(people, (person) =>
      this.fanOut.run(
        startAppraisalDecider,
        { cycleId: cycle.cycleId, nip: person.nip },
        startAppraisalCommand(cycle, person, 'CYCLE_OPENED', context.now),
        context,
      ),
    );
    // Who each appraisal names: from the start just written, else (a retry, a refusal) from its stream.
    const assignments = await this.fanOut.each(outcomes, async (outcome) =>
      outcome.outcome === 'written'
        ? startedAssignment(outcome.events)
        : assignmentOf(await this.facts.appraisal(cycle.cycleId, outcome.nip)),
    );
    return {
      ...opened,
      appraisalsStarted: written(outcomes).length,
      appraisalsRefused: refused(outcomes),
      ...raterGaps(assignments),
    };
  }
}

/**
 * The request names the cycle as it was opened (a retry), not a different cycle under a taken id. A pin the
 * request names must be the one pinned; a pin it leaves out matches whatever the opening pinned by default
 * (the default may have moved since, e.g. a policy published between the crash and the retry).
 */
function isSameOpening(cycle: OpenedCycle, data: OpenCycle['data'], pins: RequestedPins): boolean {
  const { framework, policy } = pins;
  return (
    (framework === undefined ||
      (cycle.frameworkRef?.frameworkId === framework.frameworkId &&
        cycle.frameworkRef.version === framework.version)) &&
    (policy === undefined || (cycle.policyRef.scope === policy.scope && cycle.policyRef.version === policy.version)) &&
    cycle.agencyId === data.agencyId &&
    cycle.name === data.name.trim() &&
    cycle.kind === data.kind &&
    cycle.periodStart === data.periodStart &&
    cycle.periodEnd === data.periodEnd &&
    cycle.rootUnitId === data.rootUnitId
  );
}
