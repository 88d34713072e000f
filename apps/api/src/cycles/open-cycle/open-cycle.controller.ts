import { Body, Controller, Headers, Inject, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Role, type Principal } from '../../../../../libs/auth/src/index.js';
import { Allow, CurrentPrincipal } from '../../auth/index.js';
import { commandContextFromHeaders } from '../../event-sourcing/command-context.js';
import { assertManagesAgency } from '../../organization/organization-access.js';
import { CLOCK, type Clock } from '../../tokens.js';
import type { RefusedAppraisal } from '../appraisal-fan-out.js';
import { OpenCycleRequest } from '../cycle.request.js';
import { cycleView, withCycleEtag, type CycleView } from '../cycle-view.js';
import type { RaterGaps } from '../../../../../libs/appraisal/src/cycle/rater-gaps.js';
import { OpenCycleCommand, type OpenCycleOutcome } from './open-cycle.handler.js';
import { ApiEtag } from '../../http/openapi.js';

const OPENERS = [Role.HR, Role.ADMIN];

@ApiTags('cycles')
@ApiBearerAuth()
@ApiEtag()
@Controller('api/v1/cycles')
export class OpenCycleController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Allow(...OPENERS)
  @ApiOperation({
    summary:
      'Open an appraisal cycle for a unit subtree (HR of the agency, ADMIN): pins the agency time zone, the ' +
      'framework version and the policy version (those named in `framework` / `policy`, else the latest ' +
      'published framework version and the policy in force), then starts an appraisal for every registered ' +
      'employee of the subtree (rater and rater supervisor from the reporting lines). The answer lists who has ' +
      'no rater or rater supervisor (nobody could rate / approve them: fix with a rater override, then POST ' +
      '…/reconcile). Sending the same request again while the cycle is in PLANNING completes an interrupted ' +
      'fan-out (200) and writes nothing else; a pin left out of the retry matches the one pinned.',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'W/"<revision>" of the cycle stream' })
  @ApiCreatedResponse({
    description:
      '{ ...cycle, revision, appraisalsStarted, appraisalsRefused, withoutRater, withoutRaterSupervisor } ' +
      '(the last two: sorted NIPs of active appraisals without a pejabat penilai / atasan pejabat penilai)',
    headers: { ETag: { description: 'W/"<cycle revision>"' } },
  })
  @ApiOkResponse({ description: 'a retry of the same opening: the fan-out completed, nothing else written' })
  @ApiBadRequestResponse({
    description:
      'VALIDATION_FAILED, INVALID_PERIOD, INVALID_CYCLE_ID, TEXT_REQUIRED, INVALID_POLICY_SCOPE (policy.scope is ' +
      "neither the cycle's agency nor national)",
  })
  @ApiForbiddenResponse({ description: "HR of another agency, or not HR/ADMIN, or another agency's framework" })
  @ApiNotFoundResponse({
    description: 'AGENCY_NOT_FOUND, UNIT_NOT_FOUND, FRAMEWORK_VERSION_NOT_FOUND, POLICY_VERSION_NOT_FOUND',
  })
  @ApiConflictResponse({
    description:
      'CYCLE_EXISTS: the id is taken by a cycle opened differently; FRAMEWORK_VERSION_NOT_PUBLISHED: a draft version',
  })
  @ApiPreconditionFailedResponse({ description: 'STALE_REVISION' })
  async open(
    @Body() body: OpenCycleRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CycleView & RaterGaps & { appraisalsStarted: number; appraisalsRefused: RefusedAppraisal[] }> {
    assertManagesAgency(principal, body.agencyId);
    const context = commandContextFromHeaders(principal, OPENERS, headers, this.clock.now());
    const { framework, policy, ...data } = body;
    const pins = {
      ...(framework ? { framework: { frameworkId: framework.frameworkId, version: framework.version } } : {}),
      ...(policy ? { policy: { scope: policy.scope, version: policy.version } } : {}),
    };
    const outcome: OpenCycleOutcome = await this.commandBus.execute(new OpenCycleCommand(data, context, pins));
    withCycleEtag(reply, outcome.revision);
    void reply.status(outcome.created ? 201 : 200).header('Location', `/api/v1/cycles/${outcome.cycle.cycleId}`);
    return {
      ...cycleView(outcome.cycle, outcome.revision, []),
      appraisalsStarted: outcome.appraisalsStarted,
      appraisalsRefused: outcome.appraisalsRefused,
      withoutRater: outcome.withoutRater,
      withoutRaterSupervisor: outcome.withoutRaterSupervisor,
    };
  }
}
