import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { IncludeInAssessment } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { base, NOW, started } from '../appraisal/appraisal-fixtures.js';
import type { CyclePhase } from '../cycle/cycle-events.js';
import { appraisalExcluded } from '../exclude-from-assessment/exclusion-fixtures.js';
import { includeInAssessmentDecider } from './include-in-assessment.js';

const spec = specFor(includeInAssessmentDecider);
const include = (phase: CyclePhase = 'ASSESSMENT', reason = ' kembali bertugas ', populationDetermined = false) =>
  ({
    type: 'IncludeInAssessment',
    ...base(null, phase),
    data: { reason },
    populationDetermined,
  }) satisfies IncludeInAssessment;
const included = (reason = 'kembali bertugas'): AppraisalEvent => ({
  type: 'AppraisalIncluded.v1',
  data: { reason, includedAt: NOW },
});

describe('include in assessment again', () => {
  it('given an excluded appraisal, when included with a reason, then AppraisalIncluded', () => {
    spec.given([started(), appraisalExcluded()]).when(include()).then([included()]);
  });

  it('given an appraisal excluded and included again, when included once more, then NOT_EXCLUDED', () => {
    spec.given([started(), appraisalExcluded(), included()]).when(include()).thenThrows('NOT_EXCLUDED', 'conflict');
  });

  it('given an appraisal never excluded, when included, then NOT_EXCLUDED', () => {
    spec.given([started()]).when(include()).thenThrows('NOT_EXCLUDED', 'conflict');
  });

  it('given PUBLISHED, or the population determined, when included, then WRONG_CYCLE_PHASE / POPULATION_DETERMINED', () => {
    spec.given([started(), appraisalExcluded()]).when(include('PUBLISHED')).thenThrows('WRONG_CYCLE_PHASE', 'conflict');
    spec
      .given([started(), appraisalExcluded()])
      .when(include('DETERMINATION', 'x', true))
      .thenThrows('POPULATION_DETERMINED', 'conflict');
  });

  it('when the reason is blank, then TEXT_REQUIRED', () => {
    spec.given([started(), appraisalExcluded()]).when(include('ASSESSMENT', '')).thenThrows('TEXT_REQUIRED', 'invalid');
  });
});
