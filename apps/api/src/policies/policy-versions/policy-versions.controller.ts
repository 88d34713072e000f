import { Controller, Get, Inject, NotFoundException, Param, Query, Res } from '@nestjs/common';
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
  PolicyVersionQueries,
  type PolicyVersionPage,
  type PolicyVersionView,
} from '../../../../../libs/read-models/src/policies/policy-versions.queries.js';
import type { Infrastructure } from '../../../../../libs/runtime/src/infrastructure.js';
import { Allow, CurrentPrincipal } from '../../auth/index.js';
import { etagFor } from '../../event-sourcing/etag.js';
import { errorBody } from '../../http/error-body.js';
import { INFRASTRUCTURE } from '../../tokens.js';
import { POLICY_READERS, assertMayReadPolicy } from '../policy-access.js';
import { ListPolicyVersionsQuery, ScopeParam, ScopeVersionParam } from '../policy.request.js';
import { ApiEtag } from '../../http/openapi.js';

@ApiTags('policies')
@ApiBearerAuth()
@Controller('api/v1/policies')
export class PolicyVersionsController {
  private readonly queries: PolicyVersionQueries;

  constructor(@Inject(INFRASTRUCTURE) infrastructure: Infrastructure) {
    this.queries = new PolicyVersionQueries(infrastructure.readDb);
  }

  @Get(':scope/current')
  @ApiEtag()
  @Allow(...POLICY_READERS)
  @ApiOperation({
    summary:
      'The policy in force for a scope: what a cycle opening now pins (an agency without versions of its own gets the national one; `scope` in the answer says which)',
  })
  @ApiOkResponse({ description: 'the version, with ETag W/"<stream revision>" when it is the scope\'s own' })
  @ApiForbiddenResponse({ description: "another agency's policy (only ADMIN and AUDITOR read every agency's)" })
  async current(
    @Param() params: ScopeParam,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PolicyVersionView> {
    assertMayReadPolicy(principal, params.scope);
    const view = await this.queries.effective(params.scope);
    if (view.scope === params.scope && view.revision !== null)
      void reply.header('ETag', etagFor(BigInt(view.revision)));
    return view;
  }

  @Get(':scope/versions')
  @Allow(...POLICY_READERS)
  @ApiOperation({ summary: "List a scope's published versions, oldest first, one page at a time" })
  @ApiOkResponse({ description: '{ items, nextCursor }' })
  async list(
    @Param() params: ScopeParam,
    @Query() query: ListPolicyVersionsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PolicyVersionPage> {
    assertMayReadPolicy(principal, params.scope);
    return this.queries.list(params.scope, { after: query.after, limit: query.limit ?? 50 });
  }

  @Get(':scope/versions/:version')
  @Allow(...POLICY_READERS)
  @ApiOperation({
    summary: 'One published version (immutable; old versions stay readable for the cycles pinned to them)',
  })
  @ApiOkResponse({ description: 'the version' })
  @ApiNotFoundResponse({ description: 'POLICY_VERSION_NOT_FOUND' })
  async get(@Param() params: ScopeVersionParam, @CurrentPrincipal() principal: Principal): Promise<PolicyVersionView> {
    assertMayReadPolicy(principal, params.scope);
    const view = await this.queries.findVersion(params.scope, params.version);
    if (!view) {
      throw new NotFoundException(
        errorBody(404, 'POLICY_VERSION_NOT_FOUND', `${params.scope} has no published policy version ${params.version}`),
      );
    }
    return view;
  }
}
