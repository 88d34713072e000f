// Query parameters of HR's work lists (class-validator at the edge; undeclared parameters are refused).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { FOLLOW_UP_KINDS, type FollowUpKind } from '../../../../libs/read-models/src/hr-queries/hr-queries.queries.js';
import { SLUG_PATTERN } from '../http/patterns.js';
import { NipCursor, PageLimit } from '../http/pagination.js';

export const OVERDUE_KINDS = ['PLAN', 'RATING', 'OBJECTION'] as const;
export type OverdueKind = (typeof OVERDUE_KINDS)[number];

export class OverdueFilterQuery {
  @ApiProperty({
    enum: OVERDUE_KINDS,
    example: 'PLAN',
    description:
      'PLAN: plan not approved once the cycle left PLANNING; RATING: rating not approved once it left ' +
      "ASSESSMENT; OBJECTION: keberatan past the policy's decision deadline",
  })
  @IsIn(OVERDUE_KINDS, { message: `kind must be one of ${OVERDUE_KINDS.join(', ')}` })
  kind!: OverdueKind;

  @ApiPropertyOptional({ example: 'sd-negeri-3', description: "the appraisal's unit" })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'unitId must be lowercase letters, digits and dashes (max 64)' })
  unitId?: string;
}

export class OverdueQuery extends OverdueFilterQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'after must be the nextCursor of a previous page' })
  after?: string;

  @PageLimit()
  limit?: number;
}

export class FollowUpFilterQuery {
  @ApiPropertyOptional({
    enum: FOLLOW_UP_KINDS,
    example: 'COACHING',
    description: 'COACHING: published BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG; TALENT_POOL: SANGAT_BAIK; both if absent',
  })
  @IsOptional()
  @IsIn(FOLLOW_UP_KINDS, { message: `kind must be one of ${FOLLOW_UP_KINDS.join(', ')}` })
  kind?: FollowUpKind;

  @ApiPropertyOptional({ example: 'sd-negeri-3', description: "the appraisal's unit" })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'unitId must be lowercase letters, digits and dashes (max 64)' })
  unitId?: string;
}

export class FollowUpQuery extends FollowUpFilterQuery {
  @NipCursor()
  after?: string;

  @PageLimit()
  limit?: number;
}
