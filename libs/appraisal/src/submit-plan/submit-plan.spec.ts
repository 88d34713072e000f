import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { SubmitPlan } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import {
  NIP,
  NOW,
  RATER,
  appraisalEnded,
  approvedPlan,
  base,
  draftedPlan,
  quantitativeIki,
  returnedPlan,
  rhkDrafted,
  started,
  submittedPlan,
} from '../appraisal/appraisal-fixtures.js';
import type { CyclePhase } from '../cycle/cycle-events.js';
import { submitPlanDecider } from './submit-plan.js';

const spec = specFor(submitPlanDecider);
const submit = (actorNip: string | null = NIP, phase: CyclePhase = 'PLANNING'): SubmitPlan => ({
  type: 'SubmitPlan',
  ...base(actorNip, phase),
  data: {},
});
const submitted: AppraisalEvent = { type: 'PlanSubmitted.v1', data: { submittedAt: NOW } };
const removed: AppraisalEvent = { type: 'RhkRemoved.v1', data: { rhkId: 'rhk-1', reason: 'salah', removedAt: NOW } };

describe('submit plan', () => {
  it('given a drafted plan with an RHK utama, when the employee submits, then PlanSubmitted', () => {
    spec.given(draftedPlan()).when(submit()).then([submitted]);
  });

  it('given a returned plan, when resubmitted in progress, then PlanSubmitted', () => {
    spec.given(returnedPlan()).when(submit(NIP, 'IN_PROGRESS')).then([submitted]);
  });

  it('given a submitted plan, when submitted again, then PLAN_ALREADY_SUBMITTED', () => {
    spec.given(submittedPlan()).when(submit()).thenThrows('PLAN_ALREADY_SUBMITTED', 'conflict');
  });

  it('given an approved plan, when submitted, then PLAN_ALREADY_APPROVED', () => {
    spec.given(approvedPlan()).when(submit()).thenThrows('PLAN_ALREADY_APPROVED', 'conflict');
  });

  it('given a plan without RHK, when submitted, then PLAN_EMPTY', () => {
    spec.given([started()]).when(submit()).thenThrows('PLAN_EMPTY', 'invalid');
  });

  it('given a plan whose only RHK was removed, when submitted, then PLAN_EMPTY', () => {
    spec
      .given([...draftedPlan(), removed])
      .when(submit())
      .thenThrows('PLAN_EMPTY', 'invalid');
  });

  it('given a plan with only an RHK tambahan, when submitted, then NO_RHK_UTAMA', () => {
    spec
      .given([started(), rhkDrafted({ rhkId: 'rhk-2', kind: 'TAMBAHAN', iki: [quantitativeIki('iki-3')] })])
      .when(submit())
      .thenThrows('NO_RHK_UTAMA', 'invalid');
  });

  it('given a drafted plan, when the rater submits it, then NOT_ASSIGNED', () => {
    spec.given(draftedPlan()).when(submit(RATER)).thenThrows('NOT_ASSIGNED', 'forbidden');
  });

  it('given a drafted plan, when submitted in ASSESSMENT, then WRONG_CYCLE_PHASE', () => {
    spec.given(draftedPlan()).when(submit(NIP, 'ASSESSMENT')).thenThrows('WRONG_CYCLE_PHASE', 'conflict');
  });

  it('given an ended appraisal, when the plan is submitted, then APPRAISAL_ENDED', () => {
    spec
      .given([...draftedPlan(), appraisalEnded()])
      .when(submit())
      .thenThrows('APPRAISAL_ENDED', 'conflict');
  });
});
