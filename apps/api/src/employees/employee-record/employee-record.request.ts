import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { REPORTS_CURSOR } from '../../../../../libs/read-models/src/organization/reports-page.queries.js';
import { PageLimit } from '../../http/pagination.js';

export class HistoryQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page (a stream revision)', example: 4 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after?: number;

  @PageLimit()
  limit?: number;
}

export class ReportsQuery {
  @ApiPropertyOptional({
    description: 'nextCursor of the previous page: `direct:<nip>` or `indirect:<nip>`',
    example: 'direct:198503152010011002',
  })
  @IsOptional()
  @Matches(REPORTS_CURSOR, {
    message: 'after must be the nextCursor of a previous page (direct:<nip> or indirect:<nip>)',
  })
  after?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500, example: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
