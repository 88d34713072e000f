// Query parameters of the readiness routes (every GET route declares its query: undeclared ones are refused).
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { CYCLE_PHASES, type CyclePhase } from '../../../../../libs/appraisal/src/cycle/cycle-events.js';
import { SLUG } from '../cycle.request.js';
import { NipCursor, PageLimit } from '../../http/pagination.js';

/** Where an unready appraisal stands (plan status, rating status, or its population undetermined). */
export const UNREADY_STATUSES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'NOT_RATED', 'POPULATION_NOT_DETERMINED'] as const;

export class ReadinessQuery {
  @ApiPropertyOptional({ enum: CYCLE_PHASES, example: 'ASSESSMENT', description: 'default: the next phase' })
  @IsOptional()
  @IsIn(CYCLE_PHASES)
  to?: CyclePhase;
}

export class ReadinessPeopleQuery extends ReadinessQuery {
  @ApiPropertyOptional({ example: 'sdn-01-manokwari' })
  @IsOptional()
  @Matches(SLUG, { message: 'unitId must be lowercase letters, digits and dashes (max 64)' })
  unitId?: string;

  @ApiPropertyOptional({ enum: UNREADY_STATUSES, example: 'DRAFT' })
  @IsOptional()
  @IsIn(UNREADY_STATUSES)
  status?: (typeof UNREADY_STATUSES)[number];

  @NipCursor()
  after?: string;

  @PageLimit()
  limit?: number;
}
