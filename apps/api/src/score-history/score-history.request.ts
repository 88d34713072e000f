// Query parameters of the score history and the score trend (undeclared parameters are refused at the edge).
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { PageLimit } from '../http/pagination.js';

export class ScoreHistoryQuery {
  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({
    description: 'nextCursor of the previous page: entries after this stream revision',
    example: '9',
  })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'after must be a stream revision (the nextCursor of a previous page)' })
  after?: string;
}

export class ScoreTrendQuery {
  @PageLimit()
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (opaque)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,300}$/, { message: 'after must be the nextCursor of a previous page' })
  after?: string;
}
