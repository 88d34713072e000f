// The answer of GET …/appraisals/{nip}/cascade-sources, documented with the demo cycle's examples.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class CascadeSourceIkiResponse {
  @ApiProperty({ example: 'iki-2026-kabid-1' })
  ikiId!: string;

  @ApiProperty({ example: 'Persentase sekolah terakreditasi minimal B' })
  description!: string;

  @ApiProperty({ enum: ['QUANTITATIVE', 'QUALITATIVE'], example: 'QUANTITATIVE' })
  type!: 'QUANTITATIVE' | 'QUALITATIVE';

  @ApiPropertyOptional({
    enum: ['KUANTITAS', 'KUALITAS', 'WAKTU', 'BIAYA'],
    example: 'KUALITAS',
    description: 'QUANTITATIVE only',
  })
  aspect?: string;

  @ApiProperty({
    oneOf: [{ type: 'number' }, { type: 'string' }],
    example: 85,
    description: 'a number for a QUANTITATIVE IKI, the expected outcome for a QUALITATIVE one',
  })
  target!: number | string;

  @ApiPropertyOptional({ example: 'persen', description: 'QUANTITATIVE only' })
  unit?: string;
}

export class CascadeSourceRhkResponse {
  @ApiProperty({ example: 'rhk-2026-kabid-1', description: 'name it in cascadesFrom.rhkId' })
  rhkId!: string;

  @ApiProperty({ enum: ['UTAMA', 'TAMBAHAN'], example: 'UTAMA' })
  kind!: 'UTAMA' | 'TAMBAHAN';

  @ApiProperty({ example: 'Meningkatnya mutu pembelajaran SD di Kota Manokwari' })
  title!: string;

  @ApiProperty({ type: [CascadeSourceIkiResponse] })
  iki!: CascadeSourceIkiResponse[];
}

export class CascadeSourcesResponse {
  @ApiProperty({ example: '197803152005011004', description: 'the appraised employee' })
  nip!: string;

  @ApiProperty({ type: String, nullable: true, example: '197205102000031002', description: 'their rater' })
  raterNip!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Drs. Yohanis Rumbiak, M.Pd.',
    description: "the rater's name from the employee directory (null without a rater or before it lists them)",
  })
  raterName!: string | null;

  @ApiProperty({
    enum: ['RATER_PLAN', 'PERJANJIAN_KINERJA'],
    example: 'RATER_PLAN',
    description:
      'RATER_PLAN: each RHK cascades from one of `rhk` (cascadesFrom: {raterNip, rhkId}); PERJANJIAN_KINERJA: ' +
      "each RHK names an item of the unit's Perjanjian Kinerja (perjanjianKinerjaRef) and `rhk` is empty",
  })
  source!: 'RATER_PLAN' | 'PERJANJIAN_KINERJA';

  @ApiProperty({
    enum: ['JPT', 'NO_RATER', 'RATER_NOT_IN_CYCLE'],
    nullable: true,
    example: null,
    description: 'why the Perjanjian Kinerja applies; null for RATER_PLAN',
  })
  reason!: 'JPT' | 'NO_RATER' | 'RATER_NOT_IN_CYCLE' | null;

  @ApiProperty({
    enum: ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED'],
    nullable: true,
    example: 'APPROVED',
    description: "the status of the rater's plan (its RHK may still change until it is approved); null without one",
  })
  raterPlanStatus!: string | null;

  @ApiProperty({
    type: [CascadeSourceRhkResponse],
    description: "the RHK of the rater's plan in this cycle (removed ones are gone)",
  })
  rhk!: CascadeSourceRhkResponse[];

  @ApiProperty({
    example:
      'Each of your RHK cascades from one of these RHK of your rater 197205102000031002: name it in cascadesFrom ' +
      '{raterNip, rhkId}',
  })
  message!: string;
}
