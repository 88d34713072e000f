// HR brings an excluded appraisal back into the cycle's assessment (the leave was shorter, the exclusion a
// mistake): it counts again in its population's curve and in "every appraisal approved". Same phases as exclusion.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { IncludeInAssessment } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { requireText } from '../appraisal/appraisal-rules.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import { requireExclusionChangeable } from '../exclude-from-assessment/exclude-from-assessment.js';

export function decideIncludeInAssessment(command: IncludeInAssessment, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireExclusionChangeable(command, state, 'include the appraisal in the assessment again');
  if (!appraisal.exclusion) {
    throw new DomainError('conflict', 'NOT_EXCLUDED', `the appraisal of ${appraisal.nip} is not excluded`);
  }
  const reason = requireText('reason', command.data.reason, 2000);
  return [{ type: 'AppraisalIncluded.v1', data: { reason, includedAt: command.now } }];
}

export const includeInAssessmentDecider: Decider<IncludeInAssessment, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideIncludeInAssessment,
  evolve: evolveAppraisal,
};
