import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import { NIP, RATER, base } from '../appraisal/appraisal-fixtures.js';
import type { WithdrawObjection } from '../objection/objection-commands.js';
import { FILED_AT, filed, publishedAndReceived } from '../objection/objection-fixtures.js';
import { withdrawObjectionDecider } from './withdraw-objection.js';

const spec = specFor(withdrawObjectionDecider);
const withdraw = (actorNip: string | null = NIP): WithdrawObjection => ({
  type: 'WithdrawObjection',
  ...base(actorNip, 'PUBLISHED', FILED_AT),
  data: { objectionId: 'obj-1', reason: 'Sudah dibahas dengan atasan' },
});

describe('withdraw an objection', () => {
  it('given an open objection, when the employee withdraws, then ObjectionWithdrawn', () => {
    spec
      .given([...publishedAndReceived(), filed()])
      .when(withdraw())
      .then([
        {
          type: 'ObjectionWithdrawn.v1',
          data: { objectionId: 'obj-1', reason: 'Sudah dibahas dengan atasan', withdrawnAt: FILED_AT },
        },
      ]);
  });

  it('when anyone else withdraws, then NOT_ASSIGNED', () => {
    spec
      .given([...publishedAndReceived(), filed()])
      .when(withdraw(RATER))
      .thenThrows('NOT_ASSIGNED', 'forbidden');
  });

  it('given a withdrawn objection, when withdrawn again, then OBJECTION_NOT_OPEN', () => {
    const withdrawn = {
      type: 'ObjectionWithdrawn.v1' as const,
      data: { objectionId: 'obj-1', reason: 'x', withdrawnAt: FILED_AT },
    };
    spec
      .given([...publishedAndReceived(), filed(), withdrawn])
      .when(withdraw())
      .thenThrows('OBJECTION_NOT_OPEN');
  });
});
