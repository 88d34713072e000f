// At the top of a reporting line there is no atasan pejabat penilai: HR names who decides, with a reason (as it
// overrides a rater). Only an unassigned objection; the decider can be neither the employee nor the rater.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { requireOpenAppraisal, requireText } from '../appraisal/appraisal-rules.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import type { AssignObjectionDecider } from '../objection/objection-commands.js';
import { requireOpenObjection } from '../objection/objection-rules.js';

export function decideAssignObjectionDecider(command: AssignObjectionDecider, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  const objection = requireOpenObjection(appraisal, command.data.objectionId);
  if (objection.deciderNip !== null) {
    throw new DomainError(
      'conflict',
      'OBJECTION_DECIDER_ASSIGNED',
      `objection ${objection.objectionId} already goes to ${objection.deciderNip}`,
    );
  }
  const deciderNip = command.data.deciderNip;
  if (deciderNip === appraisal.nip || deciderNip === appraisal.raterNip) {
    throw new DomainError(
      'invalid',
      'DECIDER_NOT_ELIGIBLE',
      'the decider can be neither the employee who objects nor the rater whose result is objected to',
      [{ field: 'deciderNip', message: deciderNip === appraisal.nip ? 'the employee' : 'the rater' }],
    );
  }
  const reason = requireText('reason', command.data.reason, 2000);
  return [
    {
      type: 'ObjectionDeciderAssigned.v1',
      data: { objectionId: objection.objectionId, deciderNip, reason, assignedAt: command.now },
    },
  ];
}

export const assignObjectionDeciderDecider: Decider<AssignObjectionDecider, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideAssignObjectionDecider,
  evolve: evolveAppraisal,
};
