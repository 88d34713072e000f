import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PositionFields } from '../register-employee/position-fields.js';
import { NIP_PATTERN, SLUG_PATTERN } from '../../http/patterns.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class MoveEmployeeRequest {
  @ApiProperty({ example: 'sd-negeri-5', description: "a unit of the employee's agency" })
  @IsString()
  @Matches(SLUG_PATTERN, { message: 'unitId must be lowercase letters, digits and dashes (max 64)' })
  unitId!: string;

  @ApiPropertyOptional({ example: '2026-07-01', description: "default: today in the agency's time zone" })
  @IsOptional()
  @Matches(DATE, { message: 'effectiveDate must be YYYY-MM-DD' })
  effectiveDate?: string;
}

export class ChangePositionRequest extends PositionFields {
  @ApiPropertyOptional({ example: '2026-07-01', description: "default: today in the agency's time zone" })
  @IsOptional()
  @Matches(DATE, { message: 'effectiveDate must be YYYY-MM-DD' })
  effectiveDate?: string;
}

export class ReasonRequest {
  @ApiProperty({ example: 'the derived head is on long leave; the Plt. rates this year' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class RaterOverrideRequest extends ReasonRequest {
  @ApiProperty({ example: '197501012000031001', description: 'NIP of the pejabat penilai to use instead' })
  @IsString()
  @Matches(NIP_PATTERN, { message: 'raterNip must be exactly 18 digits' })
  raterNip!: string;
}

export class RenameEmployeeRequest extends ReasonRequest {
  @ApiProperty({ example: 'Siti Rahayu Mandacan, S.Pd.', description: 'the new name (1-200 characters, not blank)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}
