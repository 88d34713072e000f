// GET /api/v1/cycles/{cycleId}/events: the cycle stream for AUDITOR and HR of the agency (README "Auditor's
// replay"). An auditor's read is recorded before it is answered (determinations name people).
import { Controller, Get, Headers, Inject, NotFoundException, Param, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Role, type Principal } from '../../../../../libs/auth/src/index.js';
import { cycleStreamName, type CycleEvent } from '../../../../../libs/appraisal/src/cycle/cycle-events.js';
import { evolveCycle, initialCycleState } from '../../../../../libs/appraisal/src/cycle/cycle-state.js';
import type { Infrastructure } from '../../../../../libs/runtime/src/infrastructure.js';
import { AuditReadRecorder } from '../../audit-reads/audit-read-recorder.js';
import { Allow, CurrentPrincipal } from '../../auth/index.js';
import { etagFor } from '../../event-sourcing/etag.js';
import { errorBody } from '../../http/error-body.js';
import { EventPageQuery } from '../../appraisals/appraisal.params.js';
import { INFRASTRUCTURE } from '../../tokens.js';
import { assertOverseesCycle, has } from '../cycle-access.js';
import { CycleParam } from '../cycle.request.js';
import { cycleLogEntry, type CycleLogEntry } from './cycle-log-entry.js';
import { ApiEtag } from '../../http/openapi.js';

const DEFAULT_PAGE = 100;
const ROUTE = '/api/v1/cycles/:cycleId/events';

@ApiTags('cycles')
@ApiBearerAuth()
@ApiEtag()
@Controller('api/v1/cycles/:cycleId/events')
export class CycleLogController {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure,
    private readonly reads: AuditReadRecorder,
  ) {}

  @Get()
  @Allow(Role.AUDITOR, Role.HR)
  @ApiOperation({
    summary:
      "The cycle's events in order, with actor, time, reason, integrity fields and a summary: who opened it, moved " +
      'its phases, set unit predikat, determined (with or without an override), recorded objection changes, ' +
      'published. AUDITOR; HR of the agency.',
  })
  @ApiOkResponse({
    description:
      '{ items: [{ revision, id, type, summary, data, actor, occurredAt, reason, policyVersion, hash, prevHash, ' +
      'correlationId, causationId }], nextCursor }',
  })
  @ApiForbiddenResponse({ description: 'not AUDITOR, nor HR of the agency' })
  @ApiNotFoundResponse({ description: 'CYCLE_NOT_FOUND' })
  async events(
    @Param() { cycleId }: CycleParam,
    @Query() query: EventPageQuery,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlation: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ items: CycleLogEntry[]; nextCursor: string | null }> {
    const recorded = await this.infrastructure.eventStore.readStream(cycleStreamName(cycleId));
    const cycle = recorded
      .map((e) => ({ type: e.type, data: e.data }) as unknown as CycleEvent)
      .reduce(evolveCycle, initialCycleState());
    if (cycle.status === 'none') throw new NotFoundException(errorBody(404, 'CYCLE_NOT_FOUND', `no cycle ${cycleId}`));
    assertOverseesCycle(principal, cycle);
    const asAuditor = !(has(principal, Role.HR) && principal.agencyId === cycle.agencyId);
    await this.reads.recordIfAuditor(principal, asAuditor, { route: ROUTE, cycleId, nip: null }, correlation);
    const after = query.after === undefined ? -1n : BigInt(query.after);
    const page = recorded.filter((e) => e.revision > after).slice(0, query.limit ?? DEFAULT_PAGE);
    const last = page.at(-1);
    const revision = recorded.at(-1)?.revision ?? -1n;
    void reply.header('ETag', etagFor(revision));
    return {
      items: page.map(cycleLogEntry),
      nextCursor: last !== undefined && last.revision < revision ? String(last.revision) : null,
    };
  }
}
