// The rater records the leader's ekspektasi khusus for one BerAKHLAK value (DOMAIN section 3). Setting it again
// records a new event: the latest one counts, the earlier ones stay in the history.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { SetBehaviourExpectation } from '../appraisal/appraisal-commands.js';
import { BERAKHLAK_VALUES, type AppraisalEvent } from '../appraisal/appraisal-events.js';
import { raterOf, requireActorAmong } from '../appraisal/appraisal-items.js';
import { requireOpenAppraisal, requirePhase, requireText } from '../appraisal/appraisal-rules.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import { PLANNING_PHASES } from '../plan/plan-rules.js';

export function decideSetBehaviourExpectation(
  command: SetBehaviourExpectation,
  state: AppraisalState,
): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  const action = 'set a behaviour expectation';
  const setByNip = requireActorAmong(command.actorNip, [raterOf(appraisal)], action);
  requirePhase(command.cyclePhase, PLANNING_PHASES, action);
  const { value } = command.data;
  if (!BERAKHLAK_VALUES.includes(value)) {
    throw new DomainError('invalid', 'UNKNOWN_VALUE', `${String(value)} is not a BerAKHLAK value`, [
      { field: 'value', message: `one of ${BERAKHLAK_VALUES.join(', ')}` },
    ]);
  }
  const expectation = requireText('expectation', command.data.expectation, 2000);
  return [{ type: 'BehaviourExpectationSet.v1', data: { value, expectation, setByNip, setAt: command.now } }];
}

export const setBehaviourExpectationDecider: Decider<SetBehaviourExpectation, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideSetBehaviourExpectation,
  evolve: evolveAppraisal,
};
