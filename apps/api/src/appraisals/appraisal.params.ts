// Path and query parameters of the appraisal routes, and the id format clients may choose for new items.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { CYCLE_ID_PATTERN, NIP_PATTERN } from '../http/patterns.js';

export const NIP = NIP_PATTERN;
export const nipMessage = (field: string) => `${field} must be exactly 18 digits`;
/** Cycle ids: a slug or a UUID. */
export const CYCLE_ID = CYCLE_ID_PATTERN;
/** Ids of items in an appraisal (RHK, IKI, feedback, ...): chosen by the client (idempotent retries) or generated. */
export const ITEM_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
export const itemIdMessage = (field: string) =>
  `${field} must be 1-64 letters, digits, dot, dash, colon or underscore, starting with a letter or digit`;

export class AppraisalParams {
  @ApiProperty({ example: 'skp-2025-kota-manokwari' })
  @Matches(CYCLE_ID, { message: 'cycleId must be letters, digits and dashes (max 64)' })
  cycleId!: string;

  @ApiProperty({ example: '198503152010011002', description: 'NIP of the appraised employee' })
  @Matches(NIP, { message: nipMessage('nip') })
  nip!: string;
}

export class RhkParams extends AppraisalParams {
  @ApiProperty({ example: 'rhk-1' })
  @Matches(ITEM_ID, { message: itemIdMessage('rhkId') })
  rhkId!: string;
}

export class RatingVersionParams extends AppraisalParams {
  @ApiProperty({ example: 1, minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version!: number;
}

export class DialogueNoteParams extends AppraisalParams {
  @ApiProperty({ example: 'dialog-1' })
  @Matches(ITEM_ID, { message: itemIdMessage('noteId') })
  noteId!: string;
}

export class EventPageQuery {
  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page: events after this revision', example: '9' })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'after must be a stream revision (the nextCursor of a previous page)' })
  after?: string;
}
