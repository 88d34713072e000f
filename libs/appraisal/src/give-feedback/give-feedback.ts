// Continuous feedback (umpan balik berkelanjutan): from the rater at any time, or from someone the employee
// asked, answering that request. It may relate to an item and cite evidence; a correction is a new entry that
// names the feedback it corrects.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { GiveFeedback } from '../appraisal/appraisal-commands.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import {
  hasKey,
  raterOf,
  requireActorAmong,
  requireCorrection,
  requireEvidenceIds,
  requireItem,
  requireNewItemId,
} from '../appraisal/appraisal-items.js';
import { requireOpenAppraisal, requirePhase, requireText } from '../appraisal/appraisal-rules.js';
import {
  evolveAppraisal,
  initialAppraisalState,
  type ActiveAppraisal,
  type AppraisalState,
} from '../appraisal/appraisal-state.js';
import type { CyclePhase } from '../cycle/cycle-events.js';

const PHASES: readonly CyclePhase[] = ['PLANNING', 'IN_PROGRESS', 'ASSESSMENT'];
const ACTION = 'give feedback';

/** Who gives it: the person asked (answering requestId) or, without a request, the rater. */
function requireGiver(command: GiveFeedback, appraisal: ActiveAppraisal) {
  const { requestId } = command.data;
  if (requestId === null) {
    return {
      giverNip: requireActorAmong(command.actorNip, [raterOf(appraisal)], ACTION),
      giverRelation: 'RATER' as const,
    };
  }
  if (!hasKey(appraisal.feedbackRequests, requestId)) {
    throw new DomainError('not_found', 'FEEDBACK_REQUEST_NOT_FOUND', `no feedback request ${requestId}`, [
      { field: 'requestId', message: `no request ${requestId}` },
    ]);
  }
  const asked = { role: 'the person asked', nip: appraisal.feedbackRequests[requestId].askedNip };
  return { giverNip: requireActorAmong(command.actorNip, [asked], ACTION), giverRelation: 'REQUESTED' as const };
}

export function decideGiveFeedback(command: GiveFeedback, state: AppraisalState): AppraisalEvent[] {
  const appraisal = requireOpenAppraisal(state);
  requirePhase(command.cyclePhase, PHASES, ACTION);
  const { giverNip, giverRelation } = requireGiver(command, appraisal);
  const { data } = command;
  const feedbackId = requireNewItemId(appraisal, 'FEEDBACK', 'feedbackId', data.feedbackId);
  const text = requireText('text', data.text);
  const relatesTo = data.relatesTo === null ? null : requireItem(appraisal, data.relatesTo, 'relatesTo');
  const evidenceIds = requireEvidenceIds(appraisal, data.evidenceIds);
  const corrects = requireCorrection(appraisal, 'FEEDBACK', data.corrects, giverNip);
  return [
    {
      type: 'FeedbackGiven.v1',
      data: {
        feedbackId,
        giverNip,
        giverRelation,
        requestId: data.requestId,
        text,
        relatesTo: relatesTo && { kind: relatesTo.kind, id: relatesTo.id },
        evidenceIds,
        corrects,
        givenAt: command.now,
      },
    },
  ];
}

export const giveFeedbackDecider: Decider<GiveFeedback, AppraisalState, AppraisalEvent> = {
  initialState: initialAppraisalState,
  decide: decideGiveFeedback,
  evolve: evolveAppraisal,
};
