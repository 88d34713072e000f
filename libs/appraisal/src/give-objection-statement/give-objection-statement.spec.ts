import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import { NIP, RATER, RATER_SUPERVISOR, base } from '../appraisal/appraisal-fixtures.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import type { GiveObjectionStatement } from '../objection/objection-commands.js';
import {
  filed,
  linkEvidence,
  publishedAndReceived,
  statementGiven,
  statementRequested,
} from '../objection/objection-fixtures.js';
import { giveObjectionStatementDecider } from './give-objection-statement.js';

const spec = specFor(giveObjectionStatementDecider);
const GIVEN_AT = '2027-01-12T02:00:00.000Z';
const give = (
  actorNip: string | null,
  now = GIVEN_AT,
  statement = 'Penilaian sesuai bukti yang ada',
): GiveObjectionStatement => ({
  type: 'GiveObjectionStatement',
  ...base(actorNip, 'PUBLISHED', now),
  data: { objectionId: 'obj-1', statement, evidence: [] },
});
const asked = () => [...publishedAndReceived(), filed(), statementRequested('RATER'), statementRequested('EMPLOYEE')];

describe('give a statement', () => {
  it('given a request to the rater, when the rater answers, then ObjectionStatementGiven', () => {
    spec
      .given(asked())
      .when(give(RATER))
      .then([statementGiven('RATER')]);
  });

  it('given a request to the employee, when the employee answers with evidence, then it is recorded', () => {
    const command = give(NIP, GIVEN_AT, 'Bukti tambahan terlampir');
    const expected = statementGiven('EMPLOYEE');
    spec
      .given(asked())
      .when({ ...command, data: { ...command.data, evidence: [linkEvidence()] } })
      .then([{ ...expected, data: { ...expected.data, evidence: [linkEvidence()] } } as AppraisalEvent]);
  });

  it('given no request to this person, then STATEMENT_NOT_REQUESTED', () => {
    spec
      .given([...publishedAndReceived(), filed(), statementRequested('EMPLOYEE')])
      .when(give(RATER))
      .thenThrows('STATEMENT_NOT_REQUESTED', 'forbidden');
    spec.given(asked()).when(give(RATER_SUPERVISOR)).thenThrows('STATEMENT_NOT_REQUESTED', 'forbidden');
  });

  it('when answered twice, then STATEMENT_ALREADY_GIVEN', () => {
    spec
      .given([...asked(), statementGiven('RATER')])
      .when(give(RATER))
      .thenThrows('STATEMENT_ALREADY_GIVEN', 'conflict');
  });

  it('when answered after the request lapsed (local midnight after the 5th working day), then STATEMENT_LAPSED', () => {
    spec
      .given(asked())
      .when(give(RATER, '2027-01-18T14:59:59.000Z'))
      .then([statementGiven('RATER', '2027-01-18T14:59:59.000Z')]);
    spec.given(asked()).when(give(RATER, '2027-01-18T15:00:00.000Z')).thenThrows('STATEMENT_LAPSED', 'conflict');
  });

  it('when the statement is blank, then TEXT_REQUIRED', () => {
    spec
      .given(asked())
      .when(give(RATER, GIVEN_AT, ' '))
      .thenThrows('TEXT_REQUIRED', 'invalid');
  });
});
