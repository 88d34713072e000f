// The rater (and the rater's supervisor) of an open appraisal changes: HR records it, or the reconcile process
// when reporting lines change mid-cycle. Up to determination, because the rating may still be redone.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { ChangeRater } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { requireOpenAppraisal, requirePhase, requireText } from '../appraisal/appraisal-rules.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import type { CyclePhase } from '../cycle/cycle-events.js';

const PHASES: readonly CyclePhase[] = ['PLANNING', 'IN_PROGRESS', 'ASSESSMENT', 'DETERMINATION'];

export function decideChangeRater(command: ChangeRater, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  requirePhase(command.cyclePhase, PHASES, 'change the rater');
  const reason = requireText('reason', command.data.reason, 2000);
  const { toRaterNip, raterSupervisorNip } = command.data;
  if (toRaterNip !== null && toRaterNip === appraisal.nip) {
    throw new DomainError('invalid', 'RATER_IS_SELF', `${appraisal.nip} cannot be their own rater`, [
      { field: 'toRaterNip', message: 'same as the appraised employee' },
    ]);
  }
  if (toRaterNip === appraisal.raterNip && raterSupervisorNip === appraisal.raterSupervisorNip) return [];
  return [
    {
      type: 'RaterChanged.v1',
      data: { fromRaterNip: appraisal.raterNip, toRaterNip, raterSupervisorNip, reason, changedAt: command.now },
    },
  ];
}

export const changeRaterDecider: Decider<ChangeRater, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideChangeRater,
  evolve: evolveAppraisal,
};
