// The commands an appraisal decides, with the cross-stream facts the caller must look up and pass in (the
// decider does no I/O). `actorNip` is the acting person's NIP from the token (null for HR/ADMIN/system acts);
// `now` comes from the injected clock. Each use case folder exports `<useCase>Decider` deciding its command.
import type { Policy, Rating } from '../../../policy/src/policy.js';
import type { PolicyRef } from '../../../policy/src/versions/policy-events.js';
import type { JobType } from '../../../organization/src/employee/position.js';
import type { CyclePhase } from '../cycle/cycle-events.js';
import type {
  BerakhlakValueCode,
  CompetencyObservation,
  EvidenceFile,
  ExclusionCategory,
  FrameworkRef,
  IkiRealisation,
  ItemRef,
  RhkContent,
  RhkSelfRating,
  ValueRating,
} from './appraisal-events.js';

interface Base {
  now: string;
  actorNip: string | null;
  /** The cycle's current phase (from the cycle stream): commands are allowed only in some phases. */
  cyclePhase: CyclePhase;
}

export interface StartAppraisal extends Omit<Base, 'actorNip'> {
  type: 'StartAppraisal';
  data: {
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
    reason: 'CYCLE_OPENED' | 'JOINED_MID_CYCLE';
  };
}
export interface ChangeRater extends Base {
  type: 'ChangeRater';
  data: { toRaterNip: string | null; raterSupervisorNip: string | null; reason: string };
}
export interface TransferAppraisal extends Base {
  type: 'TransferAppraisal';
  data: { toUnitId: string; reason: string };
}
export interface EndAppraisal extends Base {
  type: 'EndAppraisal';
  data: { reason: string };
}
export interface ExcludeFromAssessment extends Base {
  type: 'ExcludeFromAssessment';
  data: { reason: string; category: ExclusionCategory };
  /** Fact (from the cycle stream): the appraisal's population is determined; its members are then final. */
  populationDetermined: boolean;
}
export interface IncludeInAssessment extends Base {
  type: 'IncludeInAssessment';
  data: { reason: string };
  populationDetermined: boolean;
}

/** Fact for cascading: the rater's appraisal in the same cycle, or null when the rater has none. */
export interface RaterPlanFact {
  raterNip: string;
  /** RHK ids of the rater's plan (any status but removed). */
  rhkIds: string[];
}
export interface DraftRhk extends Base {
  type: 'DraftRhk';
  data: RhkContent;
  raterPlan: RaterPlanFact | null;
}
export interface ReviseRhk extends Base {
  type: 'ReviseRhk';
  data: RhkContent;
  raterPlan: RaterPlanFact | null;
}
export interface RemoveRhk extends Base {
  type: 'RemoveRhk';
  data: { rhkId: string; reason: string };
}
export interface SubmitPlan extends Base {
  type: 'SubmitPlan';
  data: Record<string, never>;
}
export interface ReturnPlan extends Base {
  type: 'ReturnPlan';
  data: { comments: string };
}
export interface ApprovePlan extends Base {
  type: 'ApprovePlan';
  data: Record<string, never>;
}
export interface SetBehaviourExpectation extends Base {
  type: 'SetBehaviourExpectation';
  data: { value: BerakhlakValueCode; expectation: string };
}

export interface RequestFeedback extends Base {
  type: 'RequestFeedback';
  data: { requestId: string; askedNip: string; note: string };
}
export interface GiveFeedback extends Base {
  type: 'GiveFeedback';
  data: {
    feedbackId: string;
    requestId: string | null;
    text: string;
    relatesTo: ItemRef | null;
    evidenceIds: string[];
    corrects: string | null;
  };
}
export interface RecordRealisation extends Base {
  type: 'RecordRealisation';
  data: IkiRealisation & { realisationId: string; evidenceIds: string[]; corrects: string | null };
}
export interface AttachEvidence extends Base {
  type: 'AttachEvidence';
  data: {
    evidenceId: string;
    kind: 'LINK' | 'FILE';
    url: string | null;
    file: EvidenceFile | null;
    description: string;
  };
}
export interface AddComment extends Base {
  type: 'AddComment';
  data: { commentId: string; on: ItemRef; text: string; corrects: string | null };
}
export interface RecordDialogueNote extends Base {
  type: 'RecordDialogueNote';
  data: { noteId: string; heldOn: string; text: string; corrects: string | null };
}

export interface AcknowledgeDialogueNote extends Base {
  type: 'AcknowledgeDialogueNote';
  data: { noteId: string; comment: string | null };
}

export interface SubmitSelfAssessment extends Base {
  type: 'SubmitSelfAssessment';
  data: { rhk: RhkSelfRating[]; values: ValueRating[]; hasilKerja: Rating; perilaku: Rating };
}
/** How a proposed/chosen reviewer stands to the appraised employee (from the reporting lines read model). */
export interface ReviewerFact {
  nip: string;
  /** PEER: same rater as the employee; SUBORDINATE: rated by the employee; OTHER: neither (refused). */
  relation: 'PEER' | 'SUBORDINATE' | 'OTHER';
  agencyId: string;
}
export interface ProposePeerReviewer extends Base {
  type: 'ProposePeerReviewer';
  data: { reviewerNip: string };
  reviewer: ReviewerFact | null;
}
export interface ChoosePeerReviewers extends Base {
  type: 'ChoosePeerReviewers';
  data: { reviewerNips: string[] };
  reviewers: (ReviewerFact | null)[];
}
export interface SubmitPeerInput extends Base {
  type: 'SubmitPeerInput';
  data: { values: ValueRating[] };
}
export interface SubmitSupervisorRating extends Base {
  type: 'SubmitSupervisorRating';
  data: {
    realisations: IkiRealisation[];
    hasilKerja: Rating;
    perilaku: Rating;
    valueNotes: { value: BerakhlakValueCode; note: string }[];
    competencyLevels: CompetencyObservation[];
    justification: string | null;
    evidenceIds: string[];
  };
  /** Active conflict-of-interest declarations between the acting rater and the employee. */
  activeConflictOfInterestIds: string[];
  /** Whether the employee's population has been determined (penetapan): its ratings are then final. */
  populationDetermined: boolean;
  /**
   * The competency codes a level may be given for: the levelled competencies (managerial, socio-cultural,
   * technical) of the pinned framework version, or of the built-in catalogue when the cycle pinned none.
   */
  knownCompetencyCodes: readonly string[];
}
export interface ApproveRating extends Base {
  type: 'ApproveRating';
  /** Required (a reason) when the rating was made under an active conflict-of-interest declaration. */
  data: { version: number; conflictOfInterestAcknowledgement?: string | null };
}
export interface ReturnRating extends Base {
  type: 'ReturnRating';
  data: { version: number; reasons: string };
}
export interface PublishResult extends Base {
  type: 'PublishResult';
  data: Record<string, never>;
  /** Required competency levels of the employee's position in the pinned framework version. */
  requiredLevels: { code: string; level: number }[];
}
export interface AcknowledgeReceipt extends Base {
  type: 'AcknowledgeReceipt';
  data: Record<string, never>;
}
