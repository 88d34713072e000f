import { Body, Controller, ForbiddenException, Get, Headers, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Role, type Principal } from '../../../../../libs/auth/src/index.js';
import type { DeclaredBy } from '../../../../../libs/organization/src/employee/employee-events.js';
import {
  ConflictsOfInterestQueries,
  type DeclarationPage,
} from '../../../../../libs/read-models/src/organization/conflicts-of-interest.queries.js';
import type { Infrastructure } from '../../../../../libs/runtime/src/infrastructure.js';
import { Allow, CurrentPrincipal } from '../../auth/index.js';
import { commandContextFromHeaders, revisionReply } from '../../event-sourcing/command-context.js';
import type { ExecuteResult } from '../../event-sourcing/command-executor.js';
import { errorBody } from '../../http/error-body.js';
import { CLOCK, INFRASTRUCTURE, type Clock } from '../../tokens.js';
import { OrganizationFacts } from '../../organization/organization-facts.js';
import { NipParam } from '../employee-directory/employee-directory.request.js';
import { ReasonRequest } from '../employee-changes/employee-changes.request.js';
import { managedEmployee, readableEmployee } from '../employee-changes/managed-employee.js';
import { DeclareConflictOfInterestCommand, WithdrawConflictOfInterestCommand } from './conflict-of-interest.handler.js';
import { DeclarationPageResponse } from './conflicts-of-interest.responses.js';
import {
  DeclarationParams,
  DeclareConflictOfInterestRequest,
  ListDeclarationsQuery,
} from './conflicts-of-interest.request.js';
import { ApiEtag } from '../../http/openapi.js';

const DECLARERS = [Role.HR, Role.ADMIN, Role.EMPLOYEE, Role.RATER, Role.RATER_SUPERVISOR];

@ApiTags('employees')
@ApiBearerAuth()
@Controller('api/v1/employees/:nip/conflicts-of-interest')
export class ConflictsOfInterestController {
  private readonly queries: ConflictsOfInterestQueries;

  constructor(
    private readonly commandBus: CommandBus,
    private readonly facts: OrganizationFacts,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(INFRASTRUCTURE) infrastructure: Infrastructure,
  ) {
    this.queries = new ConflictsOfInterestQueries(infrastructure.readDb);
  }

  @Post()
  @Allow(...DECLARERS)
  @ApiOperation({
    summary: 'Declare a conflict of interest between this employee (ratee) and a rater: by either of them or HR',
  })
  @ApiCreatedResponse({
    description: '{ declarationId, revision }',
    headers: { ETag: { description: 'W/"<revision>"' } },
  })
  @ApiBadRequestResponse({ description: 'CONFLICT_WITH_SELF, DESCRIPTION_REQUIRED, VALIDATION_FAILED' })
  @ApiForbiddenResponse({ description: 'neither the ratee, the rater, HR of the agency nor ADMIN' })
  @ApiConflictResponse({ description: 'CONFLICT_OF_INTEREST_ALREADY_DECLARED (same pair and kind, active)' })
  async declare(
    @Param() { nip }: NipParam,
    @Body() body: DeclareConflictOfInterestRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ declarationId: string; revision: string }> {
    const declaredBy = await this.declaredBy(principal, nip, body.raterNip);
    const context = commandContextFromHeaders(
      principal,
      declaredBy === 'HR' ? [Role.ADMIN, Role.HR] : DECLARERS.filter((r) => r !== Role.HR && r !== Role.ADMIN),
      headers,
      this.clock.now(),
    );
    const command = new DeclareConflictOfInterestCommand({ ...body, nip }, declaredBy, context);
    const result: ExecuteResult<unknown> = await this.commandBus.execute(command);
    void reply.status(201);
    // From the events: a recognised retry (Idempotency-Key) answers the original declaration's id.
    const declared = (result.events[0] as { data?: { declarationId?: unknown } } | undefined)?.data?.declarationId;
    const declarationId = typeof declared === 'string' ? declared : command.declarationId;
    return { declarationId, ...revisionReply(reply, result) };
  }

  @Get()
  @Allow(Role.HR, Role.ADMIN, Role.AUDITOR, Role.EMPLOYEE, Role.RATER, Role.RATER_SUPERVISOR)
  @ApiOperation({
    summary:
      'Declarations involving this employee (as ratee or rater), oldest first, keyset-paginated; filter active, raterNip',
  })
  @ApiOkResponse({ type: DeclarationPageResponse })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED: active not true/false, after not a UUID, limit not 1..500',
  })
  async list(
    @Param() { nip }: NipParam,
    @Query() query: ListDeclarationsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DeclarationPage> {
    await readableEmployee(this.facts, principal, nip);
    return this.queries.involving(nip, { ...query, limit: query.limit ?? 50 });
  }

  @Post(':declarationId/withdrawal')
  @ApiEtag()
  @Allow(Role.HR, Role.ADMIN)
  @ApiOperation({ summary: 'Withdraw a declaration (HR of the agency or ADMIN); a reason is required' })
  @ApiCreatedResponse({ description: '{ revision }' })
  @ApiConflictResponse({ description: 'DECLARATION_ALREADY_WITHDRAWN' })
  @ApiPreconditionFailedResponse({ description: 'STALE_REVISION: If-Match is not the current revision' })
  async withdraw(
    @Param() params: DeclarationParams,
    @Body() body: ReasonRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ revision: string }> {
    await managedEmployee(this.facts, principal, params.nip);
    const context = commandContextFromHeaders(principal, [Role.HR, Role.ADMIN], headers, this.clock.now());
    const result: ExecuteResult<unknown> = await this.commandBus.execute(
      new WithdrawConflictOfInterestCommand({ ...params, reason: body.reason }, context),
    );
    void reply.status(201);
    return revisionReply(reply, result);
  }

  /** The ratee, the rater, or HR of the ratee's agency / ADMIN; anyone else is refused. */
  private async declaredBy(principal: Principal, nip: string, raterNip: string): Promise<DeclaredBy> {
    if (principal.nip === nip) {
      await readableEmployee(this.facts, principal, nip); // 404 for an unknown ratee
      return 'RATEE';
    }
    if (principal.nip !== undefined && principal.nip === raterNip) return 'RATER';
    if (principal.roles.includes(Role.HR) || principal.roles.includes(Role.ADMIN)) {
      await managedEmployee(this.facts, principal, nip);
      return 'HR';
    }
    throw new ForbiddenException(
      errorBody(403, 'FORBIDDEN', 'only the ratee, the rater, or HR of the agency may declare a conflict of interest'),
    );
  }
}
