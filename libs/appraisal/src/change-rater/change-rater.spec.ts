import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { ChangeRater } from '../appraisal/appraisal-commands.js';
import {
  NIP,
  NOW,
  OTHER,
  PEER,
  RATER,
  RATER_SUPERVISOR,
  appraisalEnded,
  base,
  started,
} from '../appraisal/appraisal-fixtures.js';
import type { CyclePhase } from '../cycle/cycle-events.js';
import { changeRaterDecider } from './change-rater.js';

const spec = specFor(changeRaterDecider);
const change = (
  toRaterNip: string | null = PEER,
  raterSupervisorNip: string | null = RATER_SUPERVISOR,
  reason = ' Plt. kepala sekolah sejak 1 Juli ',
  phase: CyclePhase = 'IN_PROGRESS',
): ChangeRater => ({ type: 'ChangeRater', ...base(null, phase), data: { toRaterNip, raterSupervisorNip, reason } });
const changed = (toRaterNip: string | null, raterSupervisorNip: string | null) => ({
  type: 'RaterChanged.v1' as const,
  data: {
    fromRaterNip: RATER,
    toRaterNip,
    raterSupervisorNip,
    reason: 'Plt. kepala sekolah sejak 1 Juli',
    changedAt: NOW,
  },
});

describe('change rater', () => {
  it('given an appraisal rated by RATER, when HR changes the rater, then RaterChanged from RATER', () => {
    spec
      .given([started()])
      .when(change())
      .then([changed(PEER, RATER_SUPERVISOR)]);
  });

  it('given an appraisal, when only the rater supervisor changes in DETERMINATION, then RaterChanged', () => {
    spec
      .given([started()])
      .when(change(RATER, OTHER, undefined, 'DETERMINATION'))
      .then([changed(RATER, OTHER)]);
  });

  it('given an appraisal, when the rater is cleared (no supervisor any more), then RaterChanged to null', () => {
    spec
      .given([started()])
      .when(change(null, null))
      .then([changed(null, null)]);
  });

  it('given an appraisal, when the same rater and supervisor are set, then nothing', () => {
    spec.given([started()]).when(change(RATER, RATER_SUPERVISOR)).then([]);
  });

  it('given an appraisal, when the new rater is the employee, then RATER_IS_SELF', () => {
    spec.given([started()]).when(change(NIP)).thenThrows('RATER_IS_SELF', 'invalid');
  });

  it('given an appraisal, when no reason is given, then TEXT_REQUIRED', () => {
    spec
      .given([started()])
      .when(change(PEER, RATER_SUPERVISOR, ' '))
      .thenThrows('TEXT_REQUIRED', 'invalid');
  });

  it.each<CyclePhase>(['PUBLISHED', 'CLOSED'])(
    'given an appraisal, when the rater changes in %s, then WRONG_CYCLE_PHASE',
    (phase) => {
      spec
        .given([started()])
        .when(change(PEER, RATER_SUPERVISOR, 'x', phase))
        .thenThrows('WRONG_CYCLE_PHASE', 'conflict');
    },
  );

  it('given an ended appraisal, when the rater changes, then APPRAISAL_ENDED', () => {
    spec.given([started(), appraisalEnded()]).when(change()).thenThrows('APPRAISAL_ENDED', 'conflict');
  });

  it('given no appraisal, when the rater changes, then APPRAISAL_NOT_FOUND', () => {
    spec.given([]).when(change()).thenThrows('APPRAISAL_NOT_FOUND', 'not_found');
  });
});
