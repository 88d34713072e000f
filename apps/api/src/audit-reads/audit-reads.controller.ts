// ADMIN reads the record of auditors' reads, one UTC day at a time (README "Auditor's replay").
import { BadRequestException, Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '../../../../libs/auth/src/index.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { Allow } from '../auth/index.js';
import { errorBody } from '../http/error-body.js';
import { CLOCK, INFRASTRUCTURE, type Clock } from '../tokens.js';
import { auditReadsStreamName, type AuditReadData } from './audit-read-recorder.js';
import { AuditReadsQuery } from './audit-reads.query.js';

export interface AuditReadEntry extends AuditReadData {
  revision: string;
  id: string;
  actor: { id: string; role: string };
  hash: string | null;
  prevHash: string | null;
}

const DEFAULT_PAGE = 100;

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit/reads')
export class AuditReadsController {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Allow(Role.ADMIN)
  @ApiOperation({
    summary:
      "Who read which appraisal or cycle log as AUDITOR, and when: the day's `audit-reads-{date}` stream (UTC day; " +
      'default today), oldest first, keyset-paginated by revision. ADMIN only.',
  })
  @ApiOkResponse({
    description: '{ date, items: [{ revision, id, actor, route, cycleId, nip, readAt, hash, prevHash }], nextCursor }',
  })
  @ApiForbiddenResponse({ description: 'not ADMIN' })
  async list(
    @Query() query: AuditReadsQuery,
  ): Promise<{ date: string; items: AuditReadEntry[]; nextCursor: string | null }> {
    const date = query.date ?? this.clock.now().toISOString().slice(0, 10);
    if (
      Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ||
      new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date
    ) {
      throw new BadRequestException(
        errorBody(400, 'VALIDATION_FAILED', `date ${date} is not a calendar date`, [
          { field: 'query.date', message: 'date must be a real calendar date (YYYY-MM-DD)' },
        ]),
      );
    }
    const after = query.after === undefined ? -1n : BigInt(query.after);
    const limit = query.limit ?? DEFAULT_PAGE;
    const events = await this.infrastructure.eventStore.readStream(auditReadsStreamName(date), {
      from: after + 1n,
      maxCount: limit + 1,
    });
    const page = events.slice(0, limit);
    return {
      date,
      items: page.map((e) => ({
        revision: String(e.revision),
        id: e.id,
        actor: e.metadata.actor,
        ...(e.data as AuditReadData),
        hash: e.metadata.hash ?? null,
        prevHash: e.metadata.prevHash ?? null,
      })),
      nextCursor: events.length > limit ? String(page.at(-1)?.revision) : null,
    };
  }
}
