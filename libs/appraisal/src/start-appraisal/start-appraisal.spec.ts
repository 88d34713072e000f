import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { StartAppraisal } from '../appraisal/appraisal-commands.js';
import { NIP, NOW, appraisalEnded, draftedPlan, started, startedData } from '../appraisal/appraisal-fixtures.js';
import type { CyclePhase } from '../cycle/cycle-events.js';
import { startAppraisalDecider } from './start-appraisal.js';

const spec = specFor(startAppraisalDecider);
const LATER = '2026-07-01T03:00:00.000Z';
const start = (
  phase: CyclePhase = 'PLANNING',
  overrides: Partial<StartAppraisal['data']> = {},
  now = NOW,
): StartAppraisal => {
  const { startedAt: _startedAt, ...data } = startedData(overrides);
  return { type: 'StartAppraisal', now, cyclePhase: phase, data };
};

describe('start appraisal', () => {
  it('given no appraisal, when the cycle opens in PLANNING, then AppraisalStarted with the pinned policy', () => {
    spec.given([]).when(start()).then([started()]);
  });

  it('given no appraisal, when the employee joins mid-cycle in IN_PROGRESS, then AppraisalStarted at the join time', () => {
    spec
      .given([])
      .when(start('IN_PROGRESS', { reason: 'JOINED_MID_CYCLE', raterNip: null, raterSupervisorNip: null }, LATER))
      .then([started({ reason: 'JOINED_MID_CYCLE', raterNip: null, raterSupervisorNip: null, startedAt: LATER })]);
  });

  it('given no appraisal, when the employee joins in ASSESSMENT, then AppraisalStarted (the last phase to join)', () => {
    spec
      .given([])
      .when(start('ASSESSMENT', { reason: 'JOINED_MID_CYCLE' }, LATER))
      .then([started({ reason: 'JOINED_MID_CYCLE', startedAt: LATER })]);
  });

  it('given a started appraisal, when started again, then nothing (the fan-out may be re-run)', () => {
    spec.given(draftedPlan()).when(start()).then([]);
  });

  it('given an ended appraisal, when started again, then nothing', () => {
    spec.given([started(), appraisalEnded()]).when(start()).then([]);
  });

  it.each<CyclePhase>(['IN_PROGRESS', 'ASSESSMENT', 'CLOSED'])(
    'given no appraisal, when the cycle-opening start runs in %s, then WRONG_CYCLE_PHASE',
    (phase) => {
      spec.given([]).when(start(phase)).thenThrows('WRONG_CYCLE_PHASE', 'conflict');
    },
  );

  it.each<CyclePhase>(['DETERMINATION', 'PUBLISHED', 'CLOSED'])(
    'given no appraisal, when the employee joins in %s, then WRONG_CYCLE_PHASE (too late)',
    (phase) => {
      spec
        .given([])
        .when(start(phase, { reason: 'JOINED_MID_CYCLE' }))
        .thenThrows('WRONG_CYCLE_PHASE', 'conflict');
    },
  );

  it('given no appraisal, when the rater is the employee, then RATER_IS_SELF', () => {
    spec
      .given([])
      .when(start('PLANNING', { raterNip: NIP }))
      .thenThrows('RATER_IS_SELF', 'invalid');
  });
});
