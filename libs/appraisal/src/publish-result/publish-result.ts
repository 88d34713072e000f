// Publication makes the approved result visible to the employee, with the follow-up recommendations. It is
// fanned out over every appraisal of the cycle when the cycle enters PUBLISHED, so publishing twice is a no-op.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { PublishResult } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { requireOpenAppraisal, requirePhase } from '../appraisal/appraisal-rules.js';
import {
  approvedRating,
  evolveAppraisal,
  initialAppraisalState,
  type AppraisalState,
} from '../appraisal/appraisal-state.js';
import { deriveRecommendations } from '../recommendations/derive-recommendations.js';

export function decidePublishResult(command: PublishResult, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  requirePhase(command.cyclePhase, ['PUBLISHED'], 'publish a result');
  if (appraisal.publication) return [];
  const rating = approvedRating(appraisal);
  if (!rating) {
    throw new DomainError('conflict', 'NO_APPROVED_RATING', `the appraisal of ${appraisal.nip} has no approved rating`);
  }
  return [
    {
      type: 'ResultPublished.v1',
      data: {
        ratingVersion: rating.version,
        hasilKerja: rating.hasilKerja,
        perilaku: rating.perilaku,
        predikat: rating.predikat,
        recommendations: deriveRecommendations({
          predikat: rating.predikat,
          observed: rating.data.competencyLevels,
          required: command.requiredLevels,
        }),
        publishedAt: command.now,
      },
    },
  ];
}

export const publishResultDecider: Decider<PublishResult, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decidePublishResult,
  evolve: evolveAppraisal,
};
