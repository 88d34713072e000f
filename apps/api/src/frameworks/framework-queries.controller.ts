// Reading frameworks: HR of the agency, ADMIN and AUDITOR see every version; anyone in the agency sees the
// published versions and a draft while it is open for comment (with its comments); others get 403.
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
import type { Principal } from '../../../../libs/auth/src/index.js';
import type { VersionStatus } from '../../../../libs/competency/src/framework/framework-events.js';
import {
  FrameworkQueries,
  type CommentView,
  type FrameworkSummary,
  type Page,
  type VersionSummary,
  type VersionView,
} from '../../../../libs/read-models/src/frameworks/frameworks.queries.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { Allow, CurrentPrincipal } from '../auth/index.js';
import { etagFor } from '../event-sourcing/etag.js';
import { errorBody } from '../http/error-body.js';
import { INFRASTRUCTURE } from '../tokens.js';
import {
  EVERY_ROLE,
  otherAgency,
  readableStatuses,
  readsEverything,
  canManage,
  forbidden,
} from './framework-access.js';
import {
  FrameworkIdParam,
  ListCommentsQuery,
  ListFrameworksQuery,
  ListVersionsQuery,
  VersionParam,
} from './framework.params.js';
import { ApiEtag } from '../http/openapi.js';

@ApiTags('competency frameworks')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'another agency, or a draft not open to employees' })
@Controller('api/v1/frameworks')
export class FrameworkQueriesController {
  private readonly queries: FrameworkQueries;

  constructor(@Inject(INFRASTRUCTURE) infrastructure: Infrastructure) {
    this.queries = new FrameworkQueries(infrastructure.readDb);
  }

  @Get()
  @Allow(...EVERY_ROLE)
  @ApiOperation({ summary: "List frameworks (filter by agency and newest version's status); employees: own agency" })
  @ApiOkResponse({ description: '{ items, nextCursor }' })
  async list(
    @Query() query: ListFrameworksQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<FrameworkSummary>> {
    const limit = query.limit ?? 50;
    if (readsEverything(principal)) return this.queries.listFrameworks({ ...query, limit });
    const own = principal.agencyId;
    if (!own) throw forbidden('this account belongs to no agency');
    if (query.agencyId && query.agencyId !== own) throw otherAgency(principal, query.agencyId);
    if (canManage(principal, own)) return this.queries.listFrameworks({ ...query, agencyId: own, limit });
    const page = await this.queries.listFrameworks({ ...query, agencyId: own, memberView: true, limit });
    return { ...page, items: page.items.map(memberSummary) };
  }

  @Get(':frameworkId')
  @ApiEtag()
  @Allow(...EVERY_ROLE)
  @ApiOperation({ summary: 'One framework: its newest status, draft and latest published version numbers' })
  @ApiOkResponse({ description: 'the framework', headers: { ETag: { description: 'W/"<revision>"' } } })
  @ApiNotFoundResponse({ description: 'FRAMEWORK_NOT_FOUND (the read model follows the events within moments)' })
  async get(
    @Param() params: FrameworkIdParam,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FrameworkSummary> {
    const framework = await this.framework(params.frameworkId);
    const statuses = this.readable(principal, framework.agencyId);
    const view = statuses.includes('DRAFT') ? framework : memberSummary(framework);
    if (view.draftVersion === null && view.latestPublishedVersion === null) throw notFound(params.frameworkId);
    void reply.header('ETag', etagFor(BigInt(framework.revision)));
    return view;
  }

  @Get(':frameworkId/versions')
  @Allow(...EVERY_ROLE)
  @ApiOperation({ summary: "A framework's versions, oldest first (employees: published and open for comment)" })
  @ApiOkResponse({ description: '{ items, nextCursor }' })
  async versions(
    @Param() params: FrameworkIdParam,
    @Query() query: ListVersionsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<VersionSummary>> {
    const framework = await this.framework(params.frameworkId);
    const readable = this.readable(principal, framework.agencyId);
    const statuses = query.status ? readable.filter((s) => s === query.status) : readable;
    return this.queries.listVersions(params.frameworkId, { statuses, after: query.after, limit: query.limit ?? 50 });
  }

  @Get(':frameworkId/versions/:version')
  @Allow(...EVERY_ROLE)
  @ApiOperation({
    summary: 'One version with its full content: BerAKHLAK, managerial, socio-cultural, technical, position levels',
    description: 'A published version never changes; a cycle pins one by its number.',
  })
  @ApiOkResponse({ description: 'the version' })
  @ApiNotFoundResponse({ description: 'VERSION_NOT_FOUND' })
  async version(@Param() params: VersionParam, @CurrentPrincipal() principal: Principal): Promise<VersionView> {
    return this.visibleVersion(principal, params.frameworkId, params.version);
  }

  @Get(':frameworkId/versions/:version/comments')
  @Allow(...EVERY_ROLE)
  @ApiOperation({ summary: 'Comments made on a version while it was a draft open for comment, oldest first' })
  @ApiOkResponse({ description: '{ items, nextCursor }' })
  async comments(
    @Param() params: VersionParam,
    @Query() query: ListCommentsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<CommentView>> {
    await this.visibleVersion(principal, params.frameworkId, params.version);
    return this.queries.listComments(params.frameworkId, params.version, {
      criterionCode: query.criterionCode,
      after: query.after,
      limit: query.limit ?? 50,
    });
  }

  private async framework(frameworkId: string): Promise<FrameworkSummary> {
    const framework = await this.queries.findFramework(frameworkId);
    if (!framework) throw notFound(frameworkId);
    return framework;
  }

  private readable(principal: Principal, agencyId: string): readonly VersionStatus[] {
    const statuses = readableStatuses(principal, agencyId);
    if (statuses.length === 0) throw otherAgency(principal, agencyId);
    return statuses;
  }

  private async visibleVersion(principal: Principal, frameworkId: string, version: number): Promise<VersionView> {
    const framework = await this.framework(frameworkId);
    const statuses = this.readable(principal, framework.agencyId);
    const view = await this.queries.findVersion(frameworkId, version);
    if (!view) {
      throw new NotFoundException(errorBody(404, 'VERSION_NOT_FOUND', `${frameworkId} has no version ${version}`));
    }
    if (!statuses.includes(view.status)) {
      throw forbidden(`version ${version} of ${frameworkId} is a ${view.status} draft, not yet open to employees`);
    }
    return view;
  }
}

/** What an agency's employees see of a framework: nothing of a draft that is not open for comment. */
function memberSummary(framework: FrameworkSummary): FrameworkSummary {
  if (framework.status !== 'DRAFT') return framework;
  return { ...framework, status: 'PUBLISHED', draftVersion: null };
}

function notFound(frameworkId: string): NotFoundException {
  return new NotFoundException(errorBody(404, 'FRAMEWORK_NOT_FOUND', `no competency framework ${frameworkId}`));
}
