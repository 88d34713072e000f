import { Body, Controller, Headers, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Role, type Principal } from '../../../../../libs/auth/src/index.js';
import type { CyclePhase } from '../../../../../libs/appraisal/src/cycle/cycle-events.js';
import { Allow, CurrentPrincipal } from '../../auth/index.js';
import { commandContextFromHeaders } from '../../event-sourcing/command-context.js';
import { CLOCK, type Clock } from '../../tokens.js';
import { assertManagesCycle } from '../cycle-access.js';
import { CycleFacts } from '../cycle-facts.js';
import { AdvancePhaseRequest, CycleParam } from '../cycle.request.js';
import { withCycleEtag } from '../cycle-view.js';
import { AdvanceCyclePhaseCommand, RetryPublicationCommand, type PhaseOutcome } from './cycle-phase.handler.js';
import type { PublicationOutcome } from './result-publication.js';
import { ApiEtag } from '../../http/openapi.js';

const MANAGERS = [Role.HR, Role.ADMIN];

interface PhaseResponse {
  cycleId: string;
  phase: CyclePhase;
  revision: string;
  /** Set when the cycle entered (or is retrying) PUBLISHED. */
  publication: PublicationOutcome | null;
}

@ApiTags('cycles')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: false, description: 'W/"<revision>" of the cycle (ETag of GET /cycles/{id})' })
@ApiForbiddenResponse({ description: "not ADMIN, nor HR of the cycle's agency" })
@ApiNotFoundResponse({ description: 'CYCLE_NOT_FOUND' })
@ApiPreconditionFailedResponse({ description: 'STALE_REVISION' })
@ApiEtag()
@Controller('api/v1/cycles/:cycleId')
export class CyclePhaseController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly facts: CycleFacts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('phase')
  @Allow(...MANAGERS)
  @ApiOperation({
    summary:
      'Advance the cycle to its next phase: PLANNING → IN_PROGRESS → ASSESSMENT → DETERMINATION → PUBLISHED → ' +
      'CLOSED, one step at a time, with a reason. PUBLISHED needs every population determined and then publishes ' +
      "each active appraisal's result (refusals listed in publication.resultsRefused). When appraisals are not " +
      'ready for the next phase (GET …/readiness), 409 CYCLE_NOT_READY unless confirmNotReady: true (recorded on ' +
      'the event with the counts).',
  })
  @ApiCreatedResponse({ description: '{ cycleId, phase, revision, publication }', headers: { ETag: {} } })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, TEXT_REQUIRED' })
  @ApiConflictResponse({
    description:
      'PHASE_NOT_NEXT, CYCLE_CLOSED, POPULATIONS_NOT_DETERMINED, CYCLE_NOT_READY (details: the readiness counts by ' +
      'status and by unit; confirm with confirmNotReady: true and a reason)',
  })
  async advance(
    @Param() { cycleId }: CycleParam,
    @Body() body: AdvancePhaseRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PhaseResponse> {
    const { cycle } = await this.facts.cycle(cycleId);
    assertManagesCycle(principal, cycle);
    const context = commandContextFromHeaders(principal, MANAGERS, headers, this.clock.now());
    const outcome: PhaseOutcome = await this.commandBus.execute(
      new AdvanceCyclePhaseCommand(
        cycleId,
        { to: body.to, reason: body.reason, confirmNotReady: body.confirmNotReady ?? false },
        context,
      ),
    );
    withCycleEtag(reply, outcome.revision);
    return { cycleId, phase: body.to, revision: String(outcome.revision), publication: outcome.publication };
  }

  @Post('publication/retry')
  @Allow(...MANAGERS)
  @ApiOperation({
    summary:
      'Publish the results of active appraisals not yet published (after an interrupted publication, or once a ' +
      'refused appraisal is fixed). Idempotent: published results are left as they are.',
  })
  @ApiCreatedResponse({ description: '{ cycleId, phase, revision, publication }', headers: { ETag: {} } })
  @ApiConflictResponse({ description: 'WRONG_CYCLE_PHASE: the cycle is not PUBLISHED' })
  async retryPublication(
    @Param() { cycleId }: CycleParam,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PhaseResponse> {
    const { cycle } = await this.facts.cycle(cycleId);
    assertManagesCycle(principal, cycle);
    const context = commandContextFromHeaders(principal, MANAGERS, headers, this.clock.now());
    const outcome: PhaseOutcome = await this.commandBus.execute(new RetryPublicationCommand(cycleId, context));
    withCycleEtag(reply, outcome.revision);
    return { cycleId, phase: cycle.phase, revision: String(outcome.revision), publication: outcome.publication };
  }
}
