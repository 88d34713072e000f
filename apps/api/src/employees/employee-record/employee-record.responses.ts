// OpenAPI shapes (with examples) of the reports page; the values come from the reporting_lines read model.
import { ApiProperty } from '@nestjs/swagger';

export class PersonItem {
  @ApiProperty({ example: '198503152010011002' })
  nip!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Siti Rahayu, S.Pd.' })
  name!: string | null;
}

export class ReportsPageResponse {
  @ApiProperty({ example: '197501012000011001', description: 'the person whose reports these are' })
  nip!: string;

  @ApiProperty({ type: [PersonItem], description: 'employees this person rates, by NIP (this page)' })
  directReports!: PersonItem[];

  @ApiProperty({
    type: [PersonItem],
    description: 'employees whose rater this person rates (atasan pejabat penilai), by NIP, after the direct reports',
  })
  reportsOfReports!: PersonItem[];

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'indirect:199001012015032001',
    description: 'pass as `after` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
