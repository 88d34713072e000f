// Request bodies, path and query parameters of the cycle routes (class-validator at the edge; unknown fields are
// refused by the global pipe). Semantic checks (period order, unknown unit, phase order) are the deciders'.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PREDIKATS, UNIT_PREDIKATS, type Predikat, type UnitPredikat } from '../../../../libs/policy/src/policy.js';
import type { PlanStatus } from '../../../../libs/appraisal/src/appraisal/appraisal-state.js';
import {
  RATING_STATUS_FILTERS,
  type RatingStatusFilter,
} from '../../../../libs/read-models/src/appraisals/appraisals.queries.js';
import {
  CYCLE_KINDS,
  CYCLE_PHASES,
  type CycleKind,
  type CyclePhase,
} from '../../../../libs/appraisal/src/cycle/cycle-events.js';
import { FrameworkPinRequest, PolicyPinRequest } from './open-cycle/cycle-pins.request.js';
import { NIP_PATTERN, SLUG_PATTERN } from '../http/patterns.js';
import { NipCursor, PageLimit } from '../http/pagination.js';

export const SLUG = SLUG_PATTERN;
const slugMessage = (field: string) => `${field} must be lowercase letters, digits and dashes (max 64)`;
/** A calendar date; whether it exists (2026-02-30) is checked with the period by the decider. */
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const APPRAISAL_STATUSES = ['ACTIVE', 'ENDED'] as const;
/** Who an appraisal lacks: its pejabat penilai, or its atasan pejabat penilai (nobody can rate / approve it). */
export const MISSING_ROLES = ['RATER', 'RATER_SUPERVISOR'] as const;
export type MissingRole = (typeof MISSING_ROLES)[number];
const PLAN_STATUSES: readonly PlanStatus[] = ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED'];
/** A query flag: the strings true/false; anything else stays as sent for @IsBoolean to refuse. */
const booleanParam = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class OpenCycleRequest {
  @ApiProperty({ example: 'disdik-manokwari-2026', description: 'slug chosen by HR; the stream is cycle-{cycleId}' })
  @IsString()
  @Matches(SLUG, { message: slugMessage('cycleId') })
  cycleId!: string;

  @ApiProperty({ example: 'disdik-manokwari' })
  @IsString()
  @Matches(SLUG, { message: slugMessage('agencyId') })
  agencyId!: string;

  @ApiProperty({ example: 'Penilaian Kinerja Tahunan 2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: CYCLE_KINDS, example: 'ANNUAL' })
  @IsIn(CYCLE_KINDS)
  kind!: CycleKind;

  @ApiProperty({ example: '2026-01-01', description: "first day, in the agency's time zone" })
  @IsString()
  @Matches(DATE, { message: 'periodStart must be a date YYYY-MM-DD' })
  periodStart!: string;

  @ApiProperty({ example: '2026-12-31', description: "last day, in the agency's time zone" })
  @IsString()
  @Matches(DATE, { message: 'periodEnd must be a date YYYY-MM-DD' })
  periodEnd!: string;

  @ApiProperty({
    example: 'disdik',
    description: 'the unit whose subtree the cycle covers: every registered employee of it gets an appraisal',
  })
  @IsString()
  @Matches(SLUG, { message: slugMessage('rootUnitId') })
  rootUnitId!: string;

  @ApiPropertyOptional({
    type: FrameworkPinRequest,
    example: { frameworkId: 'disdik-manokwari', version: 2 },
    description:
      "the competency framework version to pin: a PUBLISHED version of one of the agency's frameworks. " +
      "Default: the agency's most recently published version (none: built-ins only)",
  })
  @IsOptional()
  @IsObject({ message: 'framework must be an object {frameworkId, version}' })
  @ValidateNested()
  @Type(() => FrameworkPinRequest)
  framework?: FrameworkPinRequest;

  @ApiPropertyOptional({
    type: PolicyPinRequest,
    example: { scope: 'national', version: 1 },
    description:
      "the policy version to pin, of the agency's own scope or `national` (version 1 is the built-in default). " +
      "Default: the policy in force (the agency's latest version, else the national latest)",
  })
  @IsOptional()
  @IsObject({ message: 'policy must be an object {scope, version}' })
  @ValidateNested()
  @Type(() => PolicyPinRequest)
  policy?: PolicyPinRequest;
}

export class CycleParam {
  @ApiProperty({ example: 'disdik-manokwari-2026' })
  @Matches(SLUG, { message: slugMessage('cycleId') })
  cycleId!: string;
}

export class PopulationParams extends CycleParam {
  @ApiProperty({
    example: 'sd-negeri-3',
    description: "the population the curve applies to: a unit id, or the agency id when the policy's scope is AGENCY",
  })
  @Matches(SLUG, { message: 'populationId must be a unit or agency id' })
  populationId!: string;
}

export class AdvancePhaseRequest {
  @ApiProperty({ enum: CYCLE_PHASES, example: 'IN_PROGRESS', description: 'the next phase (no skipping)' })
  @IsIn(CYCLE_PHASES)
  to!: CyclePhase;

  @ApiProperty({ example: 'semua SKP telah disetujui', description: 'why, for the record' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({
    type: Boolean,
    example: false,
    description:
      'move on although the readiness report (GET …/readiness) is not empty: recorded on the event with its counts',
  })
  @IsOptional()
  @IsBoolean()
  confirmNotReady?: boolean;
}

export class UnitPredikatRequest {
  @ApiProperty({ enum: UNIT_PREDIKATS, example: 'BAIK', description: 'predikat kinerja organisasi (DOMAIN 6, step 1)' })
  @IsIn(UNIT_PREDIKATS)
  unitPredikat!: UnitPredikat;

  @ApiProperty({ example: 'capaian perjanjian kinerja unit 2026: 96%' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class DeterminationRequest {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'unit of 4 teachers: one BUTUH_PERBAIKAN would be unfair to every one of them; see minutes 12/2026',
    description: 'determine although the curve is violated: recorded and flagged for audit',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  overrideJustification?: string | null;
}

export class DistributionCheckQuery {
  @ApiPropertyOptional({ enum: UNIT_PREDIKATS, description: "try a unit predikat; default: the population's own" })
  @IsOptional()
  @IsIn(UNIT_PREDIKATS)
  unitPredikat?: UnitPredikat;
}

class PageQuery {
  @PageLimit()
  limit?: number;
}

export class ListCyclesQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'disdik-manokwari', description: "HR: default and only value is the own agency's" })
  @IsOptional()
  @Matches(SLUG, { message: slugMessage('agencyId') })
  agencyId?: string;

  @ApiPropertyOptional({ enum: CYCLE_PHASES })
  @IsOptional()
  @IsIn(CYCLE_PHASES)
  phase?: CyclePhase;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (a cycle id)' })
  @IsOptional()
  @Matches(SLUG, { message: slugMessage('after') })
  after?: string;
}

export class ListCycleAppraisalsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'sd-negeri-3' })
  @IsOptional()
  @Matches(SLUG, { message: slugMessage('unitId') })
  unitId?: string;

  @ApiPropertyOptional({ example: '198001012005011001' })
  @IsOptional()
  @Matches(NIP_PATTERN, { message: 'raterNip must be exactly 18 digits' })
  raterNip?: string;

  @ApiPropertyOptional({ enum: APPRAISAL_STATUSES, example: 'ACTIVE' })
  @IsOptional()
  @IsIn(APPRAISAL_STATUSES)
  status?: (typeof APPRAISAL_STATUSES)[number];

  @ApiPropertyOptional({
    enum: MISSING_ROLES,
    example: 'RATER',
    description:
      'only appraisals without a pejabat penilai (RATER) or without an atasan pejabat penilai (RATER_SUPERVISOR); ' +
      'combine with status=ACTIVE for those that block the cycle. Fix: a rater override, then POST …/reconcile',
  })
  @IsOptional()
  @IsIn(MISSING_ROLES)
  missing?: MissingRole;

  @ApiPropertyOptional({ enum: PLAN_STATUSES, example: 'SUBMITTED', description: 'the SKP plan status' })
  @IsOptional()
  @IsIn(PLAN_STATUSES)
  planStatus?: PlanStatus;

  @ApiPropertyOptional({
    enum: RATING_STATUS_FILTERS,
    example: 'NOT_RATED',
    description: "the latest rating's status; NOT_RATED: the rater has not rated yet",
  })
  @IsOptional()
  @IsIn(RATING_STATUS_FILTERS)
  ratingStatus?: RatingStatusFilter;

  @ApiPropertyOptional({ enum: PREDIKATS, example: 'BAIK', description: "the approved rating's predikat" })
  @IsOptional()
  @IsIn(PREDIKATS)
  predikat?: Predikat;

  @ApiPropertyOptional({
    type: Boolean,
    example: true,
    description: 'true: the latest rating is marked for a performance dialogue (large self-vs-rater gap)',
  })
  @IsOptional()
  @Transform(booleanParam)
  @IsBoolean({ message: 'forDialogue must be true or false' })
  forDialogue?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    example: true,
    description: 'true: the latest rating was given under a declared conflict of interest',
  })
  @IsOptional()
  @Transform(booleanParam)
  @IsBoolean({ message: 'conflictOfInterest must be true or false' })
  conflictOfInterest?: boolean;

  @NipCursor()
  after?: string;
}
