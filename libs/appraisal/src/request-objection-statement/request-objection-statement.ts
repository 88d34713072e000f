// The decider requests a statement from the pejabat penilai and from the employee (PP 30/2019 Pasal 59: both are
// heard). Each request has a deadline from the pinned policy, after which it lapses.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import { statementDeadline } from '../../../policy/src/deadlines.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { requireOpenAppraisal } from '../appraisal/appraisal-rules.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import type { RequestObjectionStatement } from '../objection/objection-commands.js';
import { STATEMENT_PARTIES } from '../objection/objection-events.js';
import { requireDecider, requireOpenObjection } from '../objection/objection-rules.js';

export function decideRequestObjectionStatement(
  command: RequestObjectionStatement,
  state: AppraisalState,
): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  const objection = requireOpenObjection(appraisal, command.data.objectionId);
  const requestedByNip = requireDecider(objection, command.actorNip, 'request statements');
  const { party } = command.data;
  if (!STATEMENT_PARTIES.includes(party)) {
    throw new DomainError('invalid', 'INVALID_PARTY', `party must be one of ${STATEMENT_PARTIES.join(', ')}`, [
      { field: 'party', message: `got ${String(party)}` },
    ]);
  }
  if (objection.statements[party]) {
    throw new DomainError(
      'conflict',
      'STATEMENT_ALREADY_REQUESTED',
      `a statement from the ${party} was already requested`,
    );
  }
  const partyNip = party === 'RATER' ? appraisal.raterNip : appraisal.nip;
  if (partyNip === null) {
    throw new DomainError('conflict', 'NO_RATER', 'this appraisal has no pejabat penilai to ask');
  }
  return [
    {
      type: 'ObjectionStatementRequested.v1',
      data: {
        objectionId: objection.objectionId,
        party,
        partyNip,
        requestedByNip,
        due: statementDeadline(appraisal.policy, command.now, appraisal.timeZone),
        requestedAt: command.now,
      },
    },
  ];
}

export const requestObjectionStatementDecider: Decider<RequestObjectionStatement, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideRequestObjectionStatement,
  evolve: evolveAppraisal,
};
