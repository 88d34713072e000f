// Request bodies of the SKP plan routes. The edge checks shape and size; the deciders check meaning (cascading
// from the rater's plan, ids not reused, the plan's status), so both layers answer 400/404/409 with a code.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  registerDecorator,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import {
  BERAKHLAK_VALUES,
  type BerakhlakValueCode,
  type IkiAspect,
  type RhkKind,
} from '../../../../../libs/appraisal/src/appraisal/appraisal-events.js';
import { ITEM_ID, NIP, itemIdMessage, nipMessage } from '../appraisal.params.js';

export const IKI_TYPES = ['QUANTITATIVE', 'QUALITATIVE'] as const;
export const IKI_ASPECTS: readonly IkiAspect[] = ['KUANTITAS', 'KUALITAS', 'WAKTU', 'BIAYA'];
export const RHK_KINDS: readonly RhkKind[] = ['UTAMA', 'TAMBAHAN'];

/** What `field` must be given the IKI's type: a quantitative IKI has aspect, numeric target and unit. */
function ikiFieldProblem(iki: IkiRequest, field: 'target' | 'aspect' | 'unit'): string | null {
  const value = iki[field];
  if (iki.type === 'QUANTITATIVE') {
    if (field === 'target') {
      return typeof value === 'number' && Number.isFinite(value)
        ? null
        : 'target must be a number for a QUANTITATIVE IKI';
    }
    if (field === 'aspect') {
      return IKI_ASPECTS.includes(value as IkiAspect) ? null : `aspect must be one of ${IKI_ASPECTS.join(', ')}`;
    }
    return typeof value === 'string' && value.trim().length > 0 && value.length <= 50
      ? null
      : 'unit (1-50 characters) is required for a QUANTITATIVE IKI';
  }
  if (iki.type === 'QUALITATIVE') {
    if (field === 'target') {
      return typeof value === 'string' && value.trim().length > 0 && value.length <= 2000
        ? null
        : 'target must be a narrative (1-2000 characters) for a QUALITATIVE IKI';
    }
    return value === undefined ? null : `${field} applies to QUANTITATIVE IKI only`;
  }
  return null; // the type itself is reported by @IsIn
}

function FitsIkiType(): PropertyDecorator {
  return (object, propertyName) =>
    registerDecorator({
      name: 'fitsIkiType',
      target: object.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (_value: unknown, args: ValidationArguments) =>
          ikiFieldProblem(args.object as IkiRequest, args.property as 'target') === null,
        defaultMessage: (args?: ValidationArguments) =>
          args ? (ikiFieldProblem(args.object as IkiRequest, args.property as 'target') ?? '') : '',
      },
    });
}

export class IkiRequest {
  @ApiPropertyOptional({ example: 'iki-1-1', description: 'generated when absent; keep it when revising' })
  @IsOptional()
  @Matches(ITEM_ID, { message: itemIdMessage('ikiId') })
  ikiId?: string;

  @ApiProperty({ example: 'Persentase siswa kelas 6 yang tuntas KKM matematika' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description!: string;

  @ApiProperty({ enum: IKI_TYPES, example: 'QUANTITATIVE' })
  @IsIn(IKI_TYPES)
  type!: (typeof IKI_TYPES)[number];

  @ApiPropertyOptional({ enum: IKI_ASPECTS, example: 'KUANTITAS', description: 'QUANTITATIVE only' })
  @FitsIkiType()
  aspect?: IkiAspect;

  @ApiProperty({
    oneOf: [{ type: 'number' }, { type: 'string' }],
    example: 85,
    description: 'a number for QUANTITATIVE, a narrative for QUALITATIVE',
  })
  @FitsIkiType()
  target!: number | string;

  @ApiPropertyOptional({ example: 'persen', description: 'QUANTITATIVE only' })
  @FitsIkiType()
  unit?: string;
}

export class CascadeRequest {
  @ApiProperty({ example: '198001012005011001', description: "the rater's NIP" })
  @Matches(NIP, { message: nipMessage('cascadesFrom.raterNip') })
  raterNip!: string;

  @ApiProperty({ example: 'rhk-kepsek-1', description: "an RHK of the rater's plan in this cycle" })
  @Matches(ITEM_ID, { message: itemIdMessage('cascadesFrom.rhkId') })
  rhkId!: string;
}

export class RhkBody {
  @ApiProperty({ enum: RHK_KINDS, example: 'UTAMA' })
  @IsIn(RHK_KINDS)
  kind!: RhkKind;

  @ApiProperty({ example: 'Meningkatnya ketuntasan belajar matematika kelas 6' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title!: string;

  @ApiPropertyOptional({
    type: CascadeRequest,
    nullable: true,
    description: "the rater's RHK this one cascades from (required unless JPT or the rater has no plan)",
  })
  @IsOptional()
  @IsObject({ message: 'cascadesFrom must be an object or null' })
  @ValidateNested()
  @Type(() => CascadeRequest)
  cascadesFrom?: CascadeRequest | null;

  @ApiPropertyOptional({
    type: String,
    example: null,
    nullable: true,
    description: "the unit's Perjanjian Kinerja item: for a JPT, or when the rater has no appraisal this cycle",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  perjanjianKinerjaRef?: string | null;

  @ApiProperty({ type: [IkiRequest], minItems: 1, maxItems: 20 })
  @IsArray()
  @ArrayMinSize(1, { message: 'an RHK has at least one IKI' })
  @ArrayMaxSize(20, { message: 'an RHK has at most 20 IKI' })
  @ValidateNested({ each: true })
  @Type(() => IkiRequest)
  iki!: IkiRequest[];
}

export class DraftRhkRequest extends RhkBody {
  @ApiPropertyOptional({ example: 'rhk-1', description: 'generated when absent' })
  @IsOptional()
  @Matches(ITEM_ID, { message: itemIdMessage('rhkId') })
  rhkId?: string;
}

export class RemoveRhkRequest {
  @ApiProperty({ example: 'digabung dengan RHK 2 atas arahan kepala sekolah' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class ReturnPlanRequest {
  @ApiProperty({ example: 'Target IKI 1 terlalu rendah; selaraskan dengan RHK kepala sekolah nomor 2.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  comments!: string;
}

export class BehaviourExpectationRequest {
  @ApiProperty({ enum: BERAKHLAK_VALUES, example: 'KOLABORATIF' })
  @IsIn(BERAKHLAK_VALUES)
  value!: BerakhlakValueCode;

  @ApiProperty({ example: 'Aktif berbagi praktik baik di KKG gugus 3 setiap bulan' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  expectation!: string;
}
