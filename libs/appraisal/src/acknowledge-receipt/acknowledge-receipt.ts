// The employee acknowledges receiving the published result. Receipt starts the keberatan window (DOMAIN
// section 7), counted on the agency's local calendar by the pinned policy; objections come in a later issue.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import { objectionDeadline } from '../../../policy/src/deadlines.js';
import type { AcknowledgeReceipt } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { requireActor, requireOpenAppraisal } from '../appraisal/appraisal-rules.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';

export function decideAcknowledgeReceipt(command: AcknowledgeReceipt, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  // No phase check: a published result can only exist from PUBLISHED on, and receipt stays possible after
  // the cycle is CLOSED (the employee's window must not depend on when HR closes the cycle).
  requireActor(command.actorNip, appraisal.nip, 'the employee', 'acknowledge receipt of the result');
  if (!appraisal.publication) {
    throw new DomainError('conflict', 'RESULT_NOT_PUBLISHED', 'the result has not been published yet');
  }
  if (appraisal.receipt) {
    throw new DomainError(
      'conflict',
      'RECEIPT_ALREADY_ACKNOWLEDGED',
      `receipt was acknowledged at ${appraisal.receipt.receivedAt}`,
    );
  }
  return [
    {
      type: 'ResultReceived.v1',
      data: {
        receivedAt: command.now,
        objectionDeadline: objectionDeadline(appraisal.policy, command.now, appraisal.timeZone),
      },
    },
  ];
}

export const acknowledgeReceiptDecider: Decider<AcknowledgeReceipt, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideAcknowledgeReceipt,
  evolve: evolveAppraisal,
};
