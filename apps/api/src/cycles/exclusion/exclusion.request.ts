// Bodies of the exclusion routes (README "Appraisal cycles", exclusions).
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import {
  EXCLUSION_CATEGORIES,
  type ExclusionCategory,
} from '../../../../../libs/appraisal/src/appraisal/appraisal-events.js';

export class InclusionRequest {
  @ApiProperty({ example: 'cuti besar dibatalkan; kembali bertugas 1 Juli', description: 'why, for the record' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class ExclusionRequest extends InclusionRequest {
  @ApiProperty({ enum: EXCLUSION_CATEGORIES, example: 'LONG_LEAVE' })
  @IsIn(EXCLUSION_CATEGORIES)
  category!: ExclusionCategory;
}
