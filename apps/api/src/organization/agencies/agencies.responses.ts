// OpenAPI shapes (with examples) of agency reads; the values come from the organization read model.
import { ApiProperty } from '@nestjs/swagger';
import { TIME_ZONES } from '../../../../../libs/organization/src/agency/agency-events.js';

export class AgencyItem {
  @ApiProperty({ example: 'disdik-manokwari' })
  agencyId!: string;

  @ApiProperty({ example: 'Dinas Pendidikan Kota Manokwari' })
  name!: string;

  @ApiProperty({ enum: TIME_ZONES, example: 'Asia/Jayapura' })
  timeZone!: string;

  @ApiProperty({ example: '2026-01-05T00:00:00.000Z' })
  registeredAt!: string;

  @ApiProperty({ type: String, nullable: true, example: 'dinas', description: 'null until the root unit exists' })
  rootUnitId!: string | null;

  @ApiProperty({ example: 30 })
  unitCount!: number;

  @ApiProperty({ example: '57', description: "the agency stream's revision (the ETag for unit commands)" })
  revision!: string;
}

export class AgencyPageResponse {
  @ApiProperty({ type: [AgencyItem] })
  items!: AgencyItem[];

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'disdik-manokwari',
    description: 'pass as `after` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
