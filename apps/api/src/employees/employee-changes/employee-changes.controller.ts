import { Body, Controller, Delete, Headers, Inject, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
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
import { CLOCK, type Clock } from '../../tokens.js';
import { CommandResponse } from '../../organization/agencies/agencies.request.js';
import { commandContextFromHeaders, revisionReply } from '../../event-sourcing/command-context.js';
import { OrganizationFacts } from '../../organization/organization-facts.js';
import { NipParam } from '../employee-directory/employee-directory.request.js';
import {
  ChangePositionCommand,
  ClearRaterOverrideCommand,
  MoveEmployeeCommand,
  OverrideRaterCommand,
  RenameEmployeeCommand,
} from './employee-commands.handler.js';
import {
  ChangePositionRequest,
  MoveEmployeeRequest,
  RaterOverrideRequest,
  ReasonRequest,
  RenameEmployeeRequest,
} from './employee-changes.request.js';
import { managedEmployee } from './managed-employee.js';
import { ApiEtag } from '../../http/openapi.js';

const MANAGERS = [Role.HR, Role.ADMIN];
const IF_MATCH = { name: 'If-Match', required: false, description: "the employee's ETag you read (412 if stale)" };

@ApiTags('employees')
@ApiBearerAuth()
@ApiHeader(IF_MATCH)
@ApiForbiddenResponse({ description: "not ADMIN, nor HR of the employee's agency" })
@ApiNotFoundResponse({ description: 'EMPLOYEE_NOT_FOUND (or UNIT_NOT_FOUND, RATER_NOT_FOUND)' })
@ApiPreconditionFailedResponse({ description: 'STALE_REVISION' })
@ApiEtag()
@Controller('api/v1/employees/:nip')
export class EmployeeChangesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly facts: OrganizationFacts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Put('unit')
  @Allow(...MANAGERS)
  @ApiOperation({ summary: 'Move the employee to another unit of the agency (EmployeeMoved, with effective date)' })
  @ApiOkResponse({ type: CommandResponse })
  async move(
    @Param() { nip }: NipParam,
    @Body() body: MoveEmployeeRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const employee = await managedEmployee(this.facts, principal, nip);
    const context = commandContextFromHeaders(principal, MANAGERS, headers, this.clock.now());
    return revisionReply(
      reply,
      await this.commandBus.execute(new MoveEmployeeCommand({ ...body, nip, agencyId: employee.agencyId }, context)),
    );
  }

  @Put('position')
  @Allow(...MANAGERS)
  @ApiOperation({ summary: 'Change position, golongan or job type (EmployeePositionChanged, with effective date)' })
  @ApiOkResponse({ type: CommandResponse })
  @ApiBadRequestResponse({ description: 'INVALID_GOLONGAN (not a grade of the employment type), VALIDATION_FAILED' })
  async changePosition(
    @Param() { nip }: NipParam,
    @Body() body: ChangePositionRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const employee = await managedEmployee(this.facts, principal, nip);
    const context = commandContextFromHeaders(principal, MANAGERS, headers, this.clock.now());
    return revisionReply(
      reply,
      await this.commandBus.execute(new ChangePositionCommand({ ...body, nip, agencyId: employee.agencyId }, context)),
    );
  }

  @Put('name')
  @Allow(...MANAGERS)
  @ApiOperation({
    summary: "Record the employee's new name with a reason (EmployeeRenamed); the directory and reporting lines follow",
  })
  @ApiOkResponse({ type: CommandResponse, headers: { ETag: { description: 'W/"<employee revision>"' } } })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (name or reason missing), INVALID_NAME, REASON_REQUIRED' })
  async rename(
    @Param() { nip }: NipParam,
    @Body() body: RenameEmployeeRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    await managedEmployee(this.facts, principal, nip);
    const context = commandContextFromHeaders(principal, MANAGERS, headers, this.clock.now());
    return revisionReply(reply, await this.commandBus.execute(new RenameEmployeeCommand({ ...body, nip }, context)));
  }

  @Put('rater-override')
  @Allow(...MANAGERS)
  @ApiOperation({ summary: 'Name the pejabat penilai explicitly instead of the derived one; a reason is required' })
  @ApiOkResponse({ type: CommandResponse })
  @ApiBadRequestResponse({ description: 'REASON_REQUIRED, SELF_AS_RATER, RATER_NOT_IN_AGENCY' })
  async overrideRater(
    @Param() { nip }: NipParam,
    @Body() body: RaterOverrideRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    await managedEmployee(this.facts, principal, nip);
    const context = commandContextFromHeaders(principal, MANAGERS, headers, this.clock.now());
    return revisionReply(reply, await this.commandBus.execute(new OverrideRaterCommand({ ...body, nip }, context)));
  }

  @Delete('rater-override')
  @Allow(...MANAGERS)
  @ApiOperation({ summary: 'Clear the override: back to the derived pejabat penilai; a reason is required' })
  @ApiOkResponse({ type: CommandResponse })
  @ApiConflictResponse({ description: 'NO_RATER_OVERRIDE' })
  async clearOverride(
    @Param() { nip }: NipParam,
    @Body() body: ReasonRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    await managedEmployee(this.facts, principal, nip);
    const context = commandContextFromHeaders(principal, MANAGERS, headers, this.clock.now());
    return revisionReply(
      reply,
      await this.commandBus.execute(new ClearRaterOverrideCommand({ ...body, nip }, context)),
    );
  }
}
