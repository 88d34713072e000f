// Events of one agency's competency framework, stream `framework-{frameworkId}`. The stream holds every
// version: at most one draft at a time (DRAFT or OPEN_FOR_COMMENT) and the published versions, which are
// frozen snapshots (FrameworkVersionPublished.v1 carries the whole content, built-ins included).
import type { DomainEvent } from '../../../shared-kernel/src/decider.js';
import type { BuiltInCatalogue } from '../built-in/catalogue.js';
import type { CompetencyLevel } from '../built-in/catalogue-types.js';

export const frameworkStreamName = (frameworkId: string): string => `framework-${frameworkId}`;

export type DraftStatus = 'DRAFT' | 'OPEN_FOR_COMMENT';
export type VersionStatus = DraftStatus | 'PUBLISHED';
export const VERSION_STATUSES: readonly VersionStatus[] = ['DRAFT', 'OPEN_FOR_COMMENT', 'PUBLISHED'];

/** An agency's own (teknis) competency, with one descriptor per level 1..5. */
export interface TechnicalCompetency {
  code: string;
  name: string;
  description: string;
  levels: [string, string, string, string, string];
}

export interface RequiredLevel {
  competencyCode: string;
  level: CompetencyLevel;
}

/** The levels a position (jabatan) requires; gap = required - assessed (DOMAIN section 8). */
export interface PositionRequirement {
  positionCode: string;
  positionTitle: string;
  levels: RequiredLevel[];
}

/** What HR edits on a draft; the built-ins are included implicitly and frozen in at publication. */
export interface FrameworkContent {
  technical: TechnicalCompetency[];
  positionRequirements: PositionRequirement[];
}

export interface PublishedContent extends FrameworkContent {
  builtIn: BuiltInCatalogue;
}

export interface CommentAuthor {
  id: string;
  role: string;
  nip: string | null;
  name: string | null;
}

export type FrameworkDrafted = DomainEvent<
  'FrameworkDrafted.v1',
  {
    frameworkId: string;
    agencyId: string;
    name: string;
    description: string | null;
    version: number;
    draftedAt: string;
  }
>;
export type TechnicalCompetencyAdded = DomainEvent<
  'TechnicalCompetencyAdded.v1',
  { version: number; competency: TechnicalCompetency }
>;
export type TechnicalCompetencyRevised = DomainEvent<
  'TechnicalCompetencyRevised.v1',
  { version: number; competency: TechnicalCompetency }
>;
export type TechnicalCompetencyRemoved = DomainEvent<
  'TechnicalCompetencyRemoved.v1',
  { version: number; code: string }
>;
export type PositionRequirementSet = DomainEvent<
  'PositionRequirementSet.v1',
  { version: number; requirement: PositionRequirement }
>;
export type PositionRequirementRemoved = DomainEvent<
  'PositionRequirementRemoved.v1',
  { version: number; positionCode: string }
>;
export type FrameworkDraftOpenedForComment = DomainEvent<
  'FrameworkDraftOpenedForComment.v1',
  { version: number; openedAt: string }
>;
export type CriterionCommented = DomainEvent<
  'CriterionCommented.v1',
  {
    version: number;
    commentId: string;
    criterionCode: string;
    text: string;
    author: CommentAuthor;
    commentedAt: string;
  }
>;
export type FrameworkVersionPublished = DomainEvent<
  'FrameworkVersionPublished.v1',
  { version: number; name: string; publishedAt: string; content: PublishedContent }
>;
export type FrameworkDraftStarted = DomainEvent<
  'FrameworkDraftStarted.v1',
  { version: number; basedOn: number; startedAt: string }
>;

export type FrameworkEvent =
  | FrameworkDrafted
  | TechnicalCompetencyAdded
  | TechnicalCompetencyRevised
  | TechnicalCompetencyRemoved
  | PositionRequirementSet
  | PositionRequirementRemoved
  | FrameworkDraftOpenedForComment
  | CriterionCommented
  | FrameworkVersionPublished
  | FrameworkDraftStarted;

export const FRAMEWORK_EVENT_TYPES: readonly FrameworkEvent['type'][] = [
  'FrameworkDrafted.v1',
  'TechnicalCompetencyAdded.v1',
  'TechnicalCompetencyRevised.v1',
  'TechnicalCompetencyRemoved.v1',
  'PositionRequirementSet.v1',
  'PositionRequirementRemoved.v1',
  'FrameworkDraftOpenedForComment.v1',
  'CriterionCommented.v1',
  'FrameworkVersionPublished.v1',
  'FrameworkDraftStarted.v1',
];
