// Bodies and query parameters of the training routes (class-validator at the edge; the decider checks the rules
// again: record-training.ts).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ITEM_ID, itemIdMessage } from '../appraisals/appraisal.params.js';
import { NIP_PATTERN, SLUG_PATTERN } from '../http/patterns.js';
import { PageLimit } from '../http/pagination.js';

export class RecordTrainingRequest {
  @ApiPropertyOptional({
    example: 'diklat-2026-kurmer',
    description: 'chosen by the client for retries; generated if absent',
  })
  @IsOptional()
  @Matches(ITEM_ID, { message: itemIdMessage('trainingId') })
  trainingId?: string;

  @ApiProperty({ example: 'Pelatihan Implementasi Kurikulum Merdeka', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: 'BPSDM Provinsi Papua Barat', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  provider!: string;

  @ApiProperty({ example: 24, minimum: 1, maximum: 1000, description: 'jam pelajaran (45 minutes each), whole' })
  @IsInt({ message: 'jp must be a whole number of lesson hours' })
  @Min(1, { message: 'jp must be more than 0' })
  @Max(1000)
  jp!: number;

  @ApiProperty({ example: '2026-11-20', description: "local date completed; not after today on the agency's calendar" })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'completedOn must be a date YYYY-MM-DD' })
  completedOn!: string;

  @ApiPropertyOptional({ example: ['INTEGRITAS'], description: 'competencies it develops (e.g. a gap of the trend)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, { each: true, message: 'competencyCodes must be competency codes' })
  competencyCodes?: string[];

  @ApiPropertyOptional({ example: 'a'.repeat(64), description: "hex SHA-256 of the certificate's scan" })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'evidenceSha256 must be 64 lowercase hex digits' })
  evidenceSha256?: string;
}

export class AgencyParam {
  @ApiProperty({ example: 'kota-manokwari' })
  @Matches(SLUG_PATTERN, { message: 'agencyId must be lowercase letters, digits and dashes (max 64)' })
  agencyId!: string;
}

export class TrainingShortfallFilterQuery {
  @ApiProperty({ example: 2026, description: 'calendar year the trainings were completed in' })
  @Type(() => Number)
  @IsInt({ message: 'year must be a year YYYY' })
  @Min(1950)
  @Max(2200)
  year!: number;

  @ApiPropertyOptional({ example: 'sd-negeri-3', description: "the employee's current unit" })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'unitId must be lowercase letters, digits and dashes (max 64)' })
  unitId?: string;
}

export class TrainingShortfallQuery extends TrainingShortfallFilterQuery {
  @PageLimit()
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (a NIP)' })
  @IsOptional()
  @Matches(NIP_PATTERN, { message: 'after must be the nextCursor of a previous page' })
  after?: string;
}

export class ListTrainingsQuery {
  @ApiPropertyOptional({ example: 2026, description: 'only trainings completed in this calendar year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year must be a year YYYY' })
  @Min(1950)
  @Max(2200)
  year?: number;

  @PageLimit()
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (opaque)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,300}$/, { message: 'after must be the nextCursor of a previous page' })
  after?: string;
}
