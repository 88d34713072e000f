// Path and query parameters of the framework routes.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { VERSION_STATUSES, type VersionStatus } from '../../../../libs/competency/src/framework/framework-events.js';
import { COMPETENCY_CODE, POSITION_CODE, SLUG } from './framework.requests.js';
import { PageLimit } from '../http/pagination.js';

export class FrameworkIdParam {
  @ApiProperty({ example: 'disdik-manokwari' })
  @Matches(SLUG, { message: 'frameworkId must be lowercase letters, digits and dashes (max 64)' })
  frameworkId!: string;
}

export class TechnicalCompetencyParam extends FrameworkIdParam {
  @ApiProperty({ example: 'PEDAGOGIK' })
  @Matches(COMPETENCY_CODE, { message: 'code must be UPPER_SNAKE_CASE' })
  code!: string;
}

export class PositionParam extends FrameworkIdParam {
  @ApiProperty({ example: 'guru-ahli-pertama' })
  @Matches(POSITION_CODE, { message: 'positionCode must be letters, digits, dot, dash or underscore (max 64)' })
  positionCode!: string;
}

export class VersionParam extends FrameworkIdParam {
  @ApiProperty({ example: 1, minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version!: number;
}

class PageQuery {
  @PageLimit()
  limit?: number;
}

export class ListFrameworksQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'kota-manokwari' })
  @IsOptional()
  @Matches(SLUG, { message: 'agencyId must be lowercase letters, digits and dashes' })
  agencyId?: string;

  @ApiPropertyOptional({ enum: VERSION_STATUSES, description: 'status of the newest version' })
  @IsOptional()
  @IsIn(VERSION_STATUSES)
  status?: VersionStatus;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(SLUG, { message: 'after must be a framework id (the nextCursor of a previous page)' })
  after?: string;
}

export class ListVersionsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: VERSION_STATUSES })
  @IsOptional()
  @IsIn(VERSION_STATUSES)
  status?: VersionStatus;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (a version number)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after?: number;
}

export class ListCommentsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'PEDAGOGIK' })
  @IsOptional()
  @Matches(COMPETENCY_CODE, { message: 'criterionCode must be UPPER_SNAKE_CASE' })
  criterionCode?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after?: number;
}
