import { describe, expect, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { Rating } from '../../../policy/src/policy.js';
import type { SubmitPeerInput } from '../appraisal/appraisal-commands.js';
import type { BerakhlakValueCode, ValueRating } from '../appraisal/appraisal-events.js';
import { NIP, RATER, base } from '../appraisal/appraisal-fixtures.js';
import {
  LATER,
  PEERS,
  allValues,
  assessable,
  peerInput,
  rated,
  ratingApproved,
  ratingReturned,
  reviewersChosen,
} from '../assessment-fixtures.js';
import { submitPeerInputDecider } from './submit-peer-input.js';

const spec = specFor(submitPeerInputDecider);
const chosen = () => [...assessable(), reviewersChosen()];
const values: ValueRating[] = [
  { value: 'KOLABORATIF', rating: 'DI_ATAS_EKSPEKTASI', note: ' Selalu membantu rekan ' },
  { value: 'HARMONIS', rating: 'SESUAI_EKSPEKTASI', note: '' },
];
const submit = (
  actorNip: string | null = PEERS[0],
  data: ValueRating[] = values,
  phase: SubmitPeerInput['cyclePhase'] = 'ASSESSMENT',
): SubmitPeerInput => ({ type: 'SubmitPeerInput', ...base(actorNip, phase, LATER), data: { values: data } });

describe('submit peer input', () => {
  it('given a chosen reviewer, when they rate two values, then PeerInputSubmitted with trimmed notes', () => {
    spec
      .given(chosen())
      .when(submit())
      .then([
        {
          type: 'PeerInputSubmitted.v1',
          data: {
            reviewerNip: PEERS[0],
            values: values.map((v) => ({ ...v, note: v.note.trim() })),
            submittedAt: LATER,
          },
        },
      ]);
  });

  it('given a rating under review (not approved), when a chosen reviewer gives input, then it is accepted', () => {
    spec
      .given([...chosen(), rated(1), ratingReturned(1)])
      .when(submit(PEERS[1], allValues('SESUAI_EKSPEKTASI')))
      .then([
        {
          type: 'PeerInputSubmitted.v1',
          data: { reviewerNip: PEERS[1], values: allValues('SESUAI_EKSPEKTASI'), submittedAt: LATER },
        },
      ]);
  });

  it('given chosen reviewers, when someone not chosen (or the employee, or the rater) submits, then NOT_A_CHOSEN_REVIEWER', () => {
    for (const actor of ['199304042018012007', NIP, RATER, null]) {
      spec.given(chosen()).when(submit(actor)).thenThrows('NOT_A_CHOSEN_REVIEWER', 'forbidden');
    }
  });

  it('given the cycle in progress, when submitted, then WRONG_CYCLE_PHASE', () => {
    spec
      .given(chosen())
      .when(submit(PEERS[0], values, 'IN_PROGRESS'))
      .thenThrows('WRONG_CYCLE_PHASE', 'conflict');
  });

  it('given the reviewer already gave input, when they submit again, then PEER_INPUT_ALREADY_SUBMITTED', () => {
    spec
      .given([...chosen(), peerInput(PEERS[0])])
      .when(submit())
      .thenThrows('PEER_INPUT_ALREADY_SUBMITTED', 'conflict');
  });

  it('given an approved rating, when a reviewer submits, then RATING_ALREADY_APPROVED', () => {
    spec
      .given([...chosen(), rated(1), ratingApproved(1)])
      .when(submit())
      .thenThrows('RATING_ALREADY_APPROVED', 'conflict');
  });

  it('given a chosen reviewer, when no value is rated, then VALUE_RATINGS_INVALID', () => {
    spec.given(chosen()).when(submit(PEERS[0], [])).thenThrows('VALUE_RATINGS_INVALID', 'invalid');
  });

  it('given a chosen reviewer, when a value is rated twice or is unknown, then VALUE_RATINGS_INVALID naming it', () => {
    const error = spec
      .given(chosen())
      .when(submit(PEERS[0], [values[0], values[0], { ...values[1], value: 'JUJUR' as BerakhlakValueCode }]))
      .thenThrows('VALUE_RATINGS_INVALID', 'invalid');
    expect(error.details).toEqual([
      { field: 'values[1]', message: 'duplicate', id: 'KOLABORATIF' },
      { field: 'values[2]', message: 'unknown', id: 'JUJUR' },
    ]);
  });

  it('given a chosen reviewer, when a rating is invalid or a note too long, then INVALID_RATING / NOTE_TOO_LONG', () => {
    spec
      .given(chosen())
      .when(submit(PEERS[0], [{ ...values[0], rating: 'BAIK' as Rating }]))
      .thenThrows('INVALID_RATING', 'invalid');
    spec
      .given(chosen())
      .when(submit(PEERS[0], [{ ...values[0], note: 'x'.repeat(2001) }]))
      .thenThrows('NOTE_TOO_LONG', 'invalid');
  });
});
