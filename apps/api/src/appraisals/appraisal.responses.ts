// Replies of the appraisal command routes: the new stream revision (also the ETag) and the id of what was added.
import { ApiProperty } from '@nestjs/swagger';

export class RevisionResponse {
  @ApiProperty({ example: '7', description: 'stream revision after the command; also sent as the ETag' })
  revision!: string;
}

export class RhkResponse extends RevisionResponse {
  @ApiProperty({ example: 'rhk-1' })
  rhkId!: string;
}

export class IdResponse extends RevisionResponse {
  @ApiProperty({ example: '5f0c8a9e-1b2d-4c3e-8f4a-6b7c8d9e0f1a', description: 'the id of the entry added' })
  id!: string;
}

export class RatingResponse extends RevisionResponse {
  @ApiProperty({ example: 1, description: 'the rating version submitted (or acted on)' })
  version!: number;

  @ApiProperty({ example: 'BAIK', description: "computed from the pinned policy's matrix" })
  predikat!: string;
}

export class ApprovalResponse extends RatingResponse {
  @ApiProperty({
    type: 'object',
    properties: { noteId: { type: 'string' }, acknowledged: { type: 'boolean' } },
    required: ['noteId', 'acknowledged'],
    nullable: true,
    example: { noteId: 'dialog-1', acknowledged: true },
    description:
      'the performance dialogue that unlocked a rating marked for one (acknowledged: false = the employee let the deadline pass)',
  })
  dialogue!: { noteId: string; acknowledged: boolean } | null;

  @ApiProperty({
    type: 'object',
    properties: {
      declarationIds: { type: 'array', items: { type: 'string' } },
      acknowledgement: { type: 'string' },
    },
    required: ['declarationIds', 'acknowledgement'],
    nullable: true,
    example: { declarationIds: ['coi-1'], acknowledgement: 'Bukti realisasi diperiksa sendiri oleh atasan' },
    description: "the approver's acknowledgement of a rating made under declared conflicts of interest",
  })
  conflictOfInterest!: { declarationIds: string[]; acknowledgement: string } | null;
}

export class ReceiptResponse extends RevisionResponse {
  @ApiProperty({ example: '2026-01-20T01:00:00.000Z' })
  receivedAt!: string;

  @ApiProperty({
    type: 'object',
    properties: {
      startDay: { type: 'string', description: 'local date, YYYY-MM-DD' },
      lastDay: { type: 'string', description: 'local date, YYYY-MM-DD' },
      closesAt: { type: 'string', format: 'date-time' },
      timeZone: { type: 'string' },
      counting: { type: 'string' },
    },
    required: ['startDay', 'lastDay', 'closesAt', 'timeZone', 'counting'],
    example: {
      startDay: '2026-01-20',
      lastDay: '2026-02-03',
      closesAt: '2026-02-03T15:00:00.000Z',
      timeZone: 'Asia/Jayapura',
      counting: 'CALENDAR',
    },
    description: "the keberatan window, on the agency's local calendar under the pinned policy",
  })
  objectionDeadline!: Record<string, unknown>;
}
