// An employee in the cycle's scope gets an appraisal: when the cycle opens, or later when they join its units
// mid-cycle (too late once the assessment is over). Starting twice does nothing, so the cycle's fan-out to
// every employee may be re-run safely.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { StartAppraisal } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { requirePhase } from '../appraisal/appraisal-rules.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import type { CyclePhase } from '../cycle/cycle-events.js';

const JOINABLE_PHASES: readonly CyclePhase[] = ['PLANNING', 'IN_PROGRESS', 'ASSESSMENT'];

export function decideStartAppraisal(command: StartAppraisal, state: AppraisalState): AppraisalEvent[] {
  if (state.status !== 'none') return [];
  const { data } = command;
  if (data.reason === 'CYCLE_OPENED') {
    requirePhase(command.cyclePhase, ['PLANNING'], 'start an appraisal as the cycle opens');
  } else if (!JOINABLE_PHASES.includes(command.cyclePhase)) {
    throw new DomainError(
      'conflict',
      'WRONG_CYCLE_PHASE',
      `too late to be appraised in this cycle: it is in ${command.cyclePhase}; joining is possible up to ASSESSMENT`,
      [{ field: 'cyclePhase', message: command.cyclePhase, allowed: JOINABLE_PHASES }],
    );
  }
  if (data.raterNip !== null && data.raterNip === data.nip) {
    throw new DomainError('invalid', 'RATER_IS_SELF', `${data.nip} cannot be their own rater`, [
      { field: 'raterNip', message: 'same as nip' },
    ]);
  }
  return [{ type: 'AppraisalStarted.v1', data: { ...data, startedAt: command.now } }];
}

export const startAppraisalDecider: Decider<StartAppraisal, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideStartAppraisal,
  evolve: evolveAppraisal,
};
