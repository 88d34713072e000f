import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  CONFLICT_OF_INTEREST_KINDS,
  type ConflictOfInterestKind,
} from '../../../../../libs/organization/src/employee/employee-events.js';
import { NIP_PATTERN } from '../../http/patterns.js';

export class DeclareConflictOfInterestRequest {
  @ApiProperty({ example: '197501012000031001', description: 'the rater (pejabat penilai) the conflict is with' })
  @IsString()
  @Matches(NIP_PATTERN, { message: 'raterNip must be exactly 18 digits' })
  raterNip!: string;

  @ApiProperty({ enum: CONFLICT_OF_INTEREST_KINDS, example: 'FAMILY' })
  @IsIn(CONFLICT_OF_INTEREST_KINDS)
  kind!: ConflictOfInterestKind;

  @ApiProperty({ example: 'the rater is my uncle (brother of my mother)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description!: string;
}

export class DeclarationParams {
  @ApiProperty({ example: '198503152010011002' })
  @Matches(NIP_PATTERN, { message: 'nip must be exactly 18 digits' })
  nip!: string;

  @ApiProperty({ example: '5f0c8a9e-1b2d-4c3e-8f4a-6b7c8d9e0f1a' })
  @IsUUID()
  declarationId!: string;
}

export class ListDeclarationsQuery {
  @ApiPropertyOptional({ description: 'only declarations not withdrawn', example: true })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'only declarations with this rater', example: '197501012000031001' })
  @IsOptional()
  @Matches(NIP_PATTERN, { message: 'raterNip must be exactly 18 digits' })
  raterNip?: string;

  @ApiPropertyOptional({
    description: 'nextCursor of the previous page (a declaration id)',
    example: '5f0c8a9e-1b2d-4c3e-8f4a-6b7c8d9e0f1a',
  })
  @IsOptional()
  @IsUUID(undefined, { message: 'after must be a declaration id (the nextCursor of a previous page)' })
  after?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500, example: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
