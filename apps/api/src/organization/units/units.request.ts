import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { SLUG, SLUG_MESSAGE } from '../agencies/agencies.request.js';
import { NIP_PATTERN } from '../../http/patterns.js';

export class CreateUnitRequest {
  @ApiProperty({ example: 'sd-negeri-3' })
  @IsString()
  @Matches(SLUG, { message: SLUG_MESSAGE('unitId') })
  unitId!: string;

  @ApiProperty({ example: 'SD Negeri 3 Manokwari' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 'bidang-sd', description: 'absent: the root unit (the first unit of the agency)' })
  @IsOptional()
  @IsString()
  @Matches(SLUG, { message: SLUG_MESSAGE('parentUnitId') })
  parentUnitId?: string;
}

export class UpdateUnitRequest {
  @ApiPropertyOptional({ example: 'SD Negeri 3' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: 'bidang-smp', description: 'move under this unit (cycles are refused)' })
  @IsOptional()
  @IsString()
  @Matches(SLUG, { message: SLUG_MESSAGE('parentUnitId') })
  parentUnitId?: string;
}

export class AssignUnitHeadRequest {
  @ApiProperty({ example: '197501012000031001', description: 'NIP of an employee of the agency' })
  @IsString()
  @Matches(NIP_PATTERN, { message: 'nip must be exactly 18 digits' })
  nip!: string;
}

export class VacateUnitHeadRequest {
  @ApiProperty({
    example: 'Kepala sekolah pensiun per 1 Juli 2026 (SK Wali Kota 821/2026); belum ada pengganti',
    description: 'why the post is vacant: kept in the event and its metadata',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
