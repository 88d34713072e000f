// Reading one appraisal: the view each relation may see (folded from its one stream, so always consistent with
// the writes before it; ETag = stream revision), and the stream itself for the auditor's replay.
import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '../../../../../libs/auth/src/index.js';
import {
  eventForViewer,
  type LoggedEvent,
} from '../../../../../libs/appraisal/src/appraisal-view/appraisal-event-log.js';
import { viewAppraisal, type AppraisalView } from '../../../../../libs/appraisal/src/appraisal-view/appraisal-view.js';
import { Allow, CurrentPrincipal } from '../../auth/index.js';
import { etagFor } from '../../event-sourcing/etag.js';
import { authorize, rolesFor } from '../appraisal-access.js';
import { AppraisalFacts } from '../appraisal-facts.js';
import { AppraisalParams, EventPageQuery } from '../appraisal.params.js';
import { CLOCK, type Clock } from '../../tokens.js';

const DEFAULT_PAGE = 100;

@ApiTags('appraisals: reading')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'no relation to this appraisal that allows reading it' })
@ApiNotFoundResponse({ description: 'CYCLE_NOT_FOUND, APPRAISAL_NOT_FOUND' })
@Controller('api/v1/cycles/:cycleId/appraisals/:nip')
export class AppraisalViewController {
  constructor(
    private readonly facts: AppraisalFacts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Allow(...rolesFor('view'))
  @ApiOperation({
    summary:
      "The appraisal as the caller may see it: the employee, the rater, the rater's supervisor, HR of the agency, AUDITOR. Peer input only as an anonymous aggregate.",
  })
  @ApiOkResponse({ description: 'the view; ETag W/"<revision>" for If-Match on the next command' })
  async view(
    @Param() params: AppraisalParams,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AppraisalView> {
    await this.facts.cycle(params.cycleId);
    const appraisal = await this.facts.appraisal(params.cycleId, params.nip);
    const { relation } = authorize(principal, appraisal.state, 'view');
    void reply.header('ETag', etagFor(appraisal.revision));
    // The decider of a keberatan (HR may name someone outside the line) sees what the rater's supervisor sees.
    const viewer = relation === 'OBJECTION_DECIDER' ? 'RATER_SUPERVISOR' : relation;
    return viewAppraisal(appraisal.state, appraisal.events, viewer, this.clock.now().toISOString());
  }

  @Get('events')
  @Allow(...rolesFor('readEvents'))
  @ApiOperation({
    summary:
      "The appraisal's events in order, with actor, time and reason (AUDITOR; HR of the agency sees peer input withheld)",
  })
  @ApiOkResponse({
    description: '{ items: [{ revision, type, data, actor, occurredAt, reason, policyVersion }], nextCursor }',
  })
  async events(
    @Param() params: AppraisalParams,
    @Query() query: EventPageQuery,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ items: LoggedEvent[]; nextCursor: string | null }> {
    await this.facts.cycle(params.cycleId);
    const appraisal = await this.facts.appraisal(params.cycleId, params.nip);
    const { relation } = authorize(principal, appraisal.state, 'readEvents');
    const after = query.after === undefined ? -1n : BigInt(query.after);
    const limit = query.limit ?? DEFAULT_PAGE;
    const page = appraisal.recorded.filter((e) => e.revision > after).slice(0, limit);
    const last = page.at(-1);
    void reply.header('ETag', etagFor(appraisal.revision));
    return {
      items: page.map((e) =>
        eventForViewer(
          {
            revision: String(e.revision),
            type: e.type,
            data: e.data,
            actor: e.metadata.actor ?? null,
            occurredAt: e.metadata.occurredAt,
            reason: e.metadata.reason ?? null,
            policyVersion: e.metadata.policyVersion ?? null,
          },
          relation,
        ),
      ),
      nextCursor: last !== undefined && last.revision < appraisal.revision ? String(last.revision) : null,
    };
  }
}
