import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { NIP_PATTERN, SLUG_PATTERN } from '../../http/patterns.js';

export class NipParam {
  @ApiProperty({ example: '198503152010011002' })
  @Matches(NIP_PATTERN, { message: 'nip must be exactly 18 digits' })
  nip!: string;
}

export class ListEmployeesQuery {
  @ApiPropertyOptional({ example: 'kota-manokwari' })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'agencyId must be lowercase letters, digits and dashes' })
  agencyId?: string;

  @ApiPropertyOptional({ example: 'sd-negeri-3', description: 'only employees of this unit' })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'unitId must be lowercase letters, digits and dashes' })
  unitId?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(NIP_PATTERN, { message: 'after must be a NIP (the nextCursor of a previous page)' })
  after?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
