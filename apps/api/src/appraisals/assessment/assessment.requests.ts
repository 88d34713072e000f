// Request bodies of the assessment routes: self-assessment, peer reviewers and input, the supervisor's rating,
// its approval or return. Ratings are DI_BAWAH_EKSPEKTASI / SESUAI_EKSPEKTASI / DI_ATAS_EKSPEKTASI.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNumber,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { RATINGS, type Rating } from '../../../../../libs/policy/src/policy.js';
import {
  BERAKHLAK_VALUES,
  type BerakhlakValueCode,
} from '../../../../../libs/appraisal/src/appraisal/appraisal-events.js';
import { ITEM_ID, NIP, itemIdMessage, nipMessage } from '../appraisal.params.js';

const ratingProperty = (example: Rating) => ApiProperty({ enum: RATINGS, example });

function EvidenceIds(description: string): PropertyDecorator {
  return (target, key) =>
    [
      ApiPropertyOptional({ type: [String], example: ['bukti-1'], description }),
      IsOptional(),
      IsArray(),
      ArrayMaxSize(50),
      Matches(ITEM_ID, { each: true, message: itemIdMessage('evidenceIds[]') }),
    ].forEach((decorate) => decorate(target, key));
}

export class ValueRatingRequest {
  @ApiProperty({ enum: BERAKHLAK_VALUES, example: 'KOLABORATIF' })
  @IsIn(BERAKHLAK_VALUES)
  value!: BerakhlakValueCode;

  @ratingProperty('SESUAI_EKSPEKTASI')
  @IsIn(RATINGS)
  rating!: Rating;

  @ApiPropertyOptional({ example: 'Rajin berbagi modul ajar di KKG' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class RhkSelfRatingRequest {
  @ApiProperty({ example: 'rhk-1' })
  @Matches(ITEM_ID, { message: itemIdMessage('rhkId') })
  rhkId!: string;

  @ratingProperty('DI_ATAS_EKSPEKTASI')
  @IsIn(RATINGS)
  rating!: Rating;

  @ApiPropertyOptional({ example: 'Ketuntasan 92%, di atas target 85%' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @EvidenceIds('evidence attached to this appraisal')
  evidenceIds?: string[];
}

export class SelfAssessmentRequest {
  @ApiProperty({ type: [RhkSelfRatingRequest], description: 'every RHK of the approved plan, once' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RhkSelfRatingRequest)
  rhk!: RhkSelfRatingRequest[];

  @ApiProperty({ type: [ValueRatingRequest], description: 'each of the seven BerAKHLAK values, once' })
  @IsArray()
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => ValueRatingRequest)
  values!: ValueRatingRequest[];

  @ratingProperty('DI_ATAS_EKSPEKTASI')
  @IsIn(RATINGS)
  hasilKerja!: Rating;

  @ratingProperty('SESUAI_EKSPEKTASI')
  @IsIn(RATINGS)
  perilaku!: Rating;
}

export class ProposePeerReviewerRequest {
  @ApiProperty({ example: '199001012015032001', description: 'a peer (same rater) or a direct subordinate' })
  @Matches(NIP, { message: nipMessage('reviewerNip') })
  reviewerNip!: string;
}

export class ChoosePeerReviewersRequest {
  @ApiProperty({
    type: [String],
    example: ['199001012015032001', '199102022016031002', '199203032017032003'],
    description: 'the whole list (replaces the previous choice); reviewers who already gave input must stay',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @Matches(NIP, { each: true, message: nipMessage('reviewerNips[]') })
  reviewerNips!: string[];
}

export class PeerInputRequest {
  @ApiProperty({ type: [ValueRatingRequest], description: '1 to 7 BerAKHLAK values, each at most once' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => ValueRatingRequest)
  values!: ValueRatingRequest[];
}

export class IkiRealisationRequest {
  @ApiProperty({ example: 'rhk-1' })
  @Matches(ITEM_ID, { message: itemIdMessage('rhkId') })
  rhkId!: string;

  @ApiProperty({ example: 'iki-1-1' })
  @Matches(ITEM_ID, { message: itemIdMessage('ikiId') })
  ikiId!: string;

  @ApiPropertyOptional({ type: Number, example: 92, nullable: true, description: 'a quantitative IKI' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'value must be a finite number' })
  value?: number | null;

  @ApiPropertyOptional({ type: String, example: null, nullable: true, description: 'a qualitative IKI' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  narrative?: string | null;
}

export class ValueNoteRequest {
  @ApiProperty({ enum: BERAKHLAK_VALUES, example: 'BERORIENTASI_PELAYANAN' })
  @IsIn(BERAKHLAK_VALUES)
  value!: BerakhlakValueCode;

  @ApiProperty({ example: 'Sabar melayani orang tua murid' })
  @IsString()
  @MaxLength(2000)
  note!: string;
}

export class CompetencyLevelRequest {
  @ApiProperty({ example: 'PEDAGOGIK' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  code!: string;

  @ApiProperty({ example: 3, minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  level!: 1 | 2 | 3 | 4 | 5;
}

export class SupervisorRatingRequest {
  @ApiProperty({ type: [IkiRealisationRequest], description: 'one realisation for every IKI of the plan' })
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => IkiRealisationRequest)
  realisations!: IkiRealisationRequest[];

  @ratingProperty('DI_ATAS_EKSPEKTASI')
  @IsIn(RATINGS)
  hasilKerja!: Rating;

  @ratingProperty('SESUAI_EKSPEKTASI')
  @IsIn(RATINGS)
  perilaku!: Rating;

  @ApiPropertyOptional({ type: [ValueNoteRequest] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => ValueNoteRequest)
  valueNotes?: ValueNoteRequest[];

  @ApiPropertyOptional({ type: [CompetencyLevelRequest], description: 'competency levels observed (1-5)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CompetencyLevelRequest)
  competencyLevels?: CompetencyLevelRequest[];

  @ApiPropertyOptional({
    type: String,
    example: 'Ketuntasan 92% melampaui target; bukti rekap nilai terlampir.',
    nullable: true,
    description: 'required, with evidence, for any rating other than SESUAI_EKSPEKTASI',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  justification?: string | null;

  @EvidenceIds('evidence the rating rests on (required with a justification)')
  evidenceIds?: string[];
}

export class ApproveRatingRequest {
  @ApiPropertyOptional({
    example: 'Bukti realisasi diperiksa sendiri oleh atasan; penilaian dapat dipertanggungjawabkan',
    description:
      'Required when the rating was made under a declared conflict of interest: why the rating stands (recorded on the approval)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  conflictOfInterestAcknowledgement?: string;
}

export class ReturnRatingRequest {
  @ApiProperty({ example: 'Justifikasi DI_ATAS untuk hasil kerja belum merujuk bukti IKI 2.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reasons!: string;
}
