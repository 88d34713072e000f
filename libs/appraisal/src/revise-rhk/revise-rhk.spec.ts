import { describe, expect, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { RaterPlanFact, ReviseRhk } from '../appraisal/appraisal-commands.js';
import type { RhkContent } from '../appraisal/appraisal-events.js';
import {
  NIP,
  NOW,
  RATER,
  approvedPlan,
  base,
  draftedPlan,
  qualitativeIki,
  quantitativeIki,
  raterPlan,
  returnedPlan,
  rhkContent,
  rhkDrafted,
  rhkRevised,
  started,
  submittedPlan,
} from '../appraisal/appraisal-fixtures.js';
import { evolveAppraisal, type ActiveAppraisal } from '../appraisal/appraisal-state.js';
import type { CyclePhase } from '../cycle/cycle-events.js';
import { reviseRhkDecider } from './revise-rhk.js';

const spec = specFor(reviseRhkDecider);
const revise = (
  overrides: Partial<RhkContent> = {},
  plan: RaterPlanFact | null = raterPlan,
  actorNip: string | null = NIP,
  phase: CyclePhase = 'PLANNING',
): ReviseRhk => ({
  type: 'ReviseRhk',
  ...base(actorNip, phase),
  data: rhkContent(overrides),
  raterPlan: plan,
});
const higherTarget = { iki: [{ ...quantitativeIki('iki-1'), target: 95 }, qualitativeIki('iki-2')] };

describe('revise RHK', () => {
  it('given a drafted RHK, when the employee raises a target keeping the IKI ids, then RhkRevised', () => {
    spec
      .given(draftedPlan())
      .when(revise(higherTarget))
      .then([rhkRevised(higherTarget, NOW)]);
  });

  it('given a drafted RHK, when it is revised with a new IKI id and one dropped, then RhkRevised', () => {
    const changed = { kind: 'TAMBAHAN' as const, iki: [quantitativeIki('iki-1'), qualitativeIki('iki-5')] };
    spec
      .given(draftedPlan())
      .when(revise(changed, raterPlan, NIP, 'IN_PROGRESS'))
      .then([rhkRevised(changed, NOW)]);
  });

  it('given a returned plan, when an RHK is revised, then RhkRevised and the plan is a draft again', () => {
    const events = reviseRhkDecider.decide(
      revise(higherTarget),
      returnedPlan().reduce(evolveAppraisal, { status: 'none' }),
    );
    expect(events).toEqual([rhkRevised(higherTarget, NOW)]);
    const after = [...returnedPlan(), ...events].reduce(evolveAppraisal, { status: 'none' }) as ActiveAppraisal;
    expect(after.plan.status).toBe('DRAFT');
  });

  it('given a drafted plan, when the RHK does not exist, then RHK_NOT_FOUND', () => {
    spec
      .given(draftedPlan())
      .when(revise({ rhkId: 'rhk-9' }))
      .thenThrows('RHK_NOT_FOUND', 'not_found');
  });

  it('given a removed RHK, when it is revised, then RHK_NOT_FOUND', () => {
    const removed = { type: 'RhkRemoved.v1' as const, data: { rhkId: 'rhk-1', reason: 'duplikat', removedAt: NOW } };
    spec
      .given([...draftedPlan(), removed])
      .when(revise())
      .thenThrows('RHK_NOT_FOUND', 'not_found');
  });

  it('given two RHK, when one is revised to take the IKI id of the other, then IKI_ID_TAKEN', () => {
    const other = rhkDrafted({ rhkId: 'rhk-2', iki: [quantitativeIki('iki-3')] });
    spec
      .given([...draftedPlan(), other])
      .when(revise({ iki: [quantitativeIki('iki-1'), quantitativeIki('iki-3')] }))
      .thenThrows('IKI_ID_TAKEN', 'conflict');
  });

  it('given a drafted RHK, when the revision has a blank title, then INVALID_RHK', () => {
    spec
      .given(draftedPlan())
      .when(revise({ title: '' }))
      .thenThrows('INVALID_RHK', 'invalid');
  });

  it('given a drafted RHK, when the rater plan is now empty, then SUPERVISOR_PLAN_MISSING', () => {
    spec
      .given(draftedPlan())
      .when(revise({}, { raterNip: RATER, rhkIds: [] }))
      .thenThrows('SUPERVISOR_PLAN_MISSING', 'conflict');
  });

  it('given a drafted RHK, when it cascades from an unknown supervisor RHK, then UNKNOWN_SUPERVISOR_RHK', () => {
    spec
      .given(draftedPlan())
      .when(revise({ cascadesFrom: { raterNip: RATER, rhkId: 'nope' } }))
      .thenThrows('UNKNOWN_SUPERVISOR_RHK', 'invalid');
  });

  it('given a JPT RHK, when revised without a Perjanjian Kinerja item, then PERJANJIAN_KINERJA_REQUIRED', () => {
    const pk = { cascadesFrom: null, perjanjianKinerjaRef: 'PK-2026 sasaran 1' };
    spec
      .given([started({ jobType: 'JPT' }), rhkDrafted(pk)])
      .when(revise({ cascadesFrom: null }, null))
      .thenThrows('PERJANJIAN_KINERJA_REQUIRED', 'invalid');
  });

  it('given a submitted plan, when an RHK is revised, then PLAN_LOCKED', () => {
    spec.given(submittedPlan()).when(revise(higherTarget)).thenThrows('PLAN_LOCKED', 'conflict');
  });

  it('given an approved plan, when an RHK is revised, then PLAN_LOCKED', () => {
    spec.given(approvedPlan()).when(revise(higherTarget)).thenThrows('PLAN_LOCKED', 'conflict');
  });

  it('given a drafted RHK, when the rater revises it, then NOT_ASSIGNED', () => {
    spec
      .given(draftedPlan())
      .when(revise(higherTarget, raterPlan, RATER))
      .thenThrows('NOT_ASSIGNED', 'forbidden');
  });

  it('given a drafted RHK, when revised in ASSESSMENT, then WRONG_CYCLE_PHASE', () => {
    spec
      .given(draftedPlan())
      .when(revise(higherTarget, raterPlan, NIP, 'ASSESSMENT'))
      .thenThrows('WRONG_CYCLE_PHASE', 'conflict');
  });

  it('given no appraisal, when an RHK is revised, then APPRAISAL_NOT_FOUND', () => {
    spec.given([]).when(revise()).thenThrows('APPRAISAL_NOT_FOUND', 'not_found');
  });
});
