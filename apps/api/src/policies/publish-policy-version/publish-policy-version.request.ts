import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { DEFAULT_POLICY } from '../../../../../libs/policy/src/default-policy.js';
import { SCOPE_PATTERN } from '../policy.request.js';

export class PolicyRefRequest {
  @ApiProperty({ example: 'national' })
  @IsString()
  @Matches(SCOPE_PATTERN, { message: 'basedOn.scope must be "national" or an agency id' })
  scope!: string;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  version!: number;
}

const EXAMPLE_POLICY = {
  ...DEFAULT_POLICY,
  title: 'Kota Manokwari: keberatan dalam 14 hari kerja',
  objection: { ...DEFAULT_POLICY.objection, windowCounting: 'WORKING' },
};

export class PublishPolicyVersionRequest {
  @ApiProperty({
    description:
      'The whole policy document (every field required; see the built-in default at GET /api/v1/policies/national/versions/1). Checked for completeness and contradictions; problems are reported with field paths like policy.distribution.curves.BAIK[0].value.',
    example: EXAMPLE_POLICY,
    type: 'object',
    additionalProperties: true,
  })
  @IsObject({ message: 'policy must be a policy document (an object)' })
  policy!: Record<string, unknown>;

  @ApiProperty({
    example: 'Keputusan Wali Kota: keberatan dihitung dalam hari kerja',
    description: 'why, for the record',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({
    example: 2,
    description: 'the version number you mean to create (the next one); refused if it is already published',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  version?: number;

  @ApiPropertyOptional({
    type: PolicyRefRequest,
    description: "the version this one derives from; default: the scope's latest, or national's for an agency's first",
  })
  // Absent means the default; null is refused rather than read as absent (README "Errors").
  @ValidateIf((o: PublishPolicyVersionRequest) => o.basedOn !== undefined)
  @IsObject({ message: 'basedOn must be an object {scope, version}; omit it for the default' })
  @ValidateNested()
  @Type(() => PolicyRefRequest)
  basedOn?: PolicyRefRequest;
}

export class PublishPolicyVersionResponse {
  @ApiProperty({ example: 'kota-manokwari' })
  scope!: string;

  @ApiProperty({ example: 1 })
  version!: number;

  @ApiProperty({ example: '0', description: 'stream revision after the command; also sent as the ETag' })
  revision!: string;
}
