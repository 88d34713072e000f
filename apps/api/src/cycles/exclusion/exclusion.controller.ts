import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
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
import type { OpenedCycle } from '../../../../../libs/appraisal/src/cycle/cycle-state.js';
import { Allow, CurrentPrincipal } from '../../auth/index.js';
import { commandContextFromHeaders, revisionReply } from '../../event-sourcing/command-context.js';
import { AppraisalParams } from '../../appraisals/appraisal.params.js';
import { CLOCK, type Clock } from '../../tokens.js';
import { Inject } from '@nestjs/common';
import { forbidden } from '../cycle-access.js';
import { CycleFacts } from '../cycle-facts.js';
import { AppraisalExclusion } from './exclusion.service.js';
import { ExclusionRequest, InclusionRequest } from './exclusion.request.js';

const HR = [Role.HR];

interface ExclusionResponse {
  cycleId: string;
  nip: string;
  excluded: boolean;
  revision: string;
}

@ApiTags('cycles')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: false, description: 'W/"<revision>" of the appraisal (its ETag)' })
@ApiForbiddenResponse({ description: "not HR of the cycle's agency" })
@ApiNotFoundResponse({ description: 'CYCLE_NOT_FOUND, APPRAISAL_NOT_FOUND' })
@ApiPreconditionFailedResponse({ description: 'STALE_REVISION' })
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED, TEXT_REQUIRED' })
@Controller('api/v1/cycles/:cycleId/appraisals/:nip/exclusion')
export class ExclusionController {
  constructor(
    private readonly facts: CycleFacts,
    private readonly exclusion: AppraisalExclusion,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Allow(...HR)
  @ApiOperation({
    summary:
      "Take the appraisal out of the cycle's assessment with a category and a reason (long leave, secondment, " +
      "death, dismissal, a late joiner): not assessed, not in its population's curve nor in the determination's " +
      '"every appraisal approved"; the record stays. Phases ≤ DETERMINATION, before its population is determined.',
  })
  @ApiCreatedResponse({ description: '{ cycleId, nip, excluded: true, revision }', headers: { ETag: {} } })
  @ApiConflictResponse({
    description: 'WRONG_CYCLE_PHASE, POPULATION_DETERMINED, ALREADY_EXCLUDED, APPRAISAL_ENDED',
  })
  async exclude(
    @Param() { cycleId, nip }: AppraisalParams,
    @Body() body: ExclusionRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ExclusionResponse> {
    const cycle = await this.hrOf(cycleId, principal);
    const context = commandContextFromHeaders(principal, HR, headers, this.clock.now());
    const result = await this.exclusion.exclude(cycle, nip, { reason: body.reason, category: body.category }, context);
    return { cycleId, nip, excluded: true, ...revisionReply(reply, result) };
  }

  @Post('withdrawal')
  @Allow(...HR)
  @ApiOperation({
    summary: 'Bring an excluded appraisal back into the assessment, with a reason (same phases as the exclusion)',
  })
  @ApiCreatedResponse({ description: '{ cycleId, nip, excluded: false, revision }', headers: { ETag: {} } })
  @ApiConflictResponse({ description: 'WRONG_CYCLE_PHASE, POPULATION_DETERMINED, NOT_EXCLUDED, APPRAISAL_ENDED' })
  async include(
    @Param() { cycleId, nip }: AppraisalParams,
    @Body() body: InclusionRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ExclusionResponse> {
    const cycle = await this.hrOf(cycleId, principal);
    const context = commandContextFromHeaders(principal, HR, headers, this.clock.now());
    const result = await this.exclusion.include(cycle, nip, { reason: body.reason }, context);
    return { cycleId, nip, excluded: false, ...revisionReply(reply, result) };
  }

  /** HR of the cycle's agency only: ADMIN reads and writes no one's appraisal (personal data). */
  private async hrOf(cycleId: string, principal: Principal): Promise<OpenedCycle> {
    const { cycle } = await this.facts.cycle(cycleId);
    if (principal.agencyId !== cycle.agencyId) throw forbidden(`only HR of ${cycle.agencyId} may do this`);
    return cycle;
  }
}
