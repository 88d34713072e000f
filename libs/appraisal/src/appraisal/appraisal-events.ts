// Everything about one employee's score in one cycle lives in one stream, `appraisal-{cycleId}-{nip}`, so an
// auditor's replay is one stream read (DESIGN section 3). Nothing is edited: a correction is a new event that
// names what it corrects (`corrects`), a revised rating is a new version, a returned plan keeps its history.
import type { DomainEvent } from '../../../shared-kernel/src/decider.js';
import type { Policy, Predikat, Rating } from '../../../policy/src/policy.js';
import type { PolicyRef } from '../../../policy/src/versions/policy-events.js';
import type { Deadline } from '../../../policy/src/deadlines.js';
import type { JobType } from '../../../organization/src/employee/position.js';
import type { ObjectionEvent } from '../objection/objection-events.js';

export const appraisalStreamName = (cycleId: string, nip: string): string => `appraisal-${cycleId}-${nip}`;

/** The seven BerAKHLAK values (libs/competency built-in catalogue codes). */
export const BERAKHLAK_VALUES = [
  'BERORIENTASI_PELAYANAN',
  'AKUNTABEL',
  'KOMPETEN',
  'HARMONIS',
  'LOYAL',
  'ADAPTIF',
  'KOLABORATIF',
] as const;
export type BerakhlakValueCode = (typeof BERAKHLAK_VALUES)[number];

export interface FrameworkRef {
  frameworkId: string;
  version: number;
}

export type RhkKind = 'UTAMA' | 'TAMBAHAN';
export type IkiAspect = 'KUANTITAS' | 'KUALITAS' | 'WAKTU' | 'BIAYA';

/** A quantitative IKI has an aspect and a numeric target with a unit; a qualitative one a narrative target. */
export type Iki =
  | { ikiId: string; description: string; type: 'QUANTITATIVE'; aspect: IkiAspect; target: number; unit: string }
  | { ikiId: string; description: string; type: 'QUALITATIVE'; target: string };

export interface RhkContent {
  rhkId: string;
  kind: RhkKind;
  title: string;
  /** The supervisor's RHK this one intervenes (cascades from); null only where perjanjianKinerjaRef is used. */
  cascadesFrom: { raterNip: string; rhkId: string } | null;
  /** JPT, or an employee whose rater has no appraisal in this cycle: the unit's Perjanjian Kinerja item. */
  perjanjianKinerjaRef: string | null;
  iki: Iki[];
}

export type ItemKind =
  'RHK' | 'IKI' | 'FEEDBACK' | 'REALISATION' | 'EVIDENCE' | 'COMMENT' | 'DIALOGUE_NOTE' | 'SELF_ASSESSMENT' | 'RATING';
/** A reference to something in this appraisal: RHK/IKI/… by id, SELF_ASSESSMENT/RATING by version number. */
export interface ItemRef {
  kind: ItemKind;
  id: string;
}

export interface EvidenceFile {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  /** Hex SHA-256 of the file's content: the file itself is stored elsewhere; this proves which one it was. */
  sha256: string;
}

export interface RhkSelfRating {
  rhkId: string;
  rating: Rating;
  note: string;
  evidenceIds: string[];
}
export interface ValueRating {
  value: BerakhlakValueCode;
  rating: Rating;
  note: string;
}
export interface IkiRealisation {
  rhkId: string;
  ikiId: string;
  /** Numeric for a quantitative IKI, narrative for a qualitative one. */
  value: number | null;
  narrative: string | null;
}
export interface CompetencyObservation {
  code: string;
  level: 1 | 2 | 3 | 4 | 5;
}

export type Recommendation =
  | { kind: 'TRAINING'; competencyCode: string; requiredLevel: number; observedLevel: number; gap: number }
  | { kind: 'COACHING'; predikat: Predikat }
  | { kind: 'TALENT_POOL'; predikat: Predikat; nineBox: number | null };

/** Why HR takes an appraisal out of a cycle's assessment (README "Appraisal cycles", exclusions). */
export const EXCLUSION_CATEGORIES = ['LONG_LEAVE', 'SECONDMENT', 'DEATH', 'DISMISSAL', 'LATE_JOINER', 'OTHER'] as const;
export type ExclusionCategory = (typeof EXCLUSION_CATEGORIES)[number];

export type AppraisalEvent =
  | DomainEvent<
      'AppraisalStarted.v1',
      {
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
        /** The pinned policy, copied so that a replay of this one stream explains the predikat. */
        policy: Policy;
        reason: 'CYCLE_OPENED' | 'JOINED_MID_CYCLE';
        startedAt: string;
      }
    >
  | DomainEvent<
      'RaterChanged.v1',
      {
        fromRaterNip: string | null;
        toRaterNip: string | null;
        raterSupervisorNip: string | null;
        reason: string;
        changedAt: string;
      }
    >
  | DomainEvent<
      'AppraisalTransferred.v1',
      { fromUnitId: string; toUnitId: string; reason: string; transferredAt: string }
    >
  | DomainEvent<'AppraisalEnded.v1', { reason: string; endedAt: string }>
  | DomainEvent<
      'AppraisalExcluded.v1',
      /** Taken out of the cycle's assessment (not assessed, not in its population's curve); the record stays. */
      { reason: string; category: ExclusionCategory; excludedAt: string }
    >
  | DomainEvent<'AppraisalIncluded.v1', { reason: string; includedAt: string }>
  | DomainEvent<'RhkDrafted.v1', RhkContent & { draftedAt: string }>
  | DomainEvent<'RhkRevised.v1', RhkContent & { revisedAt: string }>
  | DomainEvent<'RhkRemoved.v1', { rhkId: string; reason: string; removedAt: string }>
  | DomainEvent<'PlanSubmitted.v1', { submittedAt: string }>
  | DomainEvent<'PlanReturned.v1', { comments: string; returnedByNip: string; returnedAt: string }>
  | DomainEvent<'PlanApproved.v1', { approvedByNip: string; approvedAt: string }>
  | DomainEvent<
      'BehaviourExpectationSet.v1',
      { value: BerakhlakValueCode; expectation: string; setByNip: string; setAt: string }
    >
  | DomainEvent<'FeedbackRequested.v1', { requestId: string; askedNip: string; note: string; requestedAt: string }>
  | DomainEvent<
      'FeedbackGiven.v1',
      {
        feedbackId: string;
        giverNip: string;
        /** RATER: the pejabat penilai; REQUESTED: someone the employee asked (requestId set). */
        giverRelation: 'RATER' | 'REQUESTED';
        requestId: string | null;
        text: string;
        relatesTo: ItemRef | null;
        evidenceIds: string[];
        corrects: string | null;
        givenAt: string;
      }
    >
  | DomainEvent<
      'RealisationRecorded.v1',
      IkiRealisation & {
        realisationId: string;
        evidenceIds: string[];
        corrects: string | null;
        recordedByNip: string;
        recordedAt: string;
      }
    >
  | DomainEvent<
      'EvidenceAttached.v1',
      {
        evidenceId: string;
        kind: 'LINK' | 'FILE';
        url: string | null;
        file: EvidenceFile | null;
        description: string;
        attachedByNip: string;
        attachedAt: string;
      }
    >
  | DomainEvent<
      'CommentAdded.v1',
      { commentId: string; on: ItemRef; text: string; authorNip: string; corrects: string | null; addedAt: string }
    >
  | DomainEvent<
      'DialogueNoteRecorded.v1',
      {
        noteId: string;
        heldOn: string;
        text: string;
        recordedByNip: string;
        corrects: string | null;
        recordedAt: string;
      }
    >
  | DomainEvent<
      'DialogueNoteAcknowledged.v1',
      { noteId: string; acknowledgedByNip: string; comment: string; acknowledgedAt: string }
    >
  | DomainEvent<
      'SelfAssessmentSubmitted.v1',
      {
        version: number;
        rhk: RhkSelfRating[];
        values: ValueRating[];
        hasilKerja: Rating;
        perilaku: Rating;
        /**
         * A self-assessment after a rating: its gap against the latest rating version; when wide, that version
         * now waits for a dialogue. Absent on self-assessments submitted before any rating.
         */
        ratingGap?: { version: number; gap: number; forDialogue: boolean } | null;
        submittedAt: string;
      }
    >
  | DomainEvent<'PeerReviewerProposed.v1', { reviewerNip: string; proposedAt: string }>
  | DomainEvent<'PeerReviewersChosen.v1', { reviewerNips: string[]; chosenByNip: string; chosenAt: string }>
  | DomainEvent<'PeerInputSubmitted.v1', { reviewerNip: string; values: ValueRating[]; submittedAt: string }>
  | DomainEvent<
      'SupervisorRatingSubmitted.v1',
      {
        version: number;
        raterNip: string;
        realisations: IkiRealisation[];
        hasilKerja: Rating;
        perilaku: Rating;
        /** Computed from the pinned policy's matrix, never typed in. */
        predikat: Predikat;
        valueNotes: { value: BerakhlakValueCode; note: string }[];
        competencyLevels: CompetencyObservation[];
        /** Required when either rating is DI_ATAS or DI_BAWAH. */
        justification: string | null;
        evidenceIds: string[];
        /** Active conflict-of-interest declarations between this rater and the employee: the rating is flagged. */
        conflictOfInterestDeclarationIds: string[];
        /** A large self-vs-supervisor gap: approval waits for a dialogue note recorded after this rating. */
        forDialogue: boolean;
        submittedAt: string;
      }
    >
  | DomainEvent<
      'RatingApproved.v1',
      {
        version: number;
        predikat: Predikat;
        approvedByNip: string;
        /** The dialogue that unlocked a rating marked for one; absent on approvals that needed none. */
        dialogue?: { noteId: string; acknowledged: boolean } | null;
        /** The approver's acknowledgement of a rating made under a declared conflict of interest. */
        conflictOfInterest?: { declarationIds: string[]; acknowledgement: string } | null;
        approvedAt: string;
      }
    >
  | DomainEvent<'RatingReturned.v1', { version: number; reasons: string; returnedByNip: string; returnedAt: string }>
  | DomainEvent<
      'ResultPublished.v1',
      {
        ratingVersion: number;
        hasilKerja: Rating;
        perilaku: Rating;
        predikat: Predikat;
        recommendations: Recommendation[];
        publishedAt: string;
      }
    >
  | DomainEvent<'ResultReceived.v1', { receivedAt: string; objectionDeadline: Deadline }>
  | ObjectionEvent;

export type AppraisalEventType = AppraisalEvent['type'];
export type AppraisalEventOf<T extends AppraisalEventType> = Extract<AppraisalEvent, { type: T }>;
