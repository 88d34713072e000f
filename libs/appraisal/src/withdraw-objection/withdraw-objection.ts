// The employee may withdraw an open objection before it is decided. A withdrawn objection is no decision: the
// employee may file again while the window is open.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { requireActor, requireOpenAppraisal, requireText } from '../appraisal/appraisal-rules.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import type { WithdrawObjection } from '../objection/objection-commands.js';
import { requireOpenObjection } from '../objection/objection-rules.js';

export function decideWithdrawObjection(command: WithdrawObjection, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  requireActor(command.actorNip, appraisal.nip, 'the employee', 'withdraw the objection');
  const objection = requireOpenObjection(appraisal, command.data.objectionId);
  return [
    {
      type: 'ObjectionWithdrawn.v1',
      data: {
        objectionId: objection.objectionId,
        reason: requireText('reason', command.data.reason, 2000),
        withdrawnAt: command.now,
      },
    },
  ];
}

export const withdrawObjectionDecider: Decider<WithdrawObjection, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideWithdrawObjection,
  evolve: evolveAppraisal,
};
