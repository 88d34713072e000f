// Query of the auditor's replay: where it stops (asOf or revision, not both) and which page of steps.
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { EventPageQuery } from '../appraisal.params.js';

/** An ISO-8601 instant with a time zone (Z or ±hh:mm), to the millisecond at most. */
export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export class ReplayQuery extends EventPageQuery {
  @ApiPropertyOptional({
    description: 'replay the events that had happened at this instant (occurredAt <= asOf); not with revision',
    example: '2025-12-10T03:00:00Z',
  })
  @IsOptional()
  @Matches(ISO_INSTANT, { message: 'asOf must be an ISO-8601 instant with a time zone, e.g. 2025-12-10T03:00:00Z' })
  asOf?: string;

  @ApiPropertyOptional({ description: 'replay up to and including this stream revision; not with asOf', example: '12' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'revision must be a stream revision (0, 1, 2, ...)' })
  revision?: string;
}
