import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString } from 'class-validator';
import { DEMO_USER_IDS } from './demo-users.js';

export class DevTokenRequest {
  @ApiProperty({
    description: 'id of one of the demo users listed by GET /api/v1/dev/demo-users',
    example: 'auditor',
    enum: DEMO_USER_IDS,
  })
  @IsString()
  @IsIn(DEMO_USER_IDS)
  userId!: string;
}
