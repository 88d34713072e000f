import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { RemoveRhk } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import {
  NIP,
  NOW,
  RATER,
  approvedPlan,
  base,
  draftedPlan,
  returnedPlan,
  submittedPlan,
} from '../appraisal/appraisal-fixtures.js';
import type { CyclePhase } from '../cycle/cycle-events.js';
import { removeRhkDecider } from './remove-rhk.js';

const spec = specFor(removeRhkDecider);
const remove = (
  rhkId = 'rhk-1',
  reason = ' digabung dengan RHK 2 ',
  actorNip = NIP,
  phase: CyclePhase = 'PLANNING',
): RemoveRhk => ({
  type: 'RemoveRhk',
  ...base(actorNip, phase),
  data: { rhkId, reason },
});
const removed: AppraisalEvent = {
  type: 'RhkRemoved.v1',
  data: { rhkId: 'rhk-1', reason: 'digabung dengan RHK 2', removedAt: NOW },
};

describe('remove RHK', () => {
  it('given a drafted RHK, when the employee removes it with a reason, then RhkRemoved', () => {
    spec.given(draftedPlan()).when(remove()).then([removed]);
  });

  it('given a returned plan in progress, when an RHK is removed, then RhkRemoved', () => {
    spec
      .given(returnedPlan())
      .when(remove(undefined, undefined, NIP, 'IN_PROGRESS'))
      .then([removed]);
  });

  it('given a drafted plan, when the RHK does not exist, then RHK_NOT_FOUND', () => {
    spec.given(draftedPlan()).when(remove('rhk-9')).thenThrows('RHK_NOT_FOUND', 'not_found');
  });

  it('given a removed RHK, when it is removed again, then RHK_NOT_FOUND', () => {
    spec
      .given([...draftedPlan(), removed])
      .when(remove())
      .thenThrows('RHK_NOT_FOUND', 'not_found');
  });

  it('given a drafted RHK, when no reason is given, then TEXT_REQUIRED', () => {
    spec.given(draftedPlan()).when(remove('rhk-1', '  ')).thenThrows('TEXT_REQUIRED', 'invalid');
  });

  it('given a submitted plan, when an RHK is removed, then PLAN_LOCKED', () => {
    spec.given(submittedPlan()).when(remove()).thenThrows('PLAN_LOCKED', 'conflict');
  });

  it('given an approved plan, when an RHK is removed, then PLAN_LOCKED', () => {
    spec.given(approvedPlan()).when(remove()).thenThrows('PLAN_LOCKED', 'conflict');
  });

  it('given a drafted RHK, when the rater removes it, then NOT_ASSIGNED', () => {
    spec
      .given(draftedPlan())
      .when(remove('rhk-1', 'x', RATER))
      .thenThrows('NOT_ASSIGNED', 'forbidden');
  });

  it('given a drafted RHK, when removed in ASSESSMENT, then WRONG_CYCLE_PHASE', () => {
    spec
      .given(draftedPlan())
      .when(remove('rhk-1', 'x', NIP, 'ASSESSMENT'))
      .thenThrows('WRONG_CYCLE_PHASE', 'conflict');
  });

  it('given no appraisal, when an RHK is removed, then APPRAISAL_NOT_FOUND', () => {
    spec.given([]).when(remove()).thenThrows('APPRAISAL_NOT_FOUND', 'not_found');
  });
});
