import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { TIME_ZONES, type TimeZone } from '../../../../../libs/organization/src/agency/agency-events.js';
import { SLUG_PATTERN } from '../../http/patterns.js';
import { PageLimit } from '../../http/pagination.js';

export const SLUG = SLUG_PATTERN;
export const SLUG_MESSAGE = (field: string) => `${field} must be lowercase letters, digits and dashes (max 64)`;

export class RegisterAgencyRequest {
  @ApiProperty({ example: 'disdik-manokwari', description: 'slug: lowercase letters, digits, dashes' })
  @IsString()
  @Matches(SLUG, { message: SLUG_MESSAGE('agencyId') })
  agencyId!: string;

  @ApiProperty({ example: 'Dinas Pendidikan Kota Manokwari' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: TIME_ZONES, example: 'Asia/Jayapura', description: 'WIB, WITA or WIT' })
  @IsIn(TIME_ZONES)
  timeZone!: TimeZone;
}

export class AgencyParam {
  @ApiProperty({ example: 'disdik-manokwari' })
  @Matches(SLUG, { message: SLUG_MESSAGE('agencyId') })
  agencyId!: string;
}

export class UnitParams extends AgencyParam {
  @ApiProperty({ example: 'sd-negeri-3' })
  @Matches(SLUG, { message: SLUG_MESSAGE('unitId') })
  unitId!: string;
}

export class ListAgenciesQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page (an agency id)', example: 'disdik-manokwari' })
  @IsOptional()
  @Matches(SLUG, { message: SLUG_MESSAGE('after') })
  after?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500, example: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class ListUnitsQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page (a unit id)' })
  @IsOptional()
  @Matches(SLUG, { message: SLUG_MESSAGE('after') })
  after?: string;

  @ApiPropertyOptional({ description: 'only the children of this unit', example: 'bidang-sd' })
  @IsOptional()
  @Matches(SLUG, { message: SLUG_MESSAGE('parentUnitId') })
  parentUnitId?: string;

  @PageLimit()
  limit?: number;
}

export class CommandResponse {
  @ApiProperty({ example: '3', description: 'stream revision after the command; also sent as the ETag' })
  revision!: string;
}
