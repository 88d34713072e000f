import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { ExcludeFromAssessment } from '../appraisal/appraisal-commands.js';
import type { ExclusionCategory } from '../appraisal/appraisal-events.js';
import { appraisalEnded, base, started, submittedPlan } from '../appraisal/appraisal-fixtures.js';
import type { CyclePhase } from '../cycle/cycle-events.js';
import { excludeFromAssessmentDecider } from './exclude-from-assessment.js';
import { appraisalExcluded } from './exclusion-fixtures.js';

const spec = specFor(excludeFromAssessmentDecider);
const exclude = (
  phase: CyclePhase = 'ASSESSMENT',
  data: Partial<ExcludeFromAssessment['data']> = {},
  populationDetermined = false,
): ExcludeFromAssessment => ({
  type: 'ExcludeFromAssessment',
  ...base(null, phase),
  data: { reason: ' cuti di luar tanggungan negara sejak Maret ', category: 'LONG_LEAVE', ...data },
  populationDetermined,
});
describe('exclude from assessment', () => {
  it('given a plan stranded in SUBMITTED, when HR excludes it with a reason, then AppraisalExcluded (trimmed)', () => {
    spec
      .given(submittedPlan())
      .when(exclude())
      .then([appraisalExcluded('LONG_LEAVE', 'cuti di luar tanggungan negara sejak Maret')]);
  });

  it.each<CyclePhase>(['PLANNING', 'IN_PROGRESS', 'DETERMINATION'])(
    'given %s, when excluded, then excluded',
    (phase) => {
      spec
        .given([started()])
        .when(exclude(phase, { category: 'LATE_JOINER', reason: 'masuk November' }))
        .then([appraisalExcluded('LATE_JOINER', 'masuk November')]);
    },
  );

  it.each<CyclePhase>(['PUBLISHED', 'CLOSED'])('given %s, when excluded, then WRONG_CYCLE_PHASE', (phase) => {
    spec.given([started()]).when(exclude(phase)).thenThrows('WRONG_CYCLE_PHASE', 'conflict');
  });

  it('given the population is determined, when excluded, then POPULATION_DETERMINED', () => {
    spec
      .given([started()])
      .when(exclude('DETERMINATION', {}, true))
      .thenThrows('POPULATION_DETERMINED', 'conflict');
  });

  it('given an excluded appraisal, when excluded again, then ALREADY_EXCLUDED', () => {
    spec.given([started(), appraisalExcluded()]).when(exclude()).thenThrows('ALREADY_EXCLUDED', 'conflict');
  });

  it('when the reason is blank, then TEXT_REQUIRED', () => {
    spec
      .given([started()])
      .when(exclude('ASSESSMENT', { reason: ' ' }))
      .thenThrows('TEXT_REQUIRED', 'invalid');
  });

  it('when the category is unknown, then INVALID_EXCLUSION_CATEGORY', () => {
    spec
      .given([started()])
      .when(exclude('ASSESSMENT', { category: 'HOLIDAY' as ExclusionCategory }))
      .thenThrows('INVALID_EXCLUSION_CATEGORY', 'invalid');
  });

  it('given an ended appraisal or none, when excluded, then APPRAISAL_ENDED / APPRAISAL_NOT_FOUND', () => {
    spec.given([started(), appraisalEnded()]).when(exclude()).thenThrows('APPRAISAL_ENDED', 'conflict');
    spec.given([]).when(exclude()).thenThrows('APPRAISAL_NOT_FOUND', 'not_found');
  });
});
