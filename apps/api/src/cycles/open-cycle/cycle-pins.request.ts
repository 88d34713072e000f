// The optional explicit pins of POST /api/v1/cycles: which framework version and which policy version the cycle
// decides under for ever. Shapes only here; whether they exist, are published and may be used: cycle-pins.ts.
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { POLICY_SCOPE_PATTERN } from '../../../../../libs/policy/src/versions/policy-events.js';
import { SLUG } from '../../frameworks/framework.requests.js';

export class FrameworkPinRequest {
  @ApiProperty({ example: 'disdik-manokwari', description: "a framework of the cycle's agency" })
  @IsString()
  @Matches(SLUG, { message: 'framework.frameworkId must be lowercase letters, digits and dashes (max 64)' })
  frameworkId!: string;

  @ApiProperty({ example: 2, minimum: 1, description: 'a PUBLISHED version of it (a draft is refused)' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version!: number;
}

export class PolicyPinRequest {
  @ApiProperty({ example: 'national', description: '"national" or the id of the cycle\'s own agency' })
  @IsString()
  @Matches(POLICY_SCOPE_PATTERN, { message: 'policy.scope must be "national" or an agency id' })
  scope!: string;

  @ApiProperty({
    example: 1,
    minimum: 1,
    description: 'a published version of that scope (national 1 is the built-in)',
  })
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  version!: number;
}
