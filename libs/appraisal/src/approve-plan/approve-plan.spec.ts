import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { ApprovePlan } from '../appraisal/appraisal-commands.js';
import {
  NIP,
  NOW,
  RATER,
  RATER_SUPERVISOR,
  appraisalEnded,
  approvedPlan,
  base,
  draftedPlan,
  planApproved,
  returnedPlan,
  submittedPlan,
} from '../appraisal/appraisal-fixtures.js';
import type { CyclePhase } from '../cycle/cycle-events.js';
import { approvePlanDecider } from './approve-plan.js';

const spec = specFor(approvePlanDecider);
const approve = (actorNip: string | null = RATER, phase: CyclePhase = 'PLANNING'): ApprovePlan => ({
  type: 'ApprovePlan',
  ...base(actorNip, phase),
  data: {},
});

describe('approve plan', () => {
  it('given a submitted plan, when the rater approves it, then PlanApproved', () => {
    spec
      .given(submittedPlan())
      .when(approve())
      .then([planApproved(NOW)]);
  });

  it('given a plan resubmitted after a return, when the rater approves it in progress, then PlanApproved', () => {
    spec
      .given([...returnedPlan(), { type: 'PlanSubmitted.v1', data: { submittedAt: NOW } }])
      .when(approve(RATER, 'IN_PROGRESS'))
      .then([planApproved(NOW)]);
  });

  it('given an approved plan, when approved again, then PLAN_ALREADY_APPROVED', () => {
    spec.given(approvedPlan()).when(approve()).thenThrows('PLAN_ALREADY_APPROVED', 'conflict');
  });

  it('given a drafted plan, when the rater approves it, then PLAN_NOT_SUBMITTED', () => {
    spec.given(draftedPlan()).when(approve()).thenThrows('PLAN_NOT_SUBMITTED', 'conflict');
  });

  it('given a returned plan, when the rater approves it, then PLAN_NOT_SUBMITTED', () => {
    spec.given(returnedPlan()).when(approve()).thenThrows('PLAN_NOT_SUBMITTED', 'conflict');
  });

  it.each([
    ['the employee', NIP],
    ["the rater's supervisor", RATER_SUPERVISOR],
    ['HR (no NIP)', null],
  ])('given a submitted plan, when %s approves it, then NOT_ASSIGNED', (_, actor) => {
    spec.given(submittedPlan()).when(approve(actor)).thenThrows('NOT_ASSIGNED', 'forbidden');
  });

  it('given a submitted plan, when approved in ASSESSMENT, then WRONG_CYCLE_PHASE', () => {
    spec.given(submittedPlan()).when(approve(RATER, 'ASSESSMENT')).thenThrows('WRONG_CYCLE_PHASE', 'conflict');
  });

  it('given an ended appraisal, when the plan is approved, then APPRAISAL_ENDED', () => {
    spec
      .given([...submittedPlan(), appraisalEnded()])
      .when(approve())
      .thenThrows('APPRAISAL_ENDED', 'conflict');
  });
});
