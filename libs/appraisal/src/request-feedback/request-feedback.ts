// The employee asks someone (a colleague, a partner unit's staff) for feedback; only the person asked may then
// answer the request. Never from oneself.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { RequestFeedback } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { employeeOf, hasKey, requireActorAmong } from '../appraisal/appraisal-items.js';
import { requireOpenAppraisal, requirePhase, requireText } from '../appraisal/appraisal-rules.js';
import { evolveAppraisal, initialAppraisalState, type AppraisalState } from '../appraisal/appraisal-state.js';
import type { CyclePhase } from '../cycle/cycle-events.js';

const PHASES: readonly CyclePhase[] = ['PLANNING', 'IN_PROGRESS', 'ASSESSMENT'];

export function decideRequestFeedback(command: RequestFeedback, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  requireActorAmong(command.actorNip, [employeeOf(appraisal)], 'request feedback');
  requirePhase(command.cyclePhase, PHASES, 'request feedback');
  const requestId = requireText('requestId', command.data.requestId, 100);
  const askedNip = requireText('askedNip', command.data.askedNip, 100);
  if (askedNip === appraisal.nip) {
    throw new DomainError('invalid', 'FEEDBACK_FROM_SELF', 'feedback is asked of someone else, not oneself', [
      { field: 'askedNip', message: 'same as the employee' },
    ]);
  }
  const note = (command.data.note ?? '').trim();
  if (note.length > 2000) {
    throw new DomainError('invalid', 'TEXT_TOO_LONG', 'note is at most 2000 characters', [
      { field: 'note', message: 'too long' },
    ]);
  }
  if (hasKey(appraisal.feedbackRequests, requestId)) {
    throw new DomainError('conflict', 'FEEDBACK_REQUEST_ID_TAKEN', `requestId ${requestId} is already used`, [
      { field: 'requestId', message: 'taken' },
    ]);
  }
  return [{ type: 'FeedbackRequested.v1', data: { requestId, askedNip, note, requestedAt: command.now } }];
}

export const requestFeedbackDecider: Decider<RequestFeedback, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideRequestFeedback,
  evolve: evolveAppraisal,
};
