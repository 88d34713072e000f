import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { EndAppraisal } from '../appraisal/appraisal-commands.js';
import { appraisalEnded, approvedPlan, base, started } from '../appraisal/appraisal-fixtures.js';
import type { CyclePhase } from '../cycle/cycle-events.js';
import { endAppraisalDecider } from './end-appraisal.js';

const spec = specFor(endAppraisalDecider);
const end = (reason = ' pindah ke Kabupaten Teluk Bintuni ', phase: CyclePhase = 'IN_PROGRESS'): EndAppraisal => ({
  type: 'EndAppraisal',
  ...base(null, phase),
  data: { reason },
});

describe('end appraisal', () => {
  it('given an appraisal in progress, when ended with a reason, then AppraisalEnded', () => {
    spec
      .given(approvedPlan())
      .when(end())
      .then([appraisalEnded('pindah ke Kabupaten Teluk Bintuni')]);
  });

  it('given an appraisal, when ended in DETERMINATION, then AppraisalEnded', () => {
    spec
      .given([started()])
      .when(end('pensiun', 'DETERMINATION'))
      .then([appraisalEnded('pensiun')]);
  });

  it('given an appraisal, when no reason is given, then TEXT_REQUIRED', () => {
    spec.given([started()]).when(end('  ')).thenThrows('TEXT_REQUIRED', 'invalid');
  });

  it.each<CyclePhase>(['PUBLISHED', 'CLOSED'])(
    'given an appraisal, when ended in %s, then WRONG_CYCLE_PHASE',
    (phase) => {
      spec.given([started()]).when(end('x', phase)).thenThrows('WRONG_CYCLE_PHASE', 'conflict');
    },
  );

  it('given an ended appraisal, when ended again, then APPRAISAL_ENDED', () => {
    spec.given([started(), appraisalEnded()]).when(end()).thenThrows('APPRAISAL_ENDED', 'conflict');
  });

  it('given no appraisal, when ended, then APPRAISAL_NOT_FOUND', () => {
    spec.given([]).when(end()).thenThrows('APPRAISAL_NOT_FOUND', 'not_found');
  });
});
