import { Body, Controller, Get, Headers, Inject, NotFoundException, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Role, type Principal } from '../../../../../libs/auth/src/index.js';
import {
  OrganizationQueries,
  type AgencyPage,
  type AgencyView,
  type UnitPage,
} from '../../../../../libs/read-models/src/organization/organization.queries.js';
import type { Infrastructure } from '../../../../../libs/runtime/src/infrastructure.js';
import { Allow, CurrentPrincipal } from '../../auth/index.js';
import type { ExecuteResult } from '../../event-sourcing/command-executor.js';
import { etagFor } from '../../event-sourcing/etag.js';
import { errorBody } from '../../http/error-body.js';
import { CLOCK, INFRASTRUCTURE, type Clock } from '../../tokens.js';
import { commandContext } from '../../event-sourcing/command-context.js';
import { assertReadsAgency } from '../organization-access.js';
import { AgencyPageResponse } from './agencies.responses.js';
import {
  AgencyParam,
  CommandResponse,
  ListAgenciesQuery,
  ListUnitsQuery,
  RegisterAgencyRequest,
} from './agencies.request.js';
import { RegisterAgencyCommand } from './register-agency.handler.js';
import { ApiEtag } from '../../http/openapi.js';

const READERS = [Role.ADMIN, Role.AUDITOR, Role.HR, Role.EMPLOYEE, Role.RATER, Role.RATER_SUPERVISOR];

@ApiTags('organization')
@ApiBearerAuth()
@Controller('api/v1/agencies')
export class AgenciesController {
  private readonly queries: OrganizationQueries;

  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(INFRASTRUCTURE) infrastructure: Infrastructure,
  ) {
    this.queries = new OrganizationQueries(infrastructure.readDb);
  }

  @Post()
  @ApiEtag()
  @Allow(Role.ADMIN)
  @ApiOperation({ summary: 'Register an agency (instansi); ADMIN only' })
  @ApiCreatedResponse({ type: CommandResponse, headers: { ETag: { description: 'W/"<revision>"' } } })
  @ApiBadRequestResponse({ description: 'missing, unknown or mistyped fields' })
  @ApiForbiddenResponse({ description: 'not ADMIN' })
  @ApiConflictResponse({ description: 'AGENCY_ALREADY_REGISTERED' })
  async register(
    @Body() body: RegisterAgencyRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const context = commandContext(principal, [Role.ADMIN], { correlationId }, this.clock.now());
    const result: ExecuteResult<unknown> = await this.commandBus.execute(new RegisterAgencyCommand(body, context));
    void reply
      .status(201)
      .header('ETag', etagFor(result.revision))
      .header('Location', `/api/v1/agencies/${body.agencyId}`);
    return { revision: String(result.revision) };
  }

  @Get()
  @Allow(Role.ADMIN, Role.AUDITOR, Role.HR)
  @ApiOperation({ summary: 'List agencies by id, keyset-paginated (ADMIN, AUDITOR: all; HR: its own agency only)' })
  @ApiOkResponse({ type: AgencyPageResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: after not an agency id, limit not 1..500' })
  @ApiForbiddenResponse({ description: 'not ADMIN, AUDITOR or HR' })
  async list(@Query() query: ListAgenciesQuery, @CurrentPrincipal() principal: Principal): Promise<AgencyPage> {
    const readsAll = principal.roles.includes(Role.ADMIN) || principal.roles.includes(Role.AUDITOR);
    // HR without an agency in its token sees nothing rather than everything.
    const agencyId = readsAll ? undefined : (principal.agencyId ?? '');
    return this.queries.listAgencies({ after: query.after, limit: query.limit ?? 50, agencyId });
  }

  @Get(':agencyId')
  @ApiEtag()
  @Allow(...READERS)
  @ApiOperation({ summary: 'An agency, with its root unit and unit count (its ETag guards unit commands)' })
  @ApiOkResponse({ description: 'the agency', headers: { ETag: { description: 'W/"<revision>"' } } })
  async get(
    @Param() params: AgencyParam,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AgencyView> {
    assertReadsAgency(principal, params.agencyId);
    const agency = await this.queries.findAgency(params.agencyId);
    if (!agency) throw new NotFoundException(errorBody(404, 'AGENCY_NOT_FOUND', `no agency ${params.agencyId}`));
    void reply.header('ETag', etagFor(BigInt(agency.revision)));
    return agency;
  }

  @Get(':agencyId/units')
  @Allow(...READERS)
  @ApiOperation({ summary: 'The unit tree, depth-first (each unit before its descendants), with parent and depth' })
  @ApiOkResponse({ description: '{ items: [{unitId, name, parentUnitId, headNip, depth}], nextCursor }' })
  async units(
    @Param() params: AgencyParam,
    @Query() query: ListUnitsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<UnitPage> {
    assertReadsAgency(principal, params.agencyId);
    return this.queries.listUnits({ ...query, agencyId: params.agencyId, limit: query.limit ?? 50 });
  }
}
