import { describe, expect, it } from '@jest/globals';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { NIP, OTHER, PEER, RATER, RATER_SUPERVISOR, started } from '../appraisal/appraisal-fixtures.js';
import { evolveAppraisal, initialAppraisalState } from '../appraisal/appraisal-state.js';
import { assignmentOf, raterGaps, startedAssignment } from './rater-gaps.js';

const fold = (events: AppraisalEvent[]) => events.reduce(evolveAppraisal, initialAppraisalState());
const ended: AppraisalEvent = {
  type: 'AppraisalEnded.v1',
  data: { reason: 'pindah instansi', endedAt: '2026-06-01T00:00:00.000Z' },
};

describe('who nobody can rate or approve', () => {
  it('given an active appraisal, its assignment names its rater and rater’s supervisor', () => {
    expect(assignmentOf(fold([started()]))).toEqual({
      nip: NIP,
      raterNip: RATER,
      raterSupervisorNip: RATER_SUPERVISOR,
    });
  });

  it('given an appraisal not started or ended, it has no assignment (it blocks nothing)', () => {
    expect(assignmentOf(fold([]))).toBeNull();
    expect(assignmentOf(fold([started(), ended]))).toBeNull();
  });

  it('given events just decided, the assignment is the one their AppraisalStarted records', () => {
    expect(startedAssignment([started({ raterNip: null })])).toEqual({
      nip: NIP,
      raterNip: null,
      raterSupervisorNip: RATER_SUPERVISOR,
    });
    expect(startedAssignment([ended])).toBeNull();
  });

  it('when gaps are counted, then each missing role lists its NIPs once, sorted, ignoring inactive appraisals', () => {
    const gaps = raterGaps([
      { nip: PEER, raterNip: null, raterSupervisorNip: null },
      { nip: OTHER, raterNip: RATER, raterSupervisorNip: null },
      { nip: NIP, raterNip: RATER, raterSupervisorNip: RATER_SUPERVISOR },
      { nip: PEER, raterNip: null, raterSupervisorNip: null },
      null,
    ]);
    expect(gaps).toEqual({ withoutRater: [PEER], withoutRaterSupervisor: [OTHER, PEER].sort() });
  });
});
