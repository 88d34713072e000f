// Query parameters of the keberatan queue and its CSV export (class-validator at the edge; undeclared
// parameters are refused by the edge guard).
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import {
  OBJECTION_STATUSES,
  type ObjectionStatus,
} from '../../../../libs/read-models/src/objections/objections.tables.js';
import { NIP_PATTERN, SLUG_PATTERN } from '../http/patterns.js';
import { PageLimit } from '../http/pagination.js';

const booleanText = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ObjectionQueueFilterQuery {
  @ApiPropertyOptional({ example: 'kota-manokwari', description: "HR: default and only value is the own agency's" })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'agencyId must be lowercase letters, digits and dashes (max 64)' })
  agencyId?: string;

  @ApiPropertyOptional({ example: 'kota-manokwari-2026' })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'cycleId must be lowercase letters, digits and dashes (max 64)' })
  cycleId?: string;

  @ApiPropertyOptional({ enum: OBJECTION_STATUSES, example: 'OPEN' })
  @IsOptional()
  @IsIn(OBJECTION_STATUSES)
  status?: ObjectionStatus;

  @ApiPropertyOptional({ example: '197501012000011001', description: 'the atasan (or HR-named decider) to decide' })
  @IsOptional()
  @Matches(NIP_PATTERN, { message: 'deciderNip must be exactly 18 digits' })
  deciderNip?: string;

  @ApiPropertyOptional({ example: 'sd-negeri-3', description: "the appraisal's unit (following transfers)" })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'unitId must be lowercase letters, digits and dashes (max 64)' })
  unitId?: string;

  @ApiPropertyOptional({
    example: true,
    description: "open past the decision deadline by the server's clock, or decided after it (false: the others)",
  })
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ example: true, description: 'true: no decider yet (HR names one); false: assigned' })
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean({ message: 'unassigned must be true or false' })
  unassigned?: boolean;
}

export class ObjectionQueueQuery extends ObjectionQueueFilterQuery {
  @PageLimit()
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (opaque)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,600}$/, { message: 'after must be the nextCursor of a previous page' })
  after?: string;
}
