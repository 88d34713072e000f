import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { ReturnRating } from '../appraisal/appraisal-commands.js';
import { NIP, RATER, RATER_SUPERVISOR, base } from '../appraisal/appraisal-fixtures.js';
import { LATER, assessable, rated, ratingApproved, ratingReturned, selfAssessed } from '../assessment-fixtures.js';
import { returnRatingDecider } from './return-rating.js';

const spec = specFor(returnRatingDecider);
const submitted = () => [...assessable(), selfAssessed(1), rated(1)];
const giveBack = (
  version = 1,
  reasons = ' Realisasi IKI-1 tidak didukung bukti ',
  actorNip: string | null = RATER_SUPERVISOR,
  phase: ReturnRating['cyclePhase'] = 'ASSESSMENT',
): ReturnRating => ({ type: 'ReturnRating', ...base(actorNip, phase, LATER), data: { version, reasons } });
const returned = (version = 1) => ({
  type: 'RatingReturned.v1' as const,
  data: {
    version,
    reasons: 'Realisasi IKI-1 tidak didukung bukti',
    returnedByNip: RATER_SUPERVISOR,
    returnedAt: LATER,
  },
});

describe('return a rating', () => {
  it('given a submitted rating, when the rater’s supervisor returns it with reasons, then RatingReturned', () => {
    spec.given(submitted()).when(giveBack()).then([returned()]);
  });

  it('given version 2 after a return, when version 2 is returned too, then RatingReturned v2', () => {
    spec
      .given([...submitted(), ratingReturned(1), rated(2)])
      .when(giveBack(2))
      .then([returned(2)]);
  });

  it('given a submitted rating, when returned without reasons, then TEXT_REQUIRED', () => {
    spec.given(submitted()).when(giveBack(1, '   ')).thenThrows('TEXT_REQUIRED', 'invalid');
  });

  it('given the results published, when returned, then WRONG_CYCLE_PHASE', () => {
    spec
      .given(submitted())
      .when(giveBack(1, 'alasan', RATER_SUPERVISOR, 'PUBLISHED'))
      .thenThrows('WRONG_CYCLE_PHASE', 'conflict');
  });

  it('given a submitted rating, when the rater or the employee returns it, then NOT_ASSIGNED', () => {
    for (const actor of [RATER, NIP]) {
      spec
        .given(submitted())
        .when(giveBack(1, 'alasan', actor))
        .thenThrows('NOT_ASSIGNED', 'forbidden');
    }
  });

  it('given no such version, when returned, then RATING_NOT_FOUND', () => {
    spec.given(submitted()).when(giveBack(3)).thenThrows('RATING_NOT_FOUND', 'not_found');
  });

  it('given an approved rating, when returned, then RATING_ALREADY_APPROVED', () => {
    spec
      .given([...submitted(), ratingApproved(1)])
      .when(giveBack())
      .thenThrows('RATING_ALREADY_APPROVED', 'conflict');
  });

  it('given a version already returned, when returned again, then RATING_NOT_PENDING', () => {
    spec
      .given([...submitted(), ratingReturned(1)])
      .when(giveBack())
      .thenThrows('RATING_NOT_PENDING', 'conflict');
  });
});
