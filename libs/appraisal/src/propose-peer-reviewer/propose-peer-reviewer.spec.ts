import { describe, expect, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { ProposePeerReviewer, ReviewerFact } from '../appraisal/appraisal-commands.js';
import { AGENCY_ID, NIP, RATER, approvedPlan, base } from '../appraisal/appraisal-fixtures.js';
import { LATER, PEERS } from '../assessment-fixtures.js';
import { proposePeerReviewerDecider } from './propose-peer-reviewer.js';

const spec = specFor(proposePeerReviewerDecider);
const peerFact = (nip = PEERS[0], relation: ReviewerFact['relation'] = 'PEER', agencyId = AGENCY_ID) => ({
  nip,
  relation,
  agencyId,
});
const propose = (
  reviewerNip = PEERS[0],
  reviewer: ReviewerFact | null = peerFact(reviewerNip),
  actorNip: string | null = NIP,
  phase: ProposePeerReviewer['cyclePhase'] = 'IN_PROGRESS',
): ProposePeerReviewer => ({
  type: 'ProposePeerReviewer',
  ...base(actorNip, phase, LATER),
  data: { reviewerNip },
  reviewer,
});
const proposed = (reviewerNip = PEERS[0]) => ({
  type: 'PeerReviewerProposed.v1' as const,
  data: { reviewerNip, proposedAt: LATER },
});

describe('propose a peer reviewer', () => {
  it('given an appraisal in progress, when the employee proposes a peer, then PeerReviewerProposed', () => {
    spec.given(approvedPlan()).when(propose()).then([proposed()]);
  });

  it('given the assessment phase, when the employee proposes a direct subordinate, then PeerReviewerProposed', () => {
    spec
      .given(approvedPlan())
      .when(propose(PEERS[1], peerFact(PEERS[1], 'SUBORDINATE'), NIP, 'ASSESSMENT'))
      .then([proposed(PEERS[1])]);
  });

  it('given the same colleague already proposed, when proposed again, then nothing new', () => {
    spec
      .given([...approvedPlan(), proposed()])
      .when(propose())
      .then([]);
  });

  it('given the planning phase, when proposed, then WRONG_CYCLE_PHASE', () => {
    spec
      .given(approvedPlan())
      .when(propose(PEERS[0], peerFact(), NIP, 'PLANNING'))
      .thenThrows('WRONG_CYCLE_PHASE', 'conflict');
  });

  it('given an appraisal, when someone other than the employee proposes, then NOT_ASSIGNED', () => {
    spec
      .given(approvedPlan())
      .when(propose(PEERS[0], peerFact(), PEERS[1]))
      .thenThrows('NOT_ASSIGNED', 'forbidden');
  });

  it('given an appraisal, when the employee proposes themself, then PEER_IS_SELF', () => {
    spec
      .given(approvedPlan())
      .when(propose(NIP, peerFact(NIP)))
      .thenThrows('PEER_IS_SELF', 'invalid');
  });

  it('given an appraisal, when the proposed NIP is no employee, then EMPLOYEE_NOT_FOUND naming it', () => {
    const error = spec
      .given(approvedPlan())
      .when(propose(PEERS[2], null))
      .thenThrows('EMPLOYEE_NOT_FOUND', 'not_found');
    expect(error.details).toEqual([{ field: 'reviewerNip', message: 'no such employee', nip: PEERS[2] }]);
  });

  it('given an appraisal, when the colleague works in another agency, then PEER_OTHER_AGENCY', () => {
    spec
      .given(approvedPlan())
      .when(propose(PEERS[0], peerFact(PEERS[0], 'PEER', 'kabupaten-sorong')))
      .thenThrows('PEER_OTHER_AGENCY', 'invalid');
  });

  it('given an appraisal, when the colleague is neither a peer nor a subordinate (e.g. the rater), then NOT_A_PEER or PEER_IS_RATER', () => {
    const error = spec
      .given(approvedPlan())
      .when(propose(PEERS[0], peerFact(PEERS[0], 'OTHER')))
      .thenThrows('NOT_A_PEER', 'invalid');
    expect(error.message).toContain('peers at the same level or direct subordinates only');
    spec
      .given(approvedPlan())
      .when(propose(RATER, peerFact(RATER, 'OTHER')))
      .thenThrows('PEER_IS_RATER', 'invalid');
  });
});
