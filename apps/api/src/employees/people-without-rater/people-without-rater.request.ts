import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { NIP_PATTERN, SLUG_PATTERN } from '../../http/patterns.js';
import { PageLimit } from '../../http/pagination.js';

export const MISSING = ['RATER', 'RATER_SUPERVISOR'] as const;

export class AgencyParam {
  @ApiProperty({ example: 'disdik-manokwari' })
  @Matches(SLUG_PATTERN, { message: 'id must be lowercase letters, digits and dashes (max 64)' })
  id!: string;
}

export class PeopleWithoutRaterQuery {
  @ApiPropertyOptional({
    enum: MISSING,
    example: 'RATER',
    description:
      'RATER: no pejabat penilai (nobody can rate them); RATER_SUPERVISOR: no atasan pejabat penilai (nobody can ' +
      'approve their rating; includes those without a rater). Absent: either',
  })
  @IsOptional()
  @IsIn(MISSING)
  missing?: (typeof MISSING)[number];

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (a NIP)', example: '197001012000011001' })
  @IsOptional()
  @Matches(NIP_PATTERN, { message: 'after must be a NIP (the nextCursor of a previous page)' })
  after?: string;

  @PageLimit()
  limit?: number;
}

class PersonRefResponse {
  @ApiProperty({ example: '197205102000031002' })
  nip!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Drs. Yohanis Rumbiak, M.Pd.' })
  name!: string | null;
}

export class PersonWithoutRaterResponse {
  @ApiProperty({ example: '197001012000011001' })
  nip!: string;

  @ApiProperty({ example: 'Dr. Agustinus Mandacan, M.Si.' })
  name!: string;

  @ApiProperty({ type: String, nullable: true, example: 'dinas' })
  unitId!: string | null;

  @ApiProperty({ type: PersonRefResponse, nullable: true, example: null, description: 'pejabat penilai' })
  rater!: PersonRefResponse | null;

  @ApiProperty({ type: PersonRefResponse, nullable: true, example: null, description: 'atasan pejabat penilai' })
  raterSupervisor!: PersonRefResponse | null;

  @ApiProperty({
    enum: ['derived', 'override'],
    nullable: true,
    example: 'derived',
    description: 'how the line was set (null: not derived yet)',
  })
  source!: 'derived' | 'override' | null;
}

export class PeopleWithoutRaterResponse {
  @ApiProperty({ type: [PersonWithoutRaterResponse] })
  items!: PersonWithoutRaterResponse[];

  @ApiProperty({ type: String, nullable: true, example: null, description: 'pass as after; null on the last page' })
  nextCursor!: string | null;
}
