// Request bodies of the during-the-period routes: feedback, realisasi, evidence (bukti dukung), comments and
// dialogue notes. Nothing is editable: a correction is a new entry naming the one it corrects (`corrects`).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsNumber,
  IsIn,
  IsObject,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { ItemKind } from '../../../../../libs/appraisal/src/appraisal/appraisal-events.js';
import { ITEM_KINDS } from '../../../../../libs/appraisal/src/appraisal/appraisal-items.js';
import { ITEM_ID, NIP, itemIdMessage, nipMessage } from '../appraisal.params.js';

/** An id the client may choose (safe retries); generated when absent. */
function OptionalId(field: string, example: string): PropertyDecorator {
  return (target, key) =>
    [
      ApiPropertyOptional({ example, description: 'chosen by the client (safe retries) or generated when absent' }),
      IsOptional(),
      Matches(ITEM_ID, { message: itemIdMessage(field) }),
    ].forEach((decorate) => decorate(target, key));
}

function Corrects(): PropertyDecorator {
  return (target, key) =>
    [
      ApiPropertyOptional({
        type: String,
        example: null,
        nullable: true,
        description: 'id of your earlier entry this one corrects',
      }),
      IsOptional(),
      Matches(ITEM_ID, { message: itemIdMessage('corrects') }),
    ].forEach((decorate) => decorate(target, key));
}

function EvidenceIds(): PropertyDecorator {
  return (target, key) =>
    [
      ApiPropertyOptional({ type: [String], example: ['bukti-1'], description: 'evidence attached to this appraisal' }),
      IsOptional(),
      IsArray(),
      ArrayMaxSize(50),
      Matches(ITEM_ID, { each: true, message: itemIdMessage('evidenceIds[]') }),
    ].forEach((decorate) => decorate(target, key));
}

export class ItemRefRequest {
  @ApiProperty({ enum: ITEM_KINDS, example: 'IKI' })
  @IsIn(ITEM_KINDS)
  kind!: ItemKind;

  @ApiProperty({ example: 'iki-1-1', description: 'the item id (a version number for SELF_ASSESSMENT / RATING)' })
  @Matches(ITEM_ID, { message: itemIdMessage('id') })
  id!: string;
}

export class FeedbackRequestRequest {
  @OptionalId('requestId', 'minta-umpan-balik-1')
  requestId?: string;

  @ApiProperty({ example: '199001012015032001', description: 'whom the employee asks for feedback' })
  @Matches(NIP, { message: nipMessage('askedNip') })
  askedNip!: string;

  @ApiPropertyOptional({ example: 'Mohon masukan atas pembelajaran daring saya semester ini' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class FeedbackRequest {
  @OptionalId('feedbackId', 'umpan-balik-1')
  feedbackId?: string;

  @ApiPropertyOptional({
    type: String,
    example: null,
    nullable: true,
    description: 'the request being answered (someone the employee asked); absent for the rater',
  })
  @IsOptional()
  @Matches(ITEM_ID, { message: itemIdMessage('requestId') })
  requestId?: string | null;

  @ApiProperty({ example: 'Rencana pembelajaran sudah baik; perbanyak asesmen formatif.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  text!: string;

  @ApiPropertyOptional({ type: ItemRefRequest, nullable: true, description: 'the item this feedback is about' })
  @IsOptional()
  @IsObject({ message: 'relatesTo must be an object {kind, id} or null' })
  @ValidateNested()
  @Type(() => ItemRefRequest)
  relatesTo?: ItemRefRequest | null;

  @EvidenceIds()
  evidenceIds?: string[];

  @Corrects()
  corrects?: string | null;
}

export class RealisationRequest {
  @OptionalId('realisationId', 'realisasi-1')
  realisationId?: string;

  @ApiProperty({ example: 'rhk-1' })
  @Matches(ITEM_ID, { message: itemIdMessage('rhkId') })
  rhkId!: string;

  @ApiProperty({ example: 'iki-1-1' })
  @Matches(ITEM_ID, { message: itemIdMessage('ikiId') })
  ikiId!: string;

  @ApiPropertyOptional({ type: Number, example: 78, nullable: true, description: 'for a quantitative IKI' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'value must be a finite number' })
  value?: number | null;

  @ApiPropertyOptional({ type: String, example: null, nullable: true, description: 'for a qualitative IKI' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  narrative?: string | null;

  @EvidenceIds()
  evidenceIds?: string[];

  @Corrects()
  corrects?: string | null;
}

export const EVIDENCE_KINDS = ['LINK', 'FILE'] as const;

export class EvidenceFileRequest {
  @ApiProperty({ example: 'rekap-nilai-kelas-6.pdf' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  fileName!: string;

  @ApiProperty({ example: 'application/pdf' })
  @Matches(/^[a-z0-9!#$&^_.+-]{1,64}\/[a-z0-9!#$&^_.+-]{1,64}$/i, { message: 'mediaType must be like type/subtype' })
  mediaType!: string;

  @ApiProperty({ example: 245760 })
  @IsInt()
  @Min(0)
  @Max(10 * 1024 ** 3)
  sizeBytes!: number;

  @ApiProperty({
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    description: "hex SHA-256 of the file's content: proves which file it was",
  })
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lowercase hex digits' })
  sha256!: string;
}

export class EvidenceRequest {
  @OptionalId('evidenceId', 'bukti-1')
  evidenceId?: string;

  @ApiProperty({ enum: EVIDENCE_KINDS, example: 'LINK' })
  @IsIn(EVIDENCE_KINDS)
  kind!: (typeof EVIDENCE_KINDS)[number];

  @ApiPropertyOptional({ example: 'https://drive.example.go.id/rekap-nilai', description: 'LINK only' })
  @ValidateIf((o: EvidenceRequest) => o.kind === 'LINK' || o.url !== undefined)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be an http(s) URL' })
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ type: EvidenceFileRequest, description: 'FILE only: metadata of the uploaded file' })
  @ValidateIf((o: EvidenceRequest) => o.kind === 'FILE' || o.file !== undefined)
  @IsObject({ message: 'file must be an object {fileName, mediaType, sizeBytes, sha256}' })
  @ValidateNested()
  @Type(() => EvidenceFileRequest)
  file?: EvidenceFileRequest;

  @ApiProperty({ example: 'Rekap nilai ulangan harian kelas 6, semester ganjil' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description!: string;
}

export class AppraisalCommentRequest {
  @OptionalId('commentId', 'komentar-1')
  commentId?: string;

  @ApiProperty({ type: ItemRefRequest })
  @IsObject({ message: 'on must be an object {kind, id}: the item commented on' })
  @ValidateNested()
  @Type(() => ItemRefRequest)
  on!: ItemRefRequest;

  @ApiProperty({ example: 'Bukti ini sudah cukup untuk IKI 1.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  text!: string;

  @Corrects()
  corrects?: string | null;
}

export class DialogueAcknowledgementRequest {
  @ApiPropertyOptional({
    example: 'Dialog sudah dilakukan; saya tetap berpendapat target IKI-1 tercapai',
    description: 'optional: the employee may say whether they agree (acknowledging confirms the dialogue took place)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class DialogueNoteRequest {
  @OptionalId('noteId', 'dialog-1')
  noteId?: string;

  @ApiProperty({ example: '2025-06-12', description: 'local date the dialogue was held' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'heldOn must be a date YYYY-MM-DD' })
  heldOn!: string;

  @ApiProperty({ example: 'Membahas selisih penilaian perilaku Kolaboratif; disepakati contoh konkret.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  text!: string;

  @Corrects()
  corrects?: string | null;
}
