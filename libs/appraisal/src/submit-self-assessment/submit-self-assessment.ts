// The employee's self-assessment: a rating and evidence per RHK of the approved plan, a rating per BerAKHLAK
// value, and an overall hasil kerja / perilaku. It may be revised (a new version) until the rater has rated:
// after that the rater's gap check (forDialogue) must compare against a self-assessment that no longer moves.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { SubmitSelfAssessment } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent, RhkSelfRating } from '../appraisal/appraisal-events.js';
import { requireActor, requireOpenAppraisal, requirePhase } from '../appraisal/appraisal-rules.js';
import {
  evolveAppraisal,
  initialAppraisalState,
  type ActiveAppraisal,
  type AppraisalState,
} from '../appraisal/appraisal-state.js';
import { requireEvidenceIds } from '../appraisal/appraisal-items.js';
import {
  boundedNote,
  requirePlanApproved,
  requireRating,
  requireValueRatings,
  setProblems,
} from '../assessment-rules.js';

const ACTION = 'submit a self-assessment';

export function decideSubmitSelfAssessment(command: SubmitSelfAssessment, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  requirePhase(command.cyclePhase, ['ASSESSMENT'], ACTION);
  requireActor(command.actorNip, appraisal.nip, 'the employee', ACTION);
  requirePlanApproved(appraisal, ACTION);
  if (appraisal.ratings.length > 0) {
    throw new DomainError(
      'conflict',
      'SELF_ASSESSMENT_CLOSED',
      'the rater has already rated: the self-assessment can no longer be revised',
    );
  }
  const { data } = command;
  const rhk = requireRhkRatings(appraisal, data.rhk);
  const values = requireValueRatings(data.values, true);
  return [
    {
      type: 'SelfAssessmentSubmitted.v1',
      data: {
        version: (appraisal.selfAssessment?.version ?? 0) + 1,
        rhk,
        values,
        hasilKerja: requireRating('hasilKerja', data.hasilKerja),
        perilaku: requireRating('perilaku', data.perilaku),
        submittedAt: command.now,
      },
    },
  ];
}

/** Every RHK of the plan rated exactly once, with a valid rating, a bounded note and evidence that exists. */
function requireRhkRatings(appraisal: ActiveAppraisal, ratings: readonly RhkSelfRating[]): RhkSelfRating[] {
  const problems = setProblems(
    'rhk',
    ratings.map((r) => r.rhkId),
    Object.keys(appraisal.plan.rhk),
  );
  if (problems.length > 0) {
    throw new DomainError(
      'invalid',
      'RHK_RATINGS_INVALID',
      'rate every RHK of the approved plan exactly once',
      problems,
    );
  }
  return ratings.map((r, i) => ({
    rhkId: r.rhkId,
    rating: requireRating(`rhk[${i}].rating`, r.rating),
    note: boundedNote(`rhk[${i}].note`, r.note),
    evidenceIds: requireEvidenceIds(appraisal, r.evidenceIds),
  }));
}

export const submitSelfAssessmentDecider: Decider<SubmitSelfAssessment, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideSubmitSelfAssessment,
  evolve: evolveAppraisal,
};
