import { describe, expect, it } from '@jest/globals';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { CYCLE_ID, OTHER, RATER, RATER_SUPERVISOR, UNIT_ID, started } from '../appraisal/appraisal-fixtures.js';
import { evolveAppraisal, initialAppraisalState } from '../appraisal/appraisal-state.js';
import { reconciliationSteps } from './reconciliation-steps.js';

const fold = (events: AppraisalEvent[]) => events.reduce(evolveAppraisal, initialAppraisalState());
const sameLine = { unitId: UNIT_ID, raterNip: RATER, raterSupervisorNip: RATER_SUPERVISOR };
const ended: AppraisalEvent = { type: 'AppraisalEnded.v1', data: { reason: 'x', endedAt: '2026-06-01T00:00:00Z' } };

describe('reconciling one appraisal with the organization', () => {
  it('given no appraisal and a person placed in the cycle, then start one; not placed, nothing', () => {
    expect(reconciliationSteps(CYCLE_ID, fold([]), sameLine)).toEqual([{ kind: 'start' }]);
    expect(reconciliationSteps(CYCLE_ID, fold([]), undefined)).toEqual([]);
  });

  it('given an active appraisal whose person left the cycle’s units, then end it, naming the unit', () => {
    expect(reconciliationSteps(CYCLE_ID, fold([started()]), undefined)).toEqual([
      { kind: 'end', unitId: UNIT_ID, reason: `no longer in a unit of cycle ${CYCLE_ID} (was in ${UNIT_ID})` },
    ]);
  });

  it('given an ended appraisal, then nothing, wherever the person is', () => {
    expect(reconciliationSteps(CYCLE_ID, fold([started(), ended]), sameLine)).toEqual([]);
    expect(reconciliationSteps(CYCLE_ID, fold([started(), ended]), undefined)).toEqual([]);
  });

  it('given nothing changed, then nothing', () => {
    expect(reconciliationSteps(CYCLE_ID, fold([started()]), sameLine)).toEqual([]);
  });

  it('given a move to another unit with a new rater, then transfer first, then change the rater', () => {
    const steps = reconciliationSteps(CYCLE_ID, fold([started()]), {
      unitId: 'sd-4',
      raterNip: OTHER,
      raterSupervisorNip: RATER_SUPERVISOR,
    });
    expect(steps).toEqual([
      { kind: 'transfer', fromUnitId: UNIT_ID, toUnitId: 'sd-4', reason: `moved from ${UNIT_ID} to sd-4` },
      {
        kind: 'changeRater',
        fromRaterNip: RATER,
        toRaterNip: OTHER,
        raterSupervisorNip: RATER_SUPERVISOR,
        reason: `the reporting line now names ${OTHER} as pejabat penilai and ${RATER_SUPERVISOR} as atasan pejabat penilai`,
      },
    ]);
  });

  it('given only the rater’s supervisor gone, then change the rater’s line, saying no one', () => {
    const [step] = reconciliationSteps(CYCLE_ID, fold([started()]), { ...sameLine, raterSupervisorNip: null });
    expect(step).toMatchObject({ kind: 'changeRater', toRaterNip: RATER, raterSupervisorNip: null });
    expect(step.kind === 'changeRater' && step.reason).toContain('no one as atasan pejabat penilai');
  });

  it('given the steps written, when reconciled again, then nothing more', () => {
    const moved = fold([
      started(),
      {
        type: 'AppraisalTransferred.v1',
        data: { fromUnitId: UNIT_ID, toUnitId: 'sd-4', reason: 'x', transferredAt: 'x' },
      },
    ]);
    expect(reconciliationSteps(CYCLE_ID, moved, { ...sameLine, unitId: 'sd-4' })).toEqual([]);
  });
});
