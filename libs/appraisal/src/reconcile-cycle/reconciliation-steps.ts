// What reconciling one appraisal with the organization as it is now takes (README "Mid-cycle changes"): an
// employee who joins, moves or changes supervisor mid-cycle is handled explicitly, each change a command on their
// own appraisal stream. Pure: the API's reconcile handler folds the stream, reads where the person is now from
// the read models, and runs each step through its decider (which may still refuse it).
import type { AppraisalState } from '../appraisal/appraisal-state.js';

/** Where the employee is now, by the organization's read models; undefined: not in any unit of the cycle. */
export interface Placement {
  unitId: string;
  raterNip: string | null;
  raterSupervisorNip: string | null;
}

export type ReconciliationStep =
  /** Registered in one of the cycle's units without an appraisal: StartAppraisal (JOINED_MID_CYCLE). */
  | { kind: 'start' }
  /** Moved out of the cycle's units: EndAppraisal (history kept, no further acts). */
  | { kind: 'end'; unitId: string; reason: string }
  /** Moved to another unit of the cycle: TransferAppraisal (the plan and history move along). */
  | { kind: 'transfer'; fromUnitId: string; toUnitId: string; reason: string }
  /** The reporting line names another rater or rater's supervisor: ChangeRater. */
  | {
      kind: 'changeRater';
      fromRaterNip: string | null;
      toRaterNip: string | null;
      raterSupervisorNip: string | null;
      reason: string;
    };

/**
 * The steps, in order, that bring `appraisal` in line with `placement`. None for an ended appraisal, or for a
 * person neither appraised nor placed; a second reconcile after the steps were written finds none.
 */
export function reconciliationSteps(
  cycleId: string,
  appraisal: AppraisalState,
  placement: Placement | undefined,
): ReconciliationStep[] {
  if (appraisal.status === 'none') return placement ? [{ kind: 'start' }] : [];
  if (appraisal.status === 'ended') return [];
  if (!placement) {
    const reason = `no longer in a unit of cycle ${cycleId} (was in ${appraisal.unitId})`;
    return [{ kind: 'end', unitId: appraisal.unitId, reason }];
  }
  const steps: ReconciliationStep[] = [];
  if (placement.unitId !== appraisal.unitId) {
    steps.push({
      kind: 'transfer',
      fromUnitId: appraisal.unitId,
      toUnitId: placement.unitId,
      reason: `moved from ${appraisal.unitId} to ${placement.unitId}`,
    });
  }
  if (placement.raterNip !== appraisal.raterNip || placement.raterSupervisorNip !== appraisal.raterSupervisorNip) {
    steps.push({
      kind: 'changeRater',
      fromRaterNip: appraisal.raterNip,
      toRaterNip: placement.raterNip,
      raterSupervisorNip: placement.raterSupervisorNip,
      reason:
        `the reporting line now names ${placement.raterNip ?? 'no one'} as pejabat penilai and ` +
        `${placement.raterSupervisorNip ?? 'no one'} as atasan pejabat penilai`,
    });
  }
  return steps;
}
