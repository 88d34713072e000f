import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { SLUG_PATTERN } from '../http/patterns.js';
import { PageLimit } from '../http/pagination.js';

const SCOPE_MESSAGE = 'scope must be "national" or an agency id (lowercase letters, digits and dashes, max 64)';
export const SCOPE_PATTERN = SLUG_PATTERN;

export class ScopeParam {
  @ApiProperty({ example: 'kota-manokwari', description: '"national" or an agency id' })
  @Matches(SCOPE_PATTERN, { message: SCOPE_MESSAGE })
  scope!: string;
}

export class ScopeVersionParam extends ScopeParam {
  @ApiProperty({ example: 1, minimum: 1 })
  @Type(() => Number)
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  @Max(1_000_000_000)
  version!: number;
}

export class ListPolicyVersionsQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page (a version number)', example: '2' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'after must be a version number (the nextCursor of a previous page)' })
  @Min(0)
  @Max(1_000_000_000)
  after?: number;

  @PageLimit()
  limit?: number;
}
