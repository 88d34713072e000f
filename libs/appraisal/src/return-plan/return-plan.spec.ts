import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { ReturnPlan } from '../appraisal/appraisal-commands.js';
import {
  NIP,
  NOW,
  RATER,
  RATER_SUPERVISOR,
  approvedPlan,
  base,
  draftedPlan,
  planReturned,
  returnedPlan,
  started,
  submittedPlan,
} from '../appraisal/appraisal-fixtures.js';
import type { CyclePhase } from '../cycle/cycle-events.js';
import { returnPlanDecider } from './return-plan.js';

const spec = specFor(returnPlanDecider);
const returnPlan = (
  comments = ' Target IKI-1 terlalu rendah ',
  actorNip: string | null = RATER,
  phase: CyclePhase = 'PLANNING',
): ReturnPlan => ({ type: 'ReturnPlan', ...base(actorNip, phase), data: { comments } });

describe('return plan', () => {
  it('given a submitted plan, when the rater returns it with comments, then PlanReturned', () => {
    spec
      .given(submittedPlan())
      .when(returnPlan())
      .then([planReturned('Target IKI-1 terlalu rendah', NOW)]);
  });

  it('given a submitted plan in progress, when the rater returns it, then PlanReturned', () => {
    spec
      .given(submittedPlan())
      .when(returnPlan('Tambahkan IKI waktu', RATER, 'IN_PROGRESS'))
      .then([planReturned('Tambahkan IKI waktu', NOW)]);
  });

  it('given a submitted plan, when returned without comments, then TEXT_REQUIRED', () => {
    spec.given(submittedPlan()).when(returnPlan('  ')).thenThrows('TEXT_REQUIRED', 'invalid');
  });

  it('given a drafted plan, when the rater returns it, then PLAN_NOT_SUBMITTED', () => {
    spec.given(draftedPlan()).when(returnPlan()).thenThrows('PLAN_NOT_SUBMITTED', 'conflict');
  });

  it('given a returned plan, when returned again, then PLAN_NOT_SUBMITTED', () => {
    spec.given(returnedPlan()).when(returnPlan()).thenThrows('PLAN_NOT_SUBMITTED', 'conflict');
  });

  it('given an approved plan, when the rater returns it, then PLAN_ALREADY_APPROVED', () => {
    spec.given(approvedPlan()).when(returnPlan()).thenThrows('PLAN_ALREADY_APPROVED', 'conflict');
  });

  it.each([
    ['the employee', NIP],
    ["the rater's supervisor", RATER_SUPERVISOR],
    ['HR (no NIP)', null],
  ])('given a submitted plan, when %s returns it, then NOT_ASSIGNED', (_, actor) => {
    spec.given(submittedPlan()).when(returnPlan('x', actor)).thenThrows('NOT_ASSIGNED', 'forbidden');
  });

  it('given an appraisal without a rater, when anyone returns the plan, then NOT_ASSIGNED', () => {
    spec
      .given([started({ raterNip: null }), ...submittedPlan().slice(1)])
      .when(returnPlan())
      .thenThrows('NOT_ASSIGNED', 'forbidden');
  });

  it('given a submitted plan, when returned in ASSESSMENT, then WRONG_CYCLE_PHASE', () => {
    spec
      .given(submittedPlan())
      .when(returnPlan('x', RATER, 'ASSESSMENT'))
      .thenThrows('WRONG_CYCLE_PHASE', 'conflict');
  });

  it('given no appraisal, when a plan is returned, then APPRAISAL_NOT_FOUND', () => {
    spec.given([]).when(returnPlan()).thenThrows('APPRAISAL_NOT_FOUND', 'not_found');
  });
});
