import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { NIP_PATTERN, SLUG_PATTERN } from '../../http/patterns.js';
import { NipCursor, PageLimit } from '../../http/pagination.js';

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

  @NipCursor()
  after?: string;

  @PageLimit()
  limit?: number;
}
