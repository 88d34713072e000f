import { describe, expect, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { ChoosePeerReviewers, ReviewerFact } from '../appraisal/appraisal-commands.js';
import { AGENCY_ID, NIP, RATER, approvedPlan, base } from '../appraisal/appraisal-fixtures.js';
import { LATER, PEERS, peerInput, reviewersChosen } from '../assessment-fixtures.js';
import { choosePeerReviewersDecider } from './choose-peer-reviewers.js';

const spec = specFor(choosePeerReviewersDecider);
const fact = (nip: string, relation: ReviewerFact['relation'] = 'PEER', agencyId = AGENCY_ID): ReviewerFact => ({
  nip,
  relation,
  agencyId,
});
const choose = (
  reviewerNips = PEERS,
  reviewers: (ReviewerFact | null)[] = reviewerNips.map((nip) => fact(nip)),
  actorNip: string | null = RATER,
  phase: ChoosePeerReviewers['cyclePhase'] = 'ASSESSMENT',
): ChoosePeerReviewers => ({
  type: 'ChoosePeerReviewers',
  ...base(actorNip, phase, LATER),
  data: { reviewerNips },
  reviewers,
});
const chosen = (reviewerNips = PEERS) => ({
  type: 'PeerReviewersChosen.v1' as const,
  data: { reviewerNips, chosenByNip: RATER, chosenAt: LATER },
});

describe('choose peer reviewers', () => {
  it('given an appraisal in progress, when the rater chooses three peers, then PeerReviewersChosen', () => {
    spec
      .given(approvedPlan())
      .when(choose(PEERS, undefined, RATER, 'IN_PROGRESS'))
      .then([chosen()]);
  });

  it('given chosen reviewers, when the rater replaces one who gave no input, then PeerReviewersChosen with the new list', () => {
    const next = [PEERS[0], PEERS[1], '199304042018012007'];
    spec
      .given([...approvedPlan(), reviewersChosen(), peerInput(PEERS[0])])
      .when(choose(next, [fact(PEERS[0]), fact(PEERS[1]), fact(next[2], 'SUBORDINATE')]))
      .then([chosen(next)]);
  });

  it('given chosen reviewers, when the same list is chosen again (in any order), then nothing new', () => {
    spec
      .given([...approvedPlan(), reviewersChosen()])
      .when(choose([...PEERS].reverse()))
      .then([]);
  });

  it('given the planning phase, when chosen, then WRONG_CYCLE_PHASE', () => {
    spec
      .given(approvedPlan())
      .when(choose(PEERS, undefined, RATER, 'PLANNING'))
      .thenThrows('WRONG_CYCLE_PHASE', 'conflict');
  });

  it('given an appraisal, when the employee chooses, then NOT_ASSIGNED', () => {
    spec
      .given(approvedPlan())
      .when(choose(PEERS, undefined, NIP))
      .thenThrows('NOT_ASSIGNED', 'forbidden');
  });

  it('given an appraisal, when no reviewer or more than ten are chosen, then REVIEWER_COUNT', () => {
    spec.given(approvedPlan()).when(choose([])).thenThrows('REVIEWER_COUNT', 'invalid');
    const eleven = Array.from({ length: 11 }, (_, i) => `19900101201501${String(i).padStart(4, '0')}`);
    spec.given(approvedPlan()).when(choose(eleven)).thenThrows('REVIEWER_COUNT', 'invalid');
  });

  it('given an appraisal, when a reviewer is listed twice, then DUPLICATE_REVIEWER', () => {
    const error = spec
      .given(approvedPlan())
      .when(choose([PEERS[0], PEERS[1], PEERS[0]]))
      .thenThrows('DUPLICATE_REVIEWER', 'invalid');
    expect(error.details).toEqual([{ field: 'reviewerNips[2]', message: 'duplicate', id: PEERS[0] }]);
  });

  it('given an appraisal, when the employee or the rater is chosen, then PEER_IS_SELF / PEER_IS_RATER', () => {
    spec
      .given(approvedPlan())
      .when(choose([PEERS[0], NIP]))
      .thenThrows('PEER_IS_SELF', 'invalid');
    spec
      .given(approvedPlan())
      .when(choose([RATER, PEERS[0]], [fact(RATER, 'OTHER'), fact(PEERS[0])]))
      .thenThrows('PEER_IS_RATER', 'invalid');
  });

  it('given an appraisal, when a chosen NIP is no employee, then EMPLOYEE_NOT_FOUND naming it', () => {
    const error = spec
      .given(approvedPlan())
      .when(choose(PEERS, [fact(PEERS[0]), null, fact(PEERS[2])]))
      .thenThrows('EMPLOYEE_NOT_FOUND', 'not_found');
    expect(error.details).toEqual([{ field: 'reviewerNips[1]', message: 'no such employee', nip: PEERS[1] }]);
  });

  it('given an appraisal, when reviewers work in another agency, then PEER_OTHER_AGENCY naming each', () => {
    const error = spec
      .given(approvedPlan())
      .when(choose(PEERS, [fact(PEERS[0], 'PEER', 'x'), fact(PEERS[1]), fact(PEERS[2], 'PEER', 'x')]))
      .thenThrows('PEER_OTHER_AGENCY', 'invalid');
    expect(error.details.map((d) => d.nip)).toEqual([PEERS[0], PEERS[2]]);
  });

  it('given an appraisal, when a reviewer is neither peer nor subordinate, then NOT_A_PEER naming them', () => {
    const error = spec
      .given(approvedPlan())
      .when(choose(PEERS, [fact(PEERS[0]), fact(PEERS[1], 'OTHER'), fact(PEERS[2], 'SUBORDINATE')]))
      .thenThrows('NOT_A_PEER', 'invalid');
    expect(error.details).toEqual([
      { field: 'reviewerNips[1]', message: 'peers at the same level or direct subordinates only', nip: PEERS[1] },
    ]);
  });

  it('given a reviewer who already gave input, when the rater drops them, then PEER_INPUT_SUBMITTED', () => {
    const error = spec
      .given([...approvedPlan(), reviewersChosen(), peerInput(PEERS[2])])
      .when(choose([PEERS[0], PEERS[1]]))
      .thenThrows('PEER_INPUT_SUBMITTED', 'conflict');
    expect(error.details).toEqual([{ field: 'reviewerNips', message: 'already gave input', nip: PEERS[2] }]);
  });
});
