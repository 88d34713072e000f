// Reconcile a cycle with the organization as it is now: which start, transfer, end and rater change each
// appraisal needs is the domain's rule (libs/appraisal/src/reconcile-cycle/reconciliation-steps.ts); this runs it.
// The cycle's units are those pinned when it opened. People and reporting lines come from the read models;
// each appraisal is folded from its stream, so a repeated reconcile writes nothing more (each decision sees
// the change already made). The answer also names who, after it, still has no rater or rater's supervisor.
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { changeRaterDecider } from '../../../../../libs/appraisal/src/change-rater/change-rater.js';
import { endAppraisalDecider } from '../../../../../libs/appraisal/src/end-appraisal/end-appraisal.js';
import { startAppraisalDecider } from '../../../../../libs/appraisal/src/start-appraisal/start-appraisal.js';
import { transferAppraisalDecider } from '../../../../../libs/appraisal/src/transfer-appraisal/transfer-appraisal.js';
import type { OpenedCycle } from '../../../../../libs/appraisal/src/cycle/cycle-state.js';
import { reconciliationSteps } from '../../../../../libs/appraisal/src/reconcile-cycle/reconciliation-steps.js';
import type { CommandContext } from '../../event-sourcing/command-context.js';
import {
  AppraisalFanOut,
  startAppraisalCommand,
  type AppraisalOutcome,
  type RefusedAppraisal,
} from '../appraisal-fan-out.js';
import { CycleFacts, type PersonInScope } from '../cycle-facts.js';
import { CycleReadModels } from '../cycle-read-models.js';
import { assertIfMatch } from '../cycle-view.js';
import {
  assignmentOf,
  raterGaps,
  type RaterAssignment,
  type RaterGaps,
} from '../../../../../libs/appraisal/src/cycle/rater-gaps.js';

export class ReconcileCycleCommand {
  constructor(
    readonly cycleId: string,
    readonly context: CommandContext,
  ) {}
}

export interface ReconcileOutcome extends RaterGaps {
  /** The cycle stream's revision (reconcile writes appraisal streams only). */
  revision: bigint;
  started: { nip: string; unitId: string }[];
  transferred: { nip: string; fromUnitId: string; toUnitId: string }[];
  ended: { nip: string; unitId: string }[];
  raterChanged: {
    nip: string;
    fromRaterNip: string | null;
    toRaterNip: string | null;
    raterSupervisorNip: string | null;
  }[];
  refused: RefusedAppraisal[];
}

type Change =
  | { kind: 'started'; outcome: AppraisalOutcome; detail: ReconcileOutcome['started'][number] }
  | { kind: 'transferred'; outcome: AppraisalOutcome; detail: ReconcileOutcome['transferred'][number] }
  | { kind: 'ended'; outcome: AppraisalOutcome; detail: ReconcileOutcome['ended'][number] }
  | { kind: 'raterChanged'; outcome: AppraisalOutcome; detail: ReconcileOutcome['raterChanged'][number] };

/** One appraisal reconciled: the changes tried, and whom it names afterwards (null: none, or not active). */
interface Reconciled {
  changes: Change[];
  assignment: RaterAssignment | null;
}

const lineOf = (person: PersonInScope): RaterAssignment => ({
  nip: person.nip,
  raterNip: person.raterNip,
  raterSupervisorNip: person.raterSupervisorNip,
});

@CommandHandler(ReconcileCycleCommand)
export class ReconcileCycleHandler implements ICommandHandler<ReconcileCycleCommand> {
  constructor(
    private readonly facts: CycleFacts,
    private readonly readModels: CycleReadModels,
    private readonly fanOut: AppraisalFanOut,
  ) {}

  async execute({ cycleId, context }: ReconcileCycleCommand): Promise<ReconcileOutcome> {
    const { cycle, revision } = await this.facts.cycle(cycleId);
    assertIfMatch(cycleId, context.ifMatch, revision);
    const people = new Map(
      (await this.facts.peopleInScope(cycle.agencyId, cycle.unitIds)).map((p) => [p.nip, p] as const),
    );
    const nips = [...new Set([...people.keys(), ...(await this.readModels.appraisalNips(cycleId))])].sort();
    const reconciled = await this.fanOut.each(nips, (nip) => this.reconcileOne(cycle, nip, people.get(nip), context));
    const changes = reconciled.flatMap((r) => r.changes);
    const made = changes.filter((c) => c.outcome.outcome === 'written');
    return {
      revision,
      started: made.flatMap((c) => (c.kind === 'started' ? [c.detail] : [])),
      transferred: made.flatMap((c) => (c.kind === 'transferred' ? [c.detail] : [])),
      ended: made.flatMap((c) => (c.kind === 'ended' ? [c.detail] : [])),
      raterChanged: made.flatMap((c) => (c.kind === 'raterChanged' ? [c.detail] : [])),
      refused: changes.flatMap(({ outcome: o }) =>
        o.outcome === 'refused' ? [{ nip: o.nip, code: o.code, message: o.message }] : [],
      ),
      ...raterGaps(reconciled.map((r) => r.assignment)),
    };
  }

  /** Runs each step reconciliationSteps names through its decider (which may still refuse it). */
  private async reconcileOne(
    cycle: OpenedCycle,
    nip: string,
    person: PersonInScope | undefined,
    context: CommandContext,
  ): Promise<Reconciled> {
    const target = { cycleId: cycle.cycleId, nip };
    const base = { now: context.now.toISOString(), actorNip: null, cyclePhase: cycle.phase };
    const appraisal = await this.facts.appraisal(cycle.cycleId, nip);
    const changes: Change[] = [];
    let assignment = assignmentOf(appraisal);
    for (const step of reconciliationSteps(cycle.cycleId, appraisal, person)) {
      if (step.kind === 'start' && person) {
        const command = startAppraisalCommand(cycle, person, 'JOINED_MID_CYCLE', context.now);
        const outcome = await this.fanOut.run(startAppraisalDecider, target, command, context);
        if (outcome.outcome === 'written') assignment = lineOf(person);
        changes.push({ kind: 'started', outcome, detail: { nip, unitId: person.unitId } });
      } else if (step.kind === 'end') {
        const command = { ...base, type: 'EndAppraisal' as const, data: { reason: step.reason } };
        const outcome = await this.fanOut.run(endAppraisalDecider, target, command, context, step.reason);
        if (outcome.outcome === 'written') assignment = null;
        changes.push({ kind: 'ended', outcome, detail: { nip, unitId: step.unitId } });
      } else if (step.kind === 'transfer') {
        const data = { toUnitId: step.toUnitId, reason: step.reason };
        const command = { ...base, type: 'TransferAppraisal' as const, data };
        const outcome = await this.fanOut.run(transferAppraisalDecider, target, command, context, step.reason);
        changes.push({
          kind: 'transferred',
          outcome,
          detail: { nip, fromUnitId: step.fromUnitId, toUnitId: step.toUnitId },
        });
      } else if (step.kind === 'changeRater' && person) {
        const data = { toRaterNip: step.toRaterNip, raterSupervisorNip: step.raterSupervisorNip, reason: step.reason };
        const command = { ...base, type: 'ChangeRater' as const, data };
        const outcome = await this.fanOut.run(changeRaterDecider, target, command, context, step.reason);
        if (outcome.outcome === 'written') assignment = lineOf(person);
        const { fromRaterNip, toRaterNip, raterSupervisorNip } = step;
        changes.push({ kind: 'raterChanged', outcome, detail: { nip, fromRaterNip, toRaterNip, raterSupervisorNip } });
      }
    }
    return { changes, assignment };
  }
}
