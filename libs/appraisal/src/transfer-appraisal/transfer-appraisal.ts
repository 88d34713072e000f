// An employee who moves to another unit inside the cycle's scope keeps their open appraisal: it is transferred
// (its plan and history go with it). Up to the assessment; after that the unit's population is being determined.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import type { TransferAppraisal } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { requireOpenAppraisal, requirePhase, requireText } from '../appraisal/appraisal-rules.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import type { CyclePhase } from '../cycle/cycle-events.js';

const PHASES: readonly CyclePhase[] = ['PLANNING', 'IN_PROGRESS', 'ASSESSMENT'];

export function decideTransferAppraisal(command: TransferAppraisal, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  requirePhase(command.cyclePhase, PHASES, 'transfer the appraisal');
  const toUnitId = requireText('toUnitId', command.data.toUnitId, 100);
  const reason = requireText('reason', command.data.reason, 2000);
  if (toUnitId === appraisal.unitId) return [];
  return [
    {
      type: 'AppraisalTransferred.v1',
      data: { fromUnitId: appraisal.unitId, toUnitId, reason, transferredAt: command.now },
    },
  ];
}

export const transferAppraisalDecider: Decider<TransferAppraisal, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideTransferAppraisal,
  evolve: evolveAppraisal,
};
