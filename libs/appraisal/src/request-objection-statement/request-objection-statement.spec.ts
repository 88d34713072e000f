import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import { NIP, RATER, RATER_SUPERVISOR, base, started } from '../appraisal/appraisal-fixtures.js';
import type { StatementParty } from '../objection/objection-events.js';
import type { RequestObjectionStatement } from '../objection/objection-commands.js';
import { REQUESTED_AT, filed, publishedAndReceived, statementRequested } from '../objection/objection-fixtures.js';
import { requestObjectionStatementDecider } from './request-objection-statement.js';

const spec = specFor(requestObjectionStatementDecider);
const request = (party: StatementParty, actorNip: string | null = RATER_SUPERVISOR): RequestObjectionStatement => ({
  type: 'RequestObjectionStatement',
  ...base(actorNip, 'PUBLISHED', REQUESTED_AT),
  data: { objectionId: 'obj-1', party },
});
const open = () => [...publishedAndReceived(), filed()];

describe('request a statement', () => {
  it('given an open objection, when the decider asks the rater, then a request due in 5 working days (policy default)', () => {
    spec
      .given(open())
      .when(request('RATER'))
      .then([statementRequested('RATER')]);
  });

  it('when the decider asks the employee, then a request to the employee', () => {
    spec
      .given(open())
      .when(request('EMPLOYEE'))
      .then([statementRequested('EMPLOYEE')]);
  });

  it('when asked twice, then STATEMENT_ALREADY_REQUESTED', () => {
    spec
      .given([...open(), statementRequested('RATER')])
      .when(request('RATER'))
      .thenThrows('STATEMENT_ALREADY_REQUESTED');
  });

  it('when someone else asks, then NOT_ASSIGNED', () => {
    spec.given(open()).when(request('RATER', RATER)).thenThrows('NOT_ASSIGNED', 'forbidden');
    spec.given(open()).when(request('RATER', NIP)).thenThrows('NOT_ASSIGNED', 'forbidden');
  });

  it('given no decider yet, then OBJECTION_UNASSIGNED', () => {
    spec
      .given([...publishedAndReceived(), filed({ deciderNip: null })])
      .when(request('RATER'))
      .thenThrows('OBJECTION_UNASSIGNED');
  });

  it('when the party is unknown, then INVALID_PARTY', () => {
    spec
      .given(open())
      .when(request('HR' as StatementParty))
      .thenThrows('INVALID_PARTY', 'invalid');
  });

  it('given no rater on the appraisal, when the rater is asked, then NO_RATER', () => {
    spec
      .given([started({ raterNip: null }), ...publishedAndReceived().slice(1), filed()])
      .when(request('RATER'))
      .thenThrows('NO_RATER', 'conflict');
  });
});
