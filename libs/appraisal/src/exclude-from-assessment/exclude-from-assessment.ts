// HR takes an appraisal out of the cycle's assessment (long leave, secondment, death, dismissal, a late joiner with
// too little time): it is not assessed, leaves its population's curve and the determination's "every appraisal
// approved", and stays in the record. It can be brought back (include-in-assessment/) while the phase allows.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { ExcludeFromAssessment, IncludeInAssessment } from '../appraisal/appraisal-commands.js';
import { EXCLUSION_CATEGORIES, type AppraisalEvent } from '../appraisal/appraisal-events.js';
import { requireOpenAppraisal, requirePhase, requireText } from '../appraisal/appraisal-rules.js';
import {
  evolveAppraisal,
  initialAppraisalState,
  type ActiveAppraisal,
  type AppraisalState,
} from '../appraisal/appraisal-state.js';
import type { CyclePhase } from '../cycle/cycle-events.js';

/** Up to the penetapan: after it the population's members (and so the published results) are final. */
export const EXCLUSION_PHASES: readonly CyclePhase[] = ['PLANNING', 'IN_PROGRESS', 'ASSESSMENT', 'DETERMINATION'];

/** The guards exclusion and inclusion share: an open appraisal, the phase, a population not yet determined. */
export function requireExclusionChangeable(
  command: ExcludeFromAssessment | IncludeInAssessment,
  state: AppraisalState,
  action: string,
): ActiveAppraisal {
  const appraisal = requireOpenAppraisal(state);
  requirePhase(command.cyclePhase, EXCLUSION_PHASES, action);
  if (command.populationDetermined) {
    throw new DomainError(
      'conflict',
      'POPULATION_DETERMINED',
      `cannot ${action}: the distribution of ${appraisal.nip}'s population is determined`,
    );
  }
  return appraisal;
}

export function decideExcludeFromAssessment(command: ExcludeFromAssessment, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireExclusionChangeable(command, state, 'exclude the appraisal from the assessment');
  if (appraisal.exclusion) {
    throw new DomainError(
      'conflict',
      'ALREADY_EXCLUDED',
      `the appraisal of ${appraisal.nip} is already excluded (${appraisal.exclusion.category})`,
    );
  }
  if (!EXCLUSION_CATEGORIES.includes(command.data.category)) {
    throw new DomainError(
      'invalid',
      'INVALID_EXCLUSION_CATEGORY',
      `category must be one of ${EXCLUSION_CATEGORIES.join(', ')}`,
      [{ field: 'category', message: 'unknown category', allowed: [...EXCLUSION_CATEGORIES] }],
    );
  }
  const reason = requireText('reason', command.data.reason, 2000);
  return [{ type: 'AppraisalExcluded.v1', data: { reason, category: command.data.category, excludedAt: command.now } }];
}

export const excludeFromAssessmentDecider: Decider<ExcludeFromAssessment, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideExcludeFromAssessment,
  evolve: evolveAppraisal,
};
