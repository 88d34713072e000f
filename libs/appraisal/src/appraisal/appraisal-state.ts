// The state every appraisal decision folds from its stream. evolve never throws (replay must always succeed).
import type { Policy, Predikat, Rating } from '../../../policy/src/policy.js';
import type { PolicyRef } from '../../../policy/src/versions/policy-events.js';
import type { Deadline } from '../../../policy/src/deadlines.js';
import type { JobType } from '../../../organization/src/employee/position.js';
import type {
  AppraisalEvent,
  AppraisalEventOf,
  BerakhlakValueCode,
  FrameworkRef,
  ItemKind,
  Recommendation,
  RhkContent,
  ValueRating,
} from './appraisal-events.js';
import { evolveObjections, type ObjectionRecord } from '../objection/objection-state.js';

export type PlanStatus = 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'APPROVED';

export interface RatingVersion {
  version: number;
  status: 'SUBMITTED' | 'APPROVED' | 'RETURNED';
  raterNip: string;
  hasilKerja: Rating;
  perilaku: Rating;
  predikat: Predikat;
  forDialogue: boolean;
  conflictOfInterestDeclarationIds: string[];
  /** Position in the stream's own sequence, so "a dialogue note after this rating" can be checked. */
  seq: number;
  /** A dialogue that unlocks approval must come after this seq: the rating, or the self-assessment that marked it. */
  dialogueSinceSeq: number;
  data: AppraisalEventOf<'SupervisorRatingSubmitted.v1'>['data'];
}

export interface ActiveAppraisal {
  status: 'active' | 'ended';
  /** Number of events folded so far: item ordering within the stream. */
  seq: number;
  cycleId: string;
  nip: string;
  agencyId: string;
  unitId: string;
  jobType: JobType | null;
  raterNip: string | null;
  raterSupervisorNip: string | null;
  periodStart: string;
  periodEnd: string;
  timeZone: string;
  frameworkRef: FrameworkRef | null;
  policyRef: PolicyRef;
  policy: Policy;
  plan: { status: PlanStatus; rhk: Readonly<Record<string, RhkContent>>; submissions: number };
  behaviourExpectations: Readonly<Partial<Record<BerakhlakValueCode, string>>>;
  feedbackRequests: Readonly<Record<string, { askedNip: string; answered: boolean }>>;
  /** Every item id already used, by kind, with its author: ids are unique per kind; corrections name one. */
  items: Readonly<Record<ItemKind, Readonly<Record<string, { authorNip: string | null }>>>>;
  /** seq of the latest dialogue note. */
  lastDialogueNoteSeq: number | null;
  /** Every dialogue note, by id: who recorded it, when in the stream, and the employee's acknowledgement. */
  dialogueNotes: Readonly<Record<string, DialogueNote>>;
  selfAssessment: { version: number; hasilKerja: Rating; perilaku: Rating; rhk: string[] } | null;
  peer: {
    proposed: readonly string[];
    reviewers: readonly string[];
    inputs: Readonly<Record<string, ValueRating[]>>;
  };
  ratings: readonly RatingVersion[];
  publication: {
    ratingVersion: number;
    predikat: Predikat;
    hasilKerja: Rating;
    perilaku: Rating;
    recommendations: Recommendation[];
    publishedAt: string;
  } | null;
  receipt: { receivedAt: string; objectionDeadline: Deadline } | null;
  /** Keberatan filed against the published result, oldest first; at most one OPEN. */
  objections: readonly ObjectionRecord[];
  /** Set while HR has taken the appraisal out of the cycle's assessment (absent: never excluded). */
  exclusion?: AppraisalEventOf<'AppraisalExcluded.v1'>['data'] | null;
}

export interface DialogueNote {
  recordedByNip: string;
  seq: number;
  recordedAt: string;
  acknowledgedAt: string | null;
}

export type AppraisalState = { status: 'none' } | ActiveAppraisal;

export const initialAppraisalState = (): AppraisalState => ({ status: 'none' });

const emptyItems = (): ActiveAppraisal['items'] => ({
  RHK: {},
  IKI: {},
  FEEDBACK: {},
  REALISATION: {},
  EVIDENCE: {},
  COMMENT: {},
  DIALOGUE_NOTE: {},
  SELF_ASSESSMENT: {},
  RATING: {},
});

function withItem(state: ActiveAppraisal, kind: ItemKind, id: string, authorNip: string | null): ActiveAppraisal {
  return { ...state, items: { ...state.items, [kind]: { ...state.items[kind], [id]: { authorNip } } } };
}

/** The latest rating version, if any. */
export const latestRating = (state: ActiveAppraisal): RatingVersion | undefined => state.ratings.at(-1);

/**
 * The approved rating, if the latest version is approved. During determination a rater may revise an approved
 * rating to fit the unit's curve: the new version then awaits approval and the appraisal counts as unapproved.
 */
export const approvedRating = (state: ActiveAppraisal): RatingVersion | undefined => {
  const latest = latestRating(state);
  return latest?.status === 'APPROVED' ? latest : undefined;
};

export function evolveAppraisal(state: AppraisalState, event: AppraisalEvent): AppraisalState {
  if (event.type === 'AppraisalStarted.v1') {
    const d = event.data;
    return {
      status: 'active',
      seq: 1,
      cycleId: d.cycleId,
      nip: d.nip,
      agencyId: d.agencyId,
      unitId: d.unitId,
      jobType: d.jobType,
      raterNip: d.raterNip,
      raterSupervisorNip: d.raterSupervisorNip,
      periodStart: d.periodStart,
      periodEnd: d.periodEnd,
      timeZone: d.timeZone,
      frameworkRef: d.frameworkRef,
      policyRef: d.policyRef,
      policy: d.policy,
      plan: { status: 'DRAFT', rhk: {}, submissions: 0 },
      behaviourExpectations: {},
      feedbackRequests: {},
      items: emptyItems(),
      lastDialogueNoteSeq: null,
      dialogueNotes: {},
      selfAssessment: null,
      peer: { proposed: [], reviewers: [], inputs: {} },
      ratings: [],
      publication: null,
      receipt: null,
      objections: [],
    };
  }
  if (state.status === 'none') return state;
  const s: ActiveAppraisal = { ...state, seq: state.seq + 1 };
  switch (event.type) {
    case 'RaterChanged.v1':
      return { ...s, raterNip: event.data.toRaterNip, raterSupervisorNip: event.data.raterSupervisorNip };
    case 'AppraisalTransferred.v1':
      return { ...s, unitId: event.data.toUnitId };
    case 'AppraisalEnded.v1':
      return { ...s, status: 'ended' };
    case 'AppraisalExcluded.v1':
      return { ...s, exclusion: event.data };
    case 'AppraisalIncluded.v1':
      return { ...s, exclusion: null };
    case 'RhkDrafted.v1':
    case 'RhkRevised.v1': {
      const {
        draftedAt: _d,
        revisedAt: _r,
        ...content
      } = event.data as RhkContent & {
        draftedAt?: string;
        revisedAt?: string;
      };
      const planStatus = s.plan.status === 'RETURNED' ? 'DRAFT' : s.plan.status;
      const next = withItem(s, 'RHK', content.rhkId, s.nip);
      return {
        ...content.iki.reduce((acc, iki) => withItem(acc, 'IKI', iki.ikiId, s.nip), next),
        plan: { ...s.plan, status: planStatus, rhk: { ...s.plan.rhk, [content.rhkId]: content } },
      };
    }
    case 'RhkRemoved.v1': {
      const { [event.data.rhkId]: _removed, ...rhk } = s.plan.rhk;
      return { ...s, plan: { ...s.plan, status: s.plan.status === 'RETURNED' ? 'DRAFT' : s.plan.status, rhk } };
    }
    case 'PlanSubmitted.v1':
      return { ...s, plan: { ...s.plan, status: 'SUBMITTED', submissions: s.plan.submissions + 1 } };
    case 'PlanReturned.v1':
      return { ...s, plan: { ...s.plan, status: 'RETURNED' } };
    case 'PlanApproved.v1':
      return { ...s, plan: { ...s.plan, status: 'APPROVED' } };
    case 'BehaviourExpectationSet.v1':
      return {
        ...s,
        behaviourExpectations: { ...s.behaviourExpectations, [event.data.value]: event.data.expectation },
      };
    case 'FeedbackRequested.v1':
      return {
        ...s,
        feedbackRequests: {
          ...s.feedbackRequests,
          [event.data.requestId]: { askedNip: event.data.askedNip, answered: false },
        },
      };
    case 'FeedbackGiven.v1': {
      const next = withItem(s, 'FEEDBACK', event.data.feedbackId, event.data.giverNip);
      const requestId = event.data.requestId;
      const request = requestId ? s.feedbackRequests[requestId] : undefined;
      if (!requestId || !request) return next;
      return { ...next, feedbackRequests: { ...s.feedbackRequests, [requestId]: { ...request, answered: true } } };
    }
    case 'RealisationRecorded.v1':
      return withItem(s, 'REALISATION', event.data.realisationId, event.data.recordedByNip);
    case 'EvidenceAttached.v1':
      return withItem(s, 'EVIDENCE', event.data.evidenceId, event.data.attachedByNip);
    case 'CommentAdded.v1':
      return withItem(s, 'COMMENT', event.data.commentId, event.data.authorNip);
    case 'DialogueNoteRecorded.v1': {
      const { noteId, recordedByNip, recordedAt } = event.data;
      return {
        ...withItem(s, 'DIALOGUE_NOTE', noteId, recordedByNip),
        lastDialogueNoteSeq: s.seq,
        dialogueNotes: {
          ...s.dialogueNotes,
          [noteId]: { recordedByNip, seq: s.seq, recordedAt, acknowledgedAt: null },
        },
      };
    }
    case 'DialogueNoteAcknowledged.v1': {
      const note = s.dialogueNotes[event.data.noteId];
      if (!note) return s;
      return {
        ...s,
        dialogueNotes: {
          ...s.dialogueNotes,
          [event.data.noteId]: { ...note, acknowledgedAt: event.data.acknowledgedAt },
        },
      };
    }
    case 'SelfAssessmentSubmitted.v1': {
      const d = event.data;
      const marked = d.ratingGap?.forDialogue ? d.ratingGap.version : null;
      return {
        ...withItem(s, 'SELF_ASSESSMENT', String(d.version), s.nip),
        ratings:
          marked === null
            ? s.ratings
            : s.ratings.map((r) => (r.version === marked ? { ...r, forDialogue: true, dialogueSinceSeq: s.seq } : r)),
        selfAssessment: {
          version: d.version,
          hasilKerja: d.hasilKerja,
          perilaku: d.perilaku,
          rhk: d.rhk.map((r) => r.rhkId),
        },
      };
    }
    case 'PeerReviewerProposed.v1':
      return s.peer.proposed.includes(event.data.reviewerNip)
        ? s
        : { ...s, peer: { ...s.peer, proposed: [...s.peer.proposed, event.data.reviewerNip] } };
    case 'PeerReviewersChosen.v1':
      return { ...s, peer: { ...s.peer, reviewers: event.data.reviewerNips } };
    case 'PeerInputSubmitted.v1':
      return {
        ...s,
        peer: { ...s.peer, inputs: { ...s.peer.inputs, [event.data.reviewerNip]: event.data.values } },
      };
    case 'SupervisorRatingSubmitted.v1': {
      const d = event.data;
      const rating: RatingVersion = {
        version: d.version,
        status: 'SUBMITTED',
        raterNip: d.raterNip,
        hasilKerja: d.hasilKerja,
        perilaku: d.perilaku,
        predikat: d.predikat,
        forDialogue: d.forDialogue,
        conflictOfInterestDeclarationIds: d.conflictOfInterestDeclarationIds,
        seq: s.seq,
        dialogueSinceSeq: s.seq,
        data: d,
      };
      return { ...withItem(s, 'RATING', String(d.version), d.raterNip), ratings: [...s.ratings, rating] };
    }
    case 'RatingApproved.v1':
    case 'RatingReturned.v1': {
      const status = event.type === 'RatingApproved.v1' ? 'APPROVED' : 'RETURNED';
      return {
        ...s,
        ratings: s.ratings.map((r) => (r.version === event.data.version ? { ...r, status } : r)),
      };
    }
    case 'ResultPublished.v1': {
      const d = event.data;
      return {
        ...s,
        publication: {
          ratingVersion: d.ratingVersion,
          predikat: d.predikat,
          hasilKerja: d.hasilKerja,
          perilaku: d.perilaku,
          recommendations: d.recommendations,
          publishedAt: d.publishedAt,
        },
      };
    }
    case 'ResultReceived.v1':
      return { ...s, receipt: { receivedAt: event.data.receivedAt, objectionDeadline: event.data.objectionDeadline } };
    case 'ObjectionDecided.v1': {
      const objections = evolveObjections(s.objections, event);
      const { outcome, after, recommendations } = event.data;
      if (outcome !== 'CHANGED' || !s.publication) return { ...s, objections };
      return { ...s, objections, publication: { ...s.publication, ...after, recommendations } };
    }
    case 'ObjectionFiled.v1':
    case 'ObjectionDeciderAssigned.v1':
    case 'ObjectionStatementRequested.v1':
    case 'ObjectionStatementGiven.v1':
    case 'ObjectionWithdrawn.v1':
      return { ...s, objections: evolveObjections(s.objections, event) };
  }
}
