// Progress (realisasi) against one IKI of the approved plan, by the employee or the rater: a number for a
// quantitative IKI, a narrative for a qualitative one, with evidence. A correction is a new realisation naming
// the one it corrects.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { RecordRealisation } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent, Iki } from '../appraisal/appraisal-events.js';
import {
  employeeOf,
  raterOf,
  requireActorAmong,
  requireCorrection,
  requireEvidenceIds,
  requireNewItemId,
} from '../appraisal/appraisal-items.js';
import { requireOpenAppraisal, requirePhase, requireText } from '../appraisal/appraisal-rules.js';
import {
  evolveAppraisal,
  initialAppraisalState,
  type ActiveAppraisal,
  type AppraisalState,
} from '../appraisal/appraisal-state.js';
import type { CyclePhase } from '../cycle/cycle-events.js';
import { requirePlanRhk } from '../plan/plan-rules.js';

const PHASES: readonly CyclePhase[] = ['IN_PROGRESS', 'ASSESSMENT'];
const ACTION = 'record a realisation';

function requirePlanIki(appraisal: ActiveAppraisal, rhkId: string, ikiId: string): Iki {
  const iki = requirePlanRhk(appraisal, rhkId).iki.find((i) => i.ikiId === ikiId);
  if (!iki) {
    throw new DomainError('not_found', 'IKI_NOT_FOUND', `RHK ${rhkId} has no IKI ${ikiId}`, [
      { field: 'ikiId', message: `no IKI ${ikiId} in RHK ${rhkId}` },
    ]);
  }
  return iki;
}

/** A number for a quantitative IKI (with an optional narrative), a narrative alone for a qualitative one. */
function requireMeasure(iki: Iki, value: number | null, narrative: string | null) {
  if (iki.type === 'QUALITATIVE') {
    if (value !== null) {
      throw new DomainError(
        'invalid',
        'INVALID_REALISATION',
        `IKI ${iki.ikiId} is qualitative: give a narrative, not a value`,
        [{ field: 'value', message: 'must be null' }],
      );
    }
    return { value: null, narrative: requireText('narrative', narrative) };
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new DomainError(
      'invalid',
      'INVALID_REALISATION',
      `IKI ${iki.ikiId} is quantitative: value must be a finite number`,
      [{ field: 'value', message: 'a finite number is required' }],
    );
  }
  const note = (narrative ?? '').trim();
  return { value, narrative: note.length > 0 ? requireText('narrative', note) : null };
}

export function decideRecordRealisation(command: RecordRealisation, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  const recordedByNip = requireActorAmong(command.actorNip, [employeeOf(appraisal), raterOf(appraisal)], ACTION);
  requirePhase(command.cyclePhase, PHASES, ACTION);
  if (appraisal.plan.status !== 'APPROVED') {
    throw new DomainError('conflict', 'PLAN_NOT_APPROVED', `cannot ${ACTION}: the plan is not approved yet`, [
      { field: 'plan.status', message: appraisal.plan.status },
    ]);
  }
  const { data } = command;
  const realisationId = requireNewItemId(appraisal, 'REALISATION', 'realisationId', data.realisationId);
  const iki = requirePlanIki(appraisal, data.rhkId, data.ikiId);
  const measure = requireMeasure(iki, data.value, data.narrative);
  const evidenceIds = requireEvidenceIds(appraisal, data.evidenceIds);
  const corrects = requireCorrection(appraisal, 'REALISATION', data.corrects, recordedByNip);
  return [
    {
      type: 'RealisationRecorded.v1',
      data: {
        realisationId,
        rhkId: data.rhkId,
        ikiId: data.ikiId,
        ...measure,
        evidenceIds,
        corrects,
        recordedByNip,
        recordedAt: command.now,
      },
    },
  ];
}

export const recordRealisationDecider: Decider<RecordRealisation, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideRecordRealisation,
  evolve: evolveAppraisal,
};
