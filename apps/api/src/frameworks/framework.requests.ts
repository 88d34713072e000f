// Request bodies of the framework commands. The edge checks shape and size; the domain checks meaning
// (duplicate codes, unknown competencies, state), so both layers' errors are 400/409 with a code.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SLUG_PATTERN } from '../http/patterns.js';

export const SLUG = SLUG_PATTERN;
export const COMPETENCY_CODE = /^[A-Z][A-Z0-9_]{1,63}$/;
export const POSITION_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const slugMessage = (field: string) => `${field} must be lowercase letters, digits and dashes (max 64)`;
const codeMessage = (field: string) => `${field} must be UPPER_SNAKE_CASE (A-Z, 0-9, _; 2-64 characters)`;

export class DraftFrameworkRequest {
  @ApiProperty({ example: 'disdik-manokwari', description: 'framework id: lowercase letters, digits, dashes' })
  @IsString()
  @Matches(SLUG, { message: slugMessage('frameworkId') })
  frameworkId!: string;

  @ApiProperty({ example: 'kota-manokwari' })
  @IsString()
  @Matches(SLUG, { message: slugMessage('agencyId') })
  agencyId!: string;

  @ApiProperty({ example: 'Standar Kompetensi Dinas Pendidikan' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 'Kompetensi guru dan tenaga kependidikan' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

export class TechnicalCompetencyBody {
  @ApiProperty({ example: 'Kompetensi Pedagogik' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'Mengelola pembelajaran peserta didik' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description!: string;

  @ApiProperty({
    type: [String],
    minItems: 5,
    maxItems: 5,
    description: 'descriptors of levels 1..5, in order',
    example: ['Memahami', 'Menerapkan', 'Mengembangkan', 'Membimbing', 'Menjadi rujukan'],
  })
  @IsArray()
  @ArrayMinSize(5, { message: 'levels must have exactly 5 descriptors (levels 1..5)' })
  @ArrayMaxSize(5, { message: 'levels must have exactly 5 descriptors (levels 1..5)' })
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  levels!: string[];
}

export class AddTechnicalCompetencyRequest extends TechnicalCompetencyBody {
  @ApiProperty({ example: 'PEDAGOGIK' })
  @IsString()
  @Matches(COMPETENCY_CODE, { message: codeMessage('code') })
  code!: string;
}

export class RequiredLevelRequest {
  @ApiProperty({ example: 'INTEGRITAS' })
  @IsString()
  @Matches(COMPETENCY_CODE, { message: codeMessage('competencyCode') })
  competencyCode!: string;

  @ApiProperty({ example: 3, minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  level!: number;
}

export class PositionRequirementRequest {
  @ApiProperty({ example: 'Guru Ahli Pertama' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  positionTitle!: string;

  @ApiProperty({
    type: [RequiredLevelRequest],
    example: [
      { competencyCode: 'INTEGRITAS', level: 2 },
      { competencyCode: 'PEDAGOGIK', level: 3 },
    ],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RequiredLevelRequest)
  levels!: RequiredLevelRequest[];
}

export class CommentRequest {
  @ApiProperty({ example: 'PEDAGOGIK', description: 'a competency or BerAKHLAK value code of the draft' })
  @IsString()
  @Matches(COMPETENCY_CODE, { message: codeMessage('criterionCode') })
  criterionCode!: string;

  @ApiProperty({ example: 'Level 3 perlu contoh perilaku yang bisa diamati di kelas.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  text!: string;
}

export class FrameworkCommandResponse {
  @ApiProperty({ example: 'disdik-manokwari' })
  frameworkId!: string;

  @ApiProperty({
    example: 1,
    nullable: true,
    type: Number,
    description: 'the framework version the command acted on (null when the command changed nothing)',
  })
  version!: number | null;

  @ApiProperty({ example: '3', description: 'stream revision after the command; also sent as the ETag' })
  revision!: string;
}

export class CommentResponse extends FrameworkCommandResponse {
  @ApiProperty({ example: '0f8fad5b-d9cb-469f-a165-70867728950e' })
  commentId!: string;
}
