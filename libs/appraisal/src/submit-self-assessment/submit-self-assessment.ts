// The employee's self-assessment: a rating and evidence per RHK of the approved plan, a rating per BerAKHLAK
// value, and an overall hasil kerja / perilaku. It may be submitted or revised (a new version) until the rating
// is approved: a rater who rates first must not close the employee's say. A self-assessment after a rating is
// compared with the latest rating version; a wide gap marks that version for a performance dialogue.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { SubmitSelfAssessment } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent, RhkSelfRating } from '../appraisal/appraisal-events.js';
import { requireActor, requireOpenAppraisal, requirePhase } from '../appraisal/appraisal-rules.js';
import {
  approvedRating,
  evolveAppraisal,
  initialAppraisalState,
  latestRating,
  type ActiveAppraisal,
  type AppraisalState,
} from '../appraisal/appraisal-state.js';
import { DIALOGUE_GAP, ratingGap } from '../dialogue/dialogue-rules.js';
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
  if (approvedRating(appraisal)) {
    throw new DomainError(
      'conflict',
      'SELF_ASSESSMENT_CLOSED',
      'the rating has been approved: the self-assessment can no longer be submitted or revised',
    );
  }
  const { data } = command;
  const rhk = requireRhkRatings(appraisal, data.rhk);
  const values = requireValueRatings(data.values, true);
  const hasilKerja = requireRating('hasilKerja', data.hasilKerja);
  const perilaku = requireRating('perilaku', data.perilaku);
  const latest = latestRating(appraisal);
  const ratingGapData = latest
    ? (() => {
        const gap = ratingGap({ hasilKerja, perilaku }, latest);
        return { ratingGap: { version: latest.version, gap, forDialogue: gap >= DIALOGUE_GAP } };
      })()
    : {};
  return [
    {
      type: 'SelfAssessmentSubmitted.v1',
      data: {
        version: (appraisal.selfAssessment?.version ?? 0) + 1,
        rhk,
        values,
        hasilKerja,
        perilaku,
        ...ratingGapData,
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
