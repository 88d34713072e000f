// An appraisal ends early when the employee leaves the cycle's scope (moved out of its units, retired, …).
// Its history stays; it takes no further acts. Up to determination: after that the result stands.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import type { EndAppraisal } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { requireOpenAppraisal, requirePhase, requireText } from '../appraisal/appraisal-rules.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import type { CyclePhase } from '../cycle/cycle-events.js';

const PHASES: readonly CyclePhase[] = ['PLANNING', 'IN_PROGRESS', 'ASSESSMENT', 'DETERMINATION'];

export function decideEndAppraisal(command: EndAppraisal, state: AppraisalState): AppraisalEvent[] {
  requireOpenAppraisal(state);
  requirePhase(command.cyclePhase, PHASES, 'end the appraisal');
  const reason = requireText('reason', command.data.reason, 2000);
  return [{ type: 'AppraisalEnded.v1', data: { reason, endedAt: command.now } }];
}

export const endAppraisalDecider: Decider<EndAppraisal, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideEndAppraisal,
  evolve: evolveAppraisal,
};
