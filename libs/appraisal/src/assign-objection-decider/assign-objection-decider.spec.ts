import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import { NIP, RATER, base } from '../appraisal/appraisal-fixtures.js';
import type { AssignObjectionDecider } from '../objection/objection-commands.js';
import { FILED_AT, HR_NIP, filed, publishedAndReceived } from '../objection/objection-fixtures.js';
import { assignObjectionDeciderDecider } from './assign-objection-decider.js';

const spec = specFor(assignObjectionDeciderDecider);
const assign = (
  deciderNip = HR_NIP,
  reason = 'Kepala dinas tidak memiliki atasan di instansi ini',
): AssignObjectionDecider => ({
  type: 'AssignObjectionDecider',
  ...base(null, 'PUBLISHED', FILED_AT),
  data: { objectionId: 'obj-1', deciderNip, reason },
});
const unassigned = () => [...publishedAndReceived(), filed({ deciderNip: null })];

describe('HR assigns a decider to an unassigned objection', () => {
  it('given an unassigned objection, when HR names a decider with a reason, then ObjectionDeciderAssigned', () => {
    spec
      .given(unassigned())
      .when(assign())
      .then([
        {
          type: 'ObjectionDeciderAssigned.v1',
          data: {
            objectionId: 'obj-1',
            deciderNip: HR_NIP,
            reason: 'Kepala dinas tidak memiliki atasan di instansi ini',
            assignedAt: FILED_AT,
          },
        },
      ]);
  });

  it('given an objection with its atasan pejabat penilai, then OBJECTION_DECIDER_ASSIGNED', () => {
    spec
      .given([...publishedAndReceived(), filed()])
      .when(assign())
      .thenThrows('OBJECTION_DECIDER_ASSIGNED', 'conflict');
  });

  it('when the employee or the rater is named, then DECIDER_NOT_ELIGIBLE', () => {
    spec.given(unassigned()).when(assign(NIP)).thenThrows('DECIDER_NOT_ELIGIBLE', 'invalid');
    spec.given(unassigned()).when(assign(RATER)).thenThrows('DECIDER_NOT_ELIGIBLE', 'invalid');
  });

  it('when no reason is given, then TEXT_REQUIRED', () => {
    spec.given(unassigned()).when(assign(HR_NIP, '')).thenThrows('TEXT_REQUIRED', 'invalid');
  });
});
