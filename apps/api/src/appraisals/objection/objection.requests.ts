// Request bodies of the keberatan routes. Shapes only: the rules (window, items named by the published rating,
// statements before the decision) are the domain's (libs/appraisal/src/objection).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  OBJECTED_ITEM_KINDS,
  STATEMENT_PARTIES,
  type ObjectedItemKind,
  type StatementParty,
} from '../../../../../libs/appraisal/src/objection/objection-events.js';
import { RATINGS, type Rating } from '../../../../../libs/policy/src/policy.js';
import { ITEM_ID, NIP, itemIdMessage, nipMessage } from '../appraisal.params.js';
import { EvidenceFileRequest } from '../period/period.requests.js';

export class ObjectedItemRequest {
  @ApiProperty({ enum: OBJECTED_ITEM_KINDS, example: 'HASIL_KERJA_RATING' })
  @IsIn(OBJECTED_ITEM_KINDS)
  kind!: ObjectedItemKind;

  @ApiPropertyOptional({ example: 'rhk-1', description: 'REALISATION only' })
  @ValidateIf((o: ObjectedItemRequest) => o.kind === 'REALISATION')
  @Matches(ITEM_ID, { message: itemIdMessage('rhkId') })
  rhkId?: string;

  @ApiPropertyOptional({ example: 'iki-1-1', description: 'REALISATION only' })
  @ValidateIf((o: ObjectedItemRequest) => o.kind === 'REALISATION')
  @Matches(ITEM_ID, { message: itemIdMessage('ikiId') })
  ikiId?: string;

  @ApiPropertyOptional({ example: 'KERJA_SAMA', description: 'COMPETENCY_LEVEL only' })
  @ValidateIf((o: ObjectedItemRequest) => o.kind === 'COMPETENCY_LEVEL')
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  competencyCode?: string;
}

export class ObjectionEvidenceRequest {
  @ApiProperty({ enum: ['LINK', 'FILE'], example: 'LINK' })
  @IsIn(['LINK', 'FILE'])
  kind!: 'LINK' | 'FILE';

  @ApiPropertyOptional({ example: 'https://drive.example.go.id/laporan-kegiatan', description: 'LINK only' })
  @ValidateIf((o: ObjectionEvidenceRequest) => o.kind === 'LINK' || o.url !== undefined)
  @IsString()
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ type: EvidenceFileRequest, description: 'FILE only' })
  @ValidateIf((o: ObjectionEvidenceRequest) => o.kind === 'FILE' || o.file !== undefined)
  @ValidateNested()
  @Type(() => EvidenceFileRequest)
  file?: EvidenceFileRequest;

  @ApiProperty({ example: 'Laporan kegiatan semester II' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description!: string;
}

export class FileObjectionRequest {
  @ApiPropertyOptional({
    example: 'keberatan-1',
    description: 'chosen by the client for safe retries; generated when absent',
  })
  @IsOptional()
  @Matches(ITEM_ID, { message: itemIdMessage('objectionId') })
  objectionId?: string;

  @ApiProperty({ example: 'Realisasi IKI-1 mencapai 92%, melampaui target 85%; bukti terlampir.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(8000)
  reasons!: string;

  @ApiProperty({ type: [ObjectedItemRequest], description: 'what is objected to: 1-50 items' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ObjectedItemRequest)
  items!: ObjectedItemRequest[];

  @ApiPropertyOptional({ type: [ObjectionEvidenceRequest], description: 'up to 20 pieces of evidence' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ObjectionEvidenceRequest)
  evidence?: ObjectionEvidenceRequest[];
}

export class PaperObjectionRequest extends FileObjectionRequest {
  @ApiProperty({ example: '2027-01-15', description: "the local date the agency received the employee's letter" })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'letterReceivedOn must be a date YYYY-MM-DD' })
  letterReceivedOn!: string;

  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  @Matches(/^[0-9a-f]{64}$/, { message: "letterScanSha256 must be the scan's SHA-256 (64 lowercase hex digits)" })
  letterScanSha256!: string;
}

export class AssignDeciderRequest {
  @ApiProperty({ example: '196802021990031003' })
  @Matches(NIP, { message: nipMessage('deciderNip') })
  deciderNip!: string;

  @ApiProperty({ example: 'Kepala Dinas tidak memiliki atasan di instansi ini; diputus oleh Sekretaris Daerah' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class StatementRequestRequest {
  @ApiProperty({ enum: STATEMENT_PARTIES, example: 'RATER' })
  @IsIn(STATEMENT_PARTIES)
  party!: StatementParty;
}

export class StatementRequest {
  @ApiProperty({ example: 'Penilaian didasarkan pada rekap ketuntasan per 20 Desember.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(8000)
  statement!: string;

  @ApiPropertyOptional({ type: [ObjectionEvidenceRequest] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ObjectionEvidenceRequest)
  evidence?: ObjectionEvidenceRequest[];
}

export class DecisionRequest {
  @ApiProperty({ enum: ['UPHELD', 'CHANGED'], example: 'CHANGED' })
  @IsIn(['UPHELD', 'CHANGED'])
  outcome!: 'UPHELD' | 'CHANGED';

  @ApiProperty({ example: 'Bukti realisasi IKI-1 sah; rating hasil kerja diubah.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(8000)
  reasons!: string;

  @ApiPropertyOptional({ enum: RATINGS, description: 'CHANGED only: the new rating hasil kerja' })
  @IsOptional()
  @IsIn(RATINGS)
  hasilKerja?: Rating;

  @ApiPropertyOptional({ enum: RATINGS, description: 'CHANGED only: the new rating perilaku' })
  @IsOptional()
  @IsIn(RATINGS)
  perilaku?: Rating;
}

export class WithdrawalRequest {
  @ApiProperty({ example: 'Sudah dibahas dengan atasan; saya menerima hasilnya.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
