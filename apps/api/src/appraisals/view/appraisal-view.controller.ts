// Reading one appraisal: the view each relation may see (folded from its one stream, so always consistent with
// the writes before it; ETag = stream revision), the stream itself, and the auditor's replay (README
// "Auditor's replay"). Every read done as AUDITOR is recorded before it is answered.
import { Controller, Get, Headers, Inject, Param, Query, Res } from '@nestjs/common';
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
import { AuditReadRecorder } from '../../audit-reads/audit-read-recorder.js';
import { viewAppraisal, type AppraisalView } from '../../../../../libs/appraisal/src/appraisal-view/appraisal-view.js';
import { Allow, CurrentPrincipal } from '../../auth/index.js';
import { etagFor } from '../../event-sourcing/etag.js';
import { authorize, rolesFor } from '../appraisal-access.js';
import { AppraisalFacts } from '../appraisal-facts.js';
import { AppraisalParams, EventPageQuery } from '../appraisal.params.js';
import { CLOCK, INFRASTRUCTURE, type Clock } from '../../tokens.js';
import { cycleStreamName } from '../../../../../libs/appraisal/src/cycle/cycle-events.js';
import type { Infrastructure } from '../../../../../libs/runtime/src/infrastructure.js';
import { loggedEvent } from './logged-event.js';
import { replayCut, replayOf, type AppraisalReplay } from './appraisal-replay.js';
import { ReplayQuery } from './replay.query.js';
import {
  appraisalNames,
  directoryNames,
  type AppraisalNames,
} from '../../../../../libs/read-models/src/appraisals/appraisal-names.js';
import { ApiEtag } from '../../http/openapi.js';

const DEFAULT_PAGE = 100;

/** Route templates as the record of auditor reads names them. */
const VIEW_ROUTE = '/api/v1/cycles/:cycleId/appraisals/:nip';
const EVENTS_ROUTE = `${VIEW_ROUTE}/events`;
const REPLAY_ROUTE = `${VIEW_ROUTE}/replay`;

const read = (route: string, params: AppraisalParams) => ({ route, cycleId: params.cycleId, nip: params.nip });

@ApiTags('appraisals: reading')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'no relation to this appraisal that allows reading it' })
@ApiNotFoundResponse({ description: 'CYCLE_NOT_FOUND, APPRAISAL_NOT_FOUND' })
@Controller('api/v1/cycles/:cycleId/appraisals/:nip')
export class AppraisalViewController {
  constructor(
    private readonly facts: AppraisalFacts,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly reads: AuditReadRecorder,
    @Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure,
  ) {}

  @Get()
  @ApiEtag()
  @Allow(...rolesFor('view'))
  @ApiOperation({
    summary:
      "The appraisal as the caller may see it: the employee, the rater, the rater's supervisor, HR of the agency, AUDITOR. Peer input only as an anonymous aggregate.",
  })
  @ApiOkResponse({
    description:
      "the view, with the names of the employee, the rater and the rater's supervisor (name, raterName, " +
      'raterSupervisorName: from the employee directory at read time; null when not in it); ETag W/"<revision>" ' +
      'for If-Match on the next command',
  })
  async view(
    @Param() params: AppraisalParams,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlation: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AppraisalView & AppraisalNames> {
    await this.facts.cycle(params.cycleId);
    const appraisal = await this.facts.appraisal(params.cycleId, params.nip);
    const { relation } = authorize(principal, appraisal.state, 'view');
    await this.reads.recordIfAuditor(principal, relation === 'AUDITOR', read(VIEW_ROUTE, params), correlation);
    void reply.header('ETag', etagFor(appraisal.revision));
    // The decider of a keberatan (HR may name someone outside the line) sees what the rater's supervisor sees.
    const viewer = relation === 'OBJECTION_DECIDER' ? 'RATER_SUPERVISOR' : relation;
    const view = viewAppraisal(appraisal.state, appraisal.events, viewer, this.clock.now().toISOString());
    // Names are the directory's as of now (the appraisal keeps NIPs): looked up at read time, so a rename shows.
    const { state } = appraisal;
    const names = await directoryNames(this.infrastructure.readDb, [
      state.nip,
      state.raterNip,
      state.raterSupervisorNip,
    ]);
    return { ...view, ...appraisalNames(names, state) };
  }

  @Get('events')
  @ApiEtag()
  @Allow(...rolesFor('readEvents'))
  @ApiOperation({
    summary:
      "The appraisal's events in order, with actor, time and reason (AUDITOR; HR of the agency sees peer input withheld)",
  })
  @ApiOkResponse({
    description:
      '{ items: [{ revision, id, type, data, actor, occurredAt, reason, policyVersion, hash, prevHash, ' +
      'correlationId, causationId }], nextCursor }',
  })
  async events(
    @Param() params: AppraisalParams,
    @Query() query: EventPageQuery,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlation: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ items: LoggedEvent[]; nextCursor: string | null }> {
    await this.facts.cycle(params.cycleId);
    const appraisal = await this.facts.appraisal(params.cycleId, params.nip);
    const { relation } = authorize(principal, appraisal.state, 'readEvents');
    const after = query.after === undefined ? -1n : BigInt(query.after);
    const limit = query.limit ?? DEFAULT_PAGE;
    const page = appraisal.recorded.filter((e) => e.revision > after).slice(0, limit);
    const last = page.at(-1);
    await this.reads.recordIfAuditor(principal, relation === 'AUDITOR', read(EVENTS_ROUTE, params), correlation);
    void reply.header('ETag', etagFor(appraisal.revision));
    return {
      items: page.map((e) => eventForViewer(loggedEvent(e), relation)),
      nextCursor: last !== undefined && last.revision < appraisal.revision ? String(last.revision) : null,
    };
  }

  @Get('replay')
  @ApiEtag()
  @Allow(...rolesFor('readEvents'))
  @ApiOperation({
    summary:
      "The auditor's replay: every event in order with who, when, why, evidence, policy version and integrity " +
      'fields, and the state after each step (folded with the domain evolve). asOf=<instant> stops at the events ' +
      'that had happened then (occurredAt <= asOf), revision=<n> at that revision; not both. AUDITOR; HR of the ' +
      'agency with peer input and objection statements withheld as in the event log.',
  })
  @ApiOkResponse({
    description:
      '{ cycleId, nip, asOf, revision, streamRevision, state, steps: [{ ...event, evidenceIds, stateAfter }], nextCursor }',
  })
  async replay(
    @Param() params: AppraisalParams,
    @Query() query: ReplayQuery,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlation: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AppraisalReplay> {
    const cycleEvents = await this.infrastructure.eventStore.readStream(cycleStreamName(params.cycleId));
    if (cycleEvents.length === 0) await this.facts.cycle(params.cycleId); // 404 CYCLE_NOT_FOUND
    const appraisal = await this.facts.appraisal(params.cycleId, params.nip);
    const { relation } = authorize(principal, appraisal.state, 'readEvents');
    const cut = replayCut(query, appraisal.revision);
    await this.reads.recordIfAuditor(principal, relation === 'AUDITOR', read(REPLAY_ROUTE, params), correlation);
    void reply.header('ETag', etagFor(appraisal.revision));
    return replayOf(params, appraisal.recorded, cycleEvents, cut, query, relation, appraisal.revision);
  }
}
