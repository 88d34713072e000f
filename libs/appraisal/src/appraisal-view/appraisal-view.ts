// What a viewer sees of one appraisal: a pure function of its state and its events (the state keeps only what
// decisions need; the texts live in the events). Rules it encodes:
// - peer input is shown to everyone only as the policy's anonymous aggregate (at least peerAnonymityMinimum
//   reviewers), never a reviewer's NIP next to what they said; the raw attribution stays in the event stream,
//   readable by an AUDITOR only (GET .../events), for the later audit issue;
// - the employee does not see whom the rater chose as peer reviewers (only how many), so a small aggregate
//   cannot be matched to names; the rater, the rater's supervisor, HR and AUDITOR see the chosen list;
// - the supervisor's rating is visible to the employee as soon as it is submitted, every version, returned ones
//   included (transparency is the product's promise, DOMAIN section 10); the result (predikat with
//   recommendations) appears once published.
import { viewObjections, type ObjectionView } from '../objection/objection-view.js';
import { dialogueStatus } from '../dialogue/dialogue-rules.js';
import type { Predikat } from '../../../policy/src/policy.js';
import {
  BERAKHLAK_VALUES,
  type AppraisalEvent,
  type AppraisalEventOf,
  type BerakhlakValueCode,
  type RhkContent,
} from '../appraisal/appraisal-events.js';
import { approvedRating, type ActiveAppraisal, type PlanStatus } from '../appraisal/appraisal-state.js';
import { aggregatePeerInput } from '../peer-input/peer-aggregate.js';
import type { Viewer } from './viewer.js';

type Data<T extends AppraisalEvent['type']> = AppraisalEventOf<T>['data'];

/** An entry that can be corrected by a later one (`corrects`): the view names the corrections. */
type Correctable<T> = T & { correctedBy: string[] };

export interface AssignmentStep {
  kind: 'STARTED' | 'RATER_CHANGED' | 'TRANSFERRED' | 'ENDED';
  at: string;
  reason: string;
  raterNip?: string | null;
  raterSupervisorNip?: string | null;
  unitId?: string;
}

export interface PlanStep {
  kind: 'SUBMITTED' | 'RETURNED' | 'APPROVED';
  at: string;
  byNip: string | null;
  comments: string | null;
}

export interface RatingVersionView {
  version: number;
  status: 'SUBMITTED' | 'APPROVED' | 'RETURNED';
  rating: Data<'SupervisorRatingSubmitted.v1'>;
  /** Flagged: rated while a conflict of interest between this rater and the employee was declared. */
  conflictOfInterestFlagged: boolean;
  /** Marked for dialogue (a wide self-vs-supervisor gap) and no dialogue that counts yet (dialogue-rules.ts). */
  dialogueRequired: boolean;
  /** The rater's notes after the mark still awaiting the employee's acknowledgement, with the day they count anyway. */
  dialogueAwaiting: { noteId: string; lastDay: string }[];
  decisions: { kind: 'APPROVED' | 'RETURNED'; byNip: string; at: string; reasons: string | null }[];
}

export interface AppraisalView {
  viewer: Viewer;
  cycleId: string;
  nip: string;
  agencyId: string;
  unitId: string;
  jobType: ActiveAppraisal['jobType'];
  status: 'ACTIVE' | 'ENDED';
  raterNip: string | null;
  raterSupervisorNip: string | null;
  period: { start: string; end: string; timeZone: string };
  frameworkRef: ActiveAppraisal['frameworkRef'];
  policyRef: ActiveAppraisal['policyRef'];
  assignment: AssignmentStep[];
  plan: {
    status: PlanStatus;
    submissions: number;
    rhk: RhkContent[];
    removed: Data<'RhkRemoved.v1'>[];
    history: PlanStep[];
  };
  behaviourExpectations: { value: BerakhlakValueCode; expectation: string; setByNip: string; setAt: string }[];
  feedbackRequests: (Data<'FeedbackRequested.v1'> & { answered: boolean })[];
  feedback: Correctable<Data<'FeedbackGiven.v1'>>[];
  realisations: Correctable<Data<'RealisationRecorded.v1'>>[];
  evidence: Data<'EvidenceAttached.v1'>[];
  comments: Correctable<Data<'CommentAdded.v1'>>[];
  dialogueNotes: Correctable<Data<'DialogueNoteRecorded.v1'> & { acknowledgedAt: string | null }>[];
  /** Every version the employee submitted, oldest first. */
  selfAssessments: Data<'SelfAssessmentSubmitted.v1'>[];
  peer: {
    proposedReviewerNips: readonly string[];
    /** null for the employee: who was chosen is not shown to the person they review. */
    chosenReviewerNips: readonly string[] | null;
    chosenCount: number;
    submittedCount: number;
    anonymityMinimum: number;
    /** The policy's anonymous aggregate (null until enough reviewers have answered). */
    aggregate: ReturnType<typeof aggregatePeerInput>;
  };
  ratings: RatingVersionView[];
  /** The latest rating waits for a dialogue note before it can be approved. */
  dialogueRequired: boolean;
  /** The latest version, when it is approved (a revision during determination awaits approval again). */
  approved: { version: number; predikat: Predikat } | null;
  result: ActiveAppraisal['publication'];
  receipt: ActiveAppraisal['receipt'];
  /** Keberatan on the published result, as this viewer may see them (objection-view.ts). */
  objections: ObjectionView[];
}

/**
 * `events`: the appraisal stream's events in order (the ones `state` was folded from); `now`: the server's clock,
 * because an unacknowledged dialogue note starts to count once its deadline has passed.
 */
export function viewAppraisal(
  state: ActiveAppraisal,
  events: readonly AppraisalEvent[],
  viewer: Viewer,
  now: string,
): AppraisalView {
  const entries = collectEntries(events);
  const ratings = state.ratings.map((r): RatingVersionView => {
    const dialogue = r.status === 'SUBMITTED' ? dialogueStatus(state, r, now) : { required: false as const };
    const open = dialogue.required && dialogue.settled === null;
    return {
      version: r.version,
      status: r.status,
      rating: r.data,
      conflictOfInterestFlagged: r.conflictOfInterestDeclarationIds.length > 0,
      dialogueRequired: open,
      dialogueAwaiting: open
        ? dialogue.awaitingAcknowledgement.map((w) => ({ noteId: w.noteId, lastDay: w.until.lastDay }))
        : [],
      decisions: entries.ratingDecisions.filter((d) => d.version === r.version).map(({ version: _v, ...d }) => d),
    };
  });
  const approved = approvedRating(state);
  return {
    viewer,
    cycleId: state.cycleId,
    nip: state.nip,
    agencyId: state.agencyId,
    unitId: state.unitId,
    jobType: state.jobType,
    status: state.status === 'ended' ? 'ENDED' : 'ACTIVE',
    raterNip: state.raterNip,
    raterSupervisorNip: state.raterSupervisorNip,
    period: { start: state.periodStart, end: state.periodEnd, timeZone: state.timeZone },
    frameworkRef: state.frameworkRef,
    policyRef: state.policyRef,
    assignment: entries.assignment,
    plan: {
      status: state.plan.status,
      submissions: state.plan.submissions,
      rhk: Object.values(state.plan.rhk),
      removed: entries.removedRhk,
      history: entries.planHistory,
    },
    behaviourExpectations: BERAKHLAK_VALUES.flatMap((value) => {
      const latest = entries.expectations.get(value);
      return latest ? [latest] : [];
    }),
    feedbackRequests: entries.feedbackRequests.map((r) => ({
      ...r,
      answered: state.feedbackRequests[r.requestId]?.answered ?? false,
    })),
    feedback: withCorrections(entries.feedback, (f) => f.feedbackId),
    realisations: withCorrections(entries.realisations, (r) => r.realisationId),
    evidence: entries.evidence,
    comments: withCorrections(entries.comments, (c) => c.commentId),
    dialogueNotes: withCorrections(
      entries.dialogueNotes.map((n) => ({
        ...n,
        acknowledgedAt: state.dialogueNotes[n.noteId]?.acknowledgedAt ?? null,
      })),
      (n) => n.noteId,
    ),
    selfAssessments: entries.selfAssessments,
    peer: {
      proposedReviewerNips: state.peer.proposed,
      chosenReviewerNips: viewer === 'EMPLOYEE' ? null : state.peer.reviewers,
      chosenCount: state.peer.reviewers.length,
      submittedCount: Object.keys(state.peer.inputs).length,
      anonymityMinimum: state.policy.peerAnonymityMinimum,
      aggregate: aggregatePeerInput(state.peer.inputs, state.policy.peerAnonymityMinimum),
    },
    ratings,
    dialogueRequired: ratings.at(-1)?.dialogueRequired ?? false,
    approved: approved ? { version: approved.version, predikat: approved.predikat } : null,
    result: state.publication,
    receipt: state.receipt,
    objections: viewObjections(events, viewer, now),
  };
}

interface Entries {
  assignment: AssignmentStep[];
  removedRhk: Data<'RhkRemoved.v1'>[];
  planHistory: PlanStep[];
  expectations: Map<BerakhlakValueCode, AppraisalView['behaviourExpectations'][number]>;
  feedbackRequests: Data<'FeedbackRequested.v1'>[];
  feedback: Data<'FeedbackGiven.v1'>[];
  realisations: Data<'RealisationRecorded.v1'>[];
  evidence: Data<'EvidenceAttached.v1'>[];
  comments: Data<'CommentAdded.v1'>[];
  dialogueNotes: Data<'DialogueNoteRecorded.v1'>[];
  selfAssessments: Data<'SelfAssessmentSubmitted.v1'>[];
  ratingDecisions: (RatingVersionView['decisions'][number] & { version: number })[];
}

/** The texts and histories the state does not keep. Peer inputs are deliberately not collected. */
function collectEntries(events: readonly AppraisalEvent[]): Entries {
  const e: Entries = {
    assignment: [],
    removedRhk: [],
    planHistory: [],
    expectations: new Map(),
    feedbackRequests: [],
    feedback: [],
    realisations: [],
    evidence: [],
    comments: [],
    dialogueNotes: [],
    selfAssessments: [],
    ratingDecisions: [],
  };
  for (const event of events) {
    switch (event.type) {
      case 'AppraisalStarted.v1': {
        const { startedAt, reason, raterNip, raterSupervisorNip, unitId } = event.data;
        e.assignment.push({ kind: 'STARTED', at: startedAt, reason, raterNip, raterSupervisorNip, unitId });
        break;
      }
      case 'RaterChanged.v1': {
        const { changedAt, reason, toRaterNip, raterSupervisorNip } = event.data;
        e.assignment.push({ kind: 'RATER_CHANGED', at: changedAt, reason, raterNip: toRaterNip, raterSupervisorNip });
        break;
      }
      case 'AppraisalTransferred.v1':
        e.assignment.push({
          kind: 'TRANSFERRED',
          at: event.data.transferredAt,
          reason: event.data.reason,
          unitId: event.data.toUnitId,
        });
        break;
      case 'AppraisalEnded.v1':
        e.assignment.push({ kind: 'ENDED', at: event.data.endedAt, reason: event.data.reason });
        break;
      case 'RhkRemoved.v1':
        e.removedRhk.push(event.data);
        break;
      case 'PlanSubmitted.v1':
        e.planHistory.push({ kind: 'SUBMITTED', at: event.data.submittedAt, byNip: null, comments: null });
        break;
      case 'PlanReturned.v1':
        e.planHistory.push({
          kind: 'RETURNED',
          at: event.data.returnedAt,
          byNip: event.data.returnedByNip,
          comments: event.data.comments,
        });
        break;
      case 'PlanApproved.v1':
        e.planHistory.push({
          kind: 'APPROVED',
          at: event.data.approvedAt,
          byNip: event.data.approvedByNip,
          comments: null,
        });
        break;
      case 'BehaviourExpectationSet.v1':
        e.expectations.set(event.data.value, event.data);
        break;
      case 'FeedbackRequested.v1':
        e.feedbackRequests.push(event.data);
        break;
      case 'FeedbackGiven.v1':
        e.feedback.push(event.data);
        break;
      case 'RealisationRecorded.v1':
        e.realisations.push(event.data);
        break;
      case 'EvidenceAttached.v1':
        e.evidence.push(event.data);
        break;
      case 'CommentAdded.v1':
        e.comments.push(event.data);
        break;
      case 'DialogueNoteRecorded.v1':
        e.dialogueNotes.push(event.data);
        break;
      case 'SelfAssessmentSubmitted.v1':
        e.selfAssessments.push(event.data);
        break;
      case 'RatingApproved.v1':
        e.ratingDecisions.push({
          kind: 'APPROVED',
          version: event.data.version,
          byNip: event.data.approvedByNip,
          at: event.data.approvedAt,
          reasons: null,
        });
        break;
      case 'RatingReturned.v1':
        e.ratingDecisions.push({
          kind: 'RETURNED',
          version: event.data.version,
          byNip: event.data.returnedByNip,
          at: event.data.returnedAt,
          reasons: event.data.reasons,
        });
        break;
      default:
        // Peer input (anonymous), ratings and publication come from the state; RHK content too.
        break;
    }
  }
  return e;
}

function withCorrections<T extends { corrects: string | null }>(
  items: T[],
  idOf: (item: T) => string,
): Correctable<T>[] {
  return items.map((item) => ({
    ...item,
    correctedBy: items.filter((other) => other.corrects === idOf(item)).map(idOf),
  }));
}
