// A framework's lifecycle: create it, open its draft for comment, comment, publish, start the next draft.
// Each answers with the stream revision as ETag and honours If-Match.
import { Body, Controller, HttpCode, Param, Post, Res, Headers } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiCreatedResponse,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../../../libs/auth/src/index.js';
import { commentOnCriterionDecider } from '../../../../libs/competency/src/comment-on-criterion/comment-on-criterion.js';
import { draftFrameworkDecider } from '../../../../libs/competency/src/draft-framework/draft-framework.js';
import { openDraftForCommentDecider } from '../../../../libs/competency/src/open-for-comment/open-for-comment.js';
import { publishFrameworkVersionDecider } from '../../../../libs/competency/src/publish-version/publish-version.js';
import { startNewDraftDecider } from '../../../../libs/competency/src/start-new-draft/start-new-draft.js';
import { Allow, CurrentPrincipal, actorFrom } from '../auth/index.js';
import { COMMENTER_ROLES, MANAGER_ROLES, canManage, forbidden } from './framework-access.js';
import { FrameworkCommandRunner, IF_MATCH } from './framework-command-runner.js';
import {
  CommentRequest,
  CommentResponse,
  DraftFrameworkRequest,
  FrameworkCommandResponse,
} from './framework.requests.js';
import { FrameworkIdParam } from './framework.params.js';
import { ApiEtag } from '../http/openapi.js';

@ApiTags('competency frameworks')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED or a domain rule (codes, levels 1..5, blank text)' })
@ApiForbiddenResponse({ description: 'wrong role, or another agency' })
@ApiPreconditionFailedResponse({ description: 'STALE_REVISION: If-Match is not the current revision' })
@ApiEtag()
@Controller('api/v1/frameworks')
export class FrameworkLifecycleController {
  constructor(private readonly commands: FrameworkCommandRunner) {}

  @Post()
  @Allow(...MANAGER_ROLES)
  @ApiOperation({ summary: "Draft an agency's competency framework (version 1, built-ins included): HR or ADMIN" })
  @ApiCreatedResponse({ type: FrameworkCommandResponse, headers: { ETag: { description: 'W/"<revision>"' } } })
  @ApiConflictResponse({ description: 'FRAMEWORK_ALREADY_EXISTS' })
  async draft(
    @Body() body: DraftFrameworkRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationHeader: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FrameworkCommandResponse> {
    if (!canManage(principal, body.agencyId)) {
      throw forbidden(`HR may draft frameworks only for their own agency (${principal.agencyId ?? 'none'})`);
    }
    const { frameworkId, ...data } = body;
    const result = await this.commands.run(
      { principal, correlationHeader, ifMatchHeader: undefined, reply },
      frameworkId,
      draftFrameworkDecider,
      (now) => ({ type: 'DraftFramework' as const, data: { frameworkId, ...data }, now }),
      { allowed: MANAGER_ROLES, access: 'manage', newFrameworkAgencyId: body.agencyId },
    );
    void reply.status(201).header('Location', `/api/v1/frameworks/${frameworkId}`);
    return result;
  }

  @Post(':frameworkId/draft/open-for-comment')
  @HttpCode(200)
  @Allow(...MANAGER_ROLES)
  @ApiOperation({ summary: "Open the draft to the agency's employees for comment" })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: FrameworkCommandResponse })
  @ApiConflictResponse({ description: 'DRAFT_ALREADY_OPEN_FOR_COMMENT, NO_DRAFT' })
  openForComment(
    @Param() params: FrameworkIdParam,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationHeader: string | undefined,
    @Headers('if-match') ifMatchHeader: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FrameworkCommandResponse> {
    return this.commands.run(
      { principal, correlationHeader, ifMatchHeader, reply },
      params.frameworkId,
      openDraftForCommentDecider,
      (now) => ({ type: 'OpenDraftForComment' as const, frameworkId: params.frameworkId, now }),
      { allowed: MANAGER_ROLES, access: 'manage' },
    );
  }

  @Post(':frameworkId/draft/comments')
  @Allow(...COMMENTER_ROLES)
  @ApiOperation({ summary: 'Comment on a criterion of the draft while it is open for comment (anyone in the agency)' })
  @ApiCreatedResponse({ type: CommentResponse })
  @ApiConflictResponse({ description: 'NOT_OPEN_FOR_COMMENT, NO_DRAFT' })
  async comment(
    @Param() params: FrameworkIdParam,
    @Body() body: CommentRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationHeader: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommentResponse> {
    const commentId = randomUUID();
    const result = await this.commands.run(
      { principal, correlationHeader, ifMatchHeader: undefined, reply },
      params.frameworkId,
      commentOnCriterionDecider,
      (now) => ({
        type: 'CommentOnCriterion' as const,
        frameworkId: params.frameworkId,
        commentId,
        criterionCode: body.criterionCode,
        text: body.text,
        author: {
          id: principal.id,
          role: actorFrom(principal, COMMENTER_ROLES).role,
          nip: principal.nip ?? null,
          name: principal.name ?? null,
        },
        now,
      }),
      {
        allowed: COMMENTER_ROLES,
        access: 'comment',
        // From the event: a recognised retry (Idempotency-Key) answers the original comment's id.
        extra: (events) => ({
          commentId: events[0]?.type === 'CriterionCommented.v1' ? events[0].data.commentId : commentId,
        }),
      },
    );
    void reply.status(201);
    return result;
  }

  @Post(':frameworkId/draft/publish')
  @HttpCode(200)
  @Allow(...MANAGER_ROLES)
  @ApiOperation({ summary: 'Publish the draft (after comment) as an immutable numbered version' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: FrameworkCommandResponse, headers: { Location: { description: 'the published version' } } })
  @ApiConflictResponse({ description: 'NOT_OPEN_FOR_COMMENT (a draft must be open for comment first), NO_DRAFT' })
  async publish(
    @Param() params: FrameworkIdParam,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationHeader: string | undefined,
    @Headers('if-match') ifMatchHeader: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FrameworkCommandResponse> {
    const result = await this.commands.run(
      { principal, correlationHeader, ifMatchHeader, reply },
      params.frameworkId,
      publishFrameworkVersionDecider,
      (now) => ({ type: 'PublishFrameworkVersion' as const, frameworkId: params.frameworkId, now }),
      { allowed: MANAGER_ROLES, access: 'manage' },
    );
    void reply.header('Location', `/api/v1/frameworks/${params.frameworkId}/versions/${result.version}`);
    return result;
  }

  @Post(':frameworkId/draft')
  @Allow(...MANAGER_ROLES)
  @ApiOperation({ summary: 'Start a new draft version, a copy of the latest published version' })
  @ApiHeader(IF_MATCH)
  @ApiCreatedResponse({ type: FrameworkCommandResponse })
  @ApiConflictResponse({ description: 'DRAFT_ALREADY_EXISTS' })
  async startDraft(
    @Param() params: FrameworkIdParam,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationHeader: string | undefined,
    @Headers('if-match') ifMatchHeader: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FrameworkCommandResponse> {
    const result = await this.commands.run(
      { principal, correlationHeader, ifMatchHeader, reply },
      params.frameworkId,
      startNewDraftDecider,
      (now) => ({ type: 'StartNewDraft' as const, frameworkId: params.frameworkId, now }),
      { allowed: MANAGER_ROLES, access: 'manage' },
    );
    void reply.status(201);
    return result;
  }
}
