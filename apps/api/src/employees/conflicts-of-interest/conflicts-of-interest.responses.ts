// OpenAPI shapes (with examples) of the declaration list; the values come from the conflicts_of_interest read model.
import { ApiProperty } from '@nestjs/swagger';

export class DeclarationItem {
  @ApiProperty({ example: '5f0c8a9e-1b2d-4c3e-8f4a-6b7c8d9e0f1a' })
  declarationId!: string;

  @ApiProperty({ example: '198503152010011002', description: 'the ratee' })
  rateeNip!: string;

  @ApiProperty({ example: '197501012000031001', description: 'the rater (pejabat penilai)' })
  raterNip!: string;

  @ApiProperty({ enum: ['FAMILY', 'BUSINESS', 'OTHER'], example: 'FAMILY' })
  kind!: string;

  @ApiProperty({ example: 'the rater is my uncle (brother of my mother)' })
  description!: string;

  @ApiProperty({ enum: ['RATEE', 'RATER', 'HR'], example: 'RATEE' })
  declaredBy!: string;

  @ApiProperty({ example: '2026-03-02T01:15:00.000Z' })
  declaredAt!: string;

  @ApiProperty({ example: true, description: 'false once withdrawn' })
  active!: boolean;

  @ApiProperty({ type: String, nullable: true, example: null })
  withdrawnAt!: string | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  withdrawalReason!: string | null;
}

export class DeclarationPageResponse {
  @ApiProperty({ type: [DeclarationItem] })
  items!: DeclarationItem[];

  @ApiProperty({
    type: String,
    nullable: true,
    example: '5f0c8a9e-1b2d-4c3e-8f4a-6b7c8d9e0f1a',
    description: 'pass as `after` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
