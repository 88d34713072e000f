import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class AuditReadsQuery {
  @ApiPropertyOptional({ description: 'UTC day of the reads (default: today)', example: '2026-12-03' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a calendar date (YYYY-MM-DD)' })
  date?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page', example: '99' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'after must be a revision (the nextCursor of a previous page)' })
  after?: string;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
