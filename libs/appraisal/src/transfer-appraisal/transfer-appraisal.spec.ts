import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { TransferAppraisal } from '../appraisal/appraisal-commands.js';
import { NOW, UNIT_ID, appraisalEnded, base, draftedPlan, started } from '../appraisal/appraisal-fixtures.js';
import type { CyclePhase } from '../cycle/cycle-events.js';
import { transferAppraisalDecider } from './transfer-appraisal.js';

const spec = specFor(transferAppraisalDecider);
const transfer = (
  toUnitId = 'sd-5',
  reason = ' mutasi ke SD 5 ',
  phase: CyclePhase = 'IN_PROGRESS',
): TransferAppraisal => ({
  type: 'TransferAppraisal',
  ...base(null, phase),
  data: { toUnitId, reason },
});

describe('transfer appraisal', () => {
  it('given an appraisal in sd-3, when transferred to sd-5, then AppraisalTransferred with both units', () => {
    spec
      .given(draftedPlan())
      .when(transfer())
      .then([
        {
          type: 'AppraisalTransferred.v1',
          data: { fromUnitId: UNIT_ID, toUnitId: 'sd-5', reason: 'mutasi ke SD 5', transferredAt: NOW },
        },
      ]);
  });

  it('given an appraisal in sd-3, when transferred to sd-3, then nothing', () => {
    spec.given([started()]).when(transfer(UNIT_ID)).then([]);
  });

  it('given an appraisal, when no reason is given, then TEXT_REQUIRED', () => {
    spec.given([started()]).when(transfer('sd-5', '')).thenThrows('TEXT_REQUIRED', 'invalid');
  });

  it('given an appraisal, when no unit is given, then TEXT_REQUIRED', () => {
    spec.given([started()]).when(transfer(' ')).thenThrows('TEXT_REQUIRED', 'invalid');
  });

  it.each<CyclePhase>(['DETERMINATION', 'PUBLISHED', 'CLOSED'])(
    'given an appraisal, when transferred in %s, then WRONG_CYCLE_PHASE',
    (phase) => {
      spec
        .given([started()])
        .when(transfer('sd-5', 'x', phase))
        .thenThrows('WRONG_CYCLE_PHASE', 'conflict');
    },
  );

  it('given an ended appraisal, when transferred, then APPRAISAL_ENDED', () => {
    spec.given([started(), appraisalEnded()]).when(transfer()).thenThrows('APPRAISAL_ENDED', 'conflict');
  });

  it('given no appraisal, when transferred, then APPRAISAL_NOT_FOUND', () => {
    spec.given([]).when(transfer()).thenThrows('APPRAISAL_NOT_FOUND', 'not_found');
  });
});
