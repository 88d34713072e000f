// The person asked (the pejabat penilai or the employee) answers with a statement and evidence, once, before
// the request lapses.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { requireOpenAppraisal, requireText } from '../appraisal/appraisal-rules.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import type { GiveObjectionStatement } from '../objection/objection-commands.js';
import { STATEMENT_PARTIES } from '../objection/objection-events.js';
import { REASONS_MAX, requireEvidence, requireOpenObjection, zoneLabel } from '../objection/objection-rules.js';

export function decideGiveObjectionStatement(command: GiveObjectionStatement, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  const objection = requireOpenObjection(appraisal, command.data.objectionId);
  const party = STATEMENT_PARTIES.find((p) => objection.statements[p]?.partyNip === command.actorNip);
  const request = party ? objection.statements[party] : undefined;
  if (!party || !request || command.actorNip === null) {
    throw new DomainError('forbidden', 'STATEMENT_NOT_REQUESTED', 'no statement has been requested from you');
  }
  if (request.givenAt !== null) {
    throw new DomainError('conflict', 'STATEMENT_ALREADY_GIVEN', `your statement was given at ${request.givenAt}`);
  }
  if (Date.parse(command.now) >= Date.parse(request.due.closesAt)) {
    throw new DomainError(
      'conflict',
      'STATEMENT_LAPSED',
      `the request lapsed at the end of ${request.due.lastDay} (${zoneLabel(request.due.timeZone)})`,
      [{ field: 'statement', message: `last day ${request.due.lastDay}`, lastDay: request.due.lastDay }],
    );
  }
  return [
    {
      type: 'ObjectionStatementGiven.v1',
      data: {
        objectionId: objection.objectionId,
        party,
        givenByNip: command.actorNip,
        statement: requireText('statement', command.data.statement, REASONS_MAX),
        evidence: requireEvidence(command.data.evidence),
        givenAt: command.now,
      },
    },
  ];
}

export const giveObjectionStatementDecider: Decider<GiveObjectionStatement, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideGiveObjectionStatement,
  evolve: evolveAppraisal,
};
