import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import {
  EMPLOYMENT_TYPES,
  type EmploymentType,
} from '../../../../../libs/organization/src/employee/employee-events.js';
import { PositionFields } from './position-fields.js';
import { NIP_PATTERN, SLUG_PATTERN } from '../../http/patterns.js';

export class RegisterEmployeeRequest extends PositionFields {
  @ApiProperty({
    example: '198503152010011002',
    description: '18 digits: birth date, appointment month, gender, sequence',
  })
  @IsString()
  @Matches(NIP_PATTERN, { message: 'nip must be exactly 18 digits' })
  nip!: string;

  @ApiProperty({ example: 'Siti Rahayu, S.Pd.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: EMPLOYMENT_TYPES, example: 'PNS' })
  @IsIn(EMPLOYMENT_TYPES)
  employmentType!: EmploymentType;

  @ApiPropertyOptional({
    example: 'kota-manokwari',
    description:
      "agency (instansi) id: lowercase letters, digits, dashes. HR may omit it: the token's agency is the default; " +
      'ADMIN must send it (400 VALIDATION_FAILED "agencyId is required")',
  })
  // Absent means the default; null is not absent (README "Errors": an optional field is omitted, never null).
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @Matches(SLUG_PATTERN, { message: 'agencyId must be lowercase letters, digits and dashes (max 64)' })
  agencyId?: string;

  @ApiProperty({ example: 'sd-negeri-3', description: 'a unit of the agency (must exist)' })
  @IsString()
  @Matches(SLUG_PATTERN, { message: 'unitId must be lowercase letters, digits and dashes (max 64)' })
  unitId!: string;
}

export class RegisterEmployeeResponse {
  @ApiProperty({ example: '198503152010011002' })
  nip!: string;

  @ApiProperty({ example: '0', description: 'stream revision after the command; also sent as the ETag' })
  revision!: string;
}
