// Query parameters of the subjectivity-audit routes (every GET declares its query: the edge guard refuses others).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { GROUP_DIMENSIONS, type GroupDimension } from '../../../../libs/audits/src/group-gaps/group-gaps.js';
import { CYCLE_ID_PATTERN, SLUG_PATTERN } from '../http/patterns.js';

export class CycleAuditParams {
  @ApiProperty({ example: 'skp-2026-disdik' })
  @Matches(CYCLE_ID_PATTERN, { message: 'cycleId must be letters, digits and dashes (max 64)' })
  cycleId!: string;
}

export class RaterEffectsQuery {
  @ApiPropertyOptional({ example: 'sd-3', description: 'compare within one unit instead of the whole cycle' })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'unitId must be a slug' })
  unitId?: string;
}

export class GapsQuery {
  @ApiPropertyOptional({ enum: ['rater', 'unit'], default: 'rater' })
  @IsOptional()
  @IsIn(['rater', 'unit'])
  by?: 'rater' | 'unit';
}

export class GroupGapsQuery {
  @ApiProperty({ enum: GROUP_DIMENSIONS, example: 'gender' })
  @IsIn(GROUP_DIMENSIONS)
  dimension!: GroupDimension;
}
