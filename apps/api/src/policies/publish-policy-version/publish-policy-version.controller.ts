import { Body, Controller, ForbiddenException, Headers, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiHeader,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Role, type Principal } from '../../../../../libs/auth/src/index.js';
import { mayPublishPolicy } from '../../../../../libs/policy/src/publish-policy-version/publish-permission.js';
import type { PolicyVersionPublished } from '../../../../../libs/policy/src/versions/policy-events.js';
import { Allow, CurrentPrincipal } from '../../auth/index.js';
import { commandContextFromHeaders, revisionReply } from '../../event-sourcing/command-context.js';
import type { ExecuteResult } from '../../event-sourcing/command-executor.js';
import { errorBody } from '../../http/error-body.js';
import { CLOCK, type Clock } from '../../tokens.js';
import { ScopeParam } from '../policy.request.js';
import { PublishPolicyVersionCommand } from './publish-policy-version.handler.js';
import { PublishPolicyVersionRequest, PublishPolicyVersionResponse } from './publish-policy-version.request.js';

const PUBLISHERS = [Role.ADMIN, Role.HR];

@ApiTags('policies')
@ApiBearerAuth()
@Controller('api/v1/policies')
export class PublishPolicyVersionController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':scope/versions')
  @Allow(...PUBLISHERS)
  @ApiOperation({
    summary:
      'Publish the next, immutable policy version of a scope (national: ADMIN; an agency: its HR or ADMIN). Cycles opened before keep theirs.',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'W/"<revision>" of the scope (ETag of /current)' })
  @ApiCreatedResponse({ type: PublishPolicyVersionResponse, headers: { ETag: { description: 'W/"<revision>"' } } })
  @ApiBadRequestResponse({ description: 'INVALID_POLICY with field paths; VALIDATION_FAILED; REASON_REQUIRED' })
  @ApiForbiddenResponse({ description: 'not ADMIN for national, or HR of another agency' })
  @ApiConflictResponse({ description: 'POLICY_VERSION_IMMUTABLE, POLICY_UNCHANGED' })
  @ApiNotFoundResponse({ description: 'BASED_ON_VERSION_NOT_FOUND: basedOn names a version never published' })
  @ApiPreconditionFailedResponse({ description: 'STALE_REVISION: If-Match is not the current revision' })
  async publish(
    @Param() params: ScopeParam,
    @Body() body: PublishPolicyVersionRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PublishPolicyVersionResponse> {
    if (!mayPublishPolicy(principal, params.scope)) {
      throw new ForbiddenException(
        errorBody(
          403,
          'FORBIDDEN',
          params.scope === 'national'
            ? 'only ADMIN publishes national policy versions'
            : `HR publishes policy versions of their own agency only (${principal.agencyId ?? 'none'})`,
        ),
      );
    }
    const context = commandContextFromHeaders(principal, PUBLISHERS, headers, this.clock.now());
    const result: ExecuteResult<PolicyVersionPublished> = await this.commandBus.execute(
      new PublishPolicyVersionCommand(
        { scope: params.scope, policy: body.policy, reason: body.reason, version: body.version, basedOn: body.basedOn },
        { roles: principal.roles, agencyId: principal.agencyId },
        context,
      ),
    );
    const version = result.events[0].data.version;
    void reply.status(201).header('Location', `/api/v1/policies/${params.scope}/versions/${version}`);
    return { scope: params.scope, version, ...revisionReply(reply, result) };
  }
}
