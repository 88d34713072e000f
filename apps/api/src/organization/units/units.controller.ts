import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Headers,
  Inject,
  Param,
  Patch,
  Post,
  Put,
  Res,
} from '@nestjs/common';
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
import type { ExecuteResult } from '../../event-sourcing/command-executor.js';
import { errorBody } from '../../http/error-body.js';
import { CLOCK, type Clock } from '../../tokens.js';
import { AgencyParam, CommandResponse, UnitParams } from '../agencies/agencies.request.js';
import { commandContextFromHeaders, revisionReply } from '../../event-sourcing/command-context.js';
import { assertManagesAgency } from '../organization-access.js';
import {
  AssignUnitHeadCommand,
  CreateUnitCommand,
  UpdateUnitCommand,
  VacateUnitHeadCommand,
} from './unit-commands.handler.js';
import { AssignUnitHeadRequest, CreateUnitRequest, UpdateUnitRequest, VacateUnitHeadRequest } from './units.request.js';
import { ApiEtag } from '../../http/openapi.js';

const MANAGERS = [Role.HR, Role.ADMIN];
const IF_MATCH = { name: 'If-Match', required: false, description: 'the agency ETag you read (412 if stale)' };

@ApiTags('organization')
@ApiBearerAuth()
@ApiEtag()
@Controller('api/v1/agencies/:agencyId/units')
export class UnitsController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Allow(...MANAGERS)
  @ApiOperation({ summary: "Create a unit under a parent (the first one, without parent, is the agency's root)" })
  @ApiCreatedResponse({ type: CommandResponse, headers: { ETag: { description: 'W/"<agency revision>"' } } })
  @ApiBadRequestResponse({ description: 'invalid fields' })
  @ApiForbiddenResponse({ description: 'not ADMIN, nor HR of this agency' })
  @ApiNotFoundResponse({ description: 'AGENCY_NOT_FOUND, UNIT_NOT_FOUND (parent)' })
  @ApiConflictResponse({ description: 'UNIT_ALREADY_EXISTS, ROOT_UNIT_EXISTS' })
  @ApiHeader(IF_MATCH)
  async create(
    @Param() params: AgencyParam,
    @Body() body: CreateUnitRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    assertManagesAgency(principal, params.agencyId);
    const result = await this.run(
      new CreateUnitCommand(
        { ...body, agencyId: params.agencyId },
        commandContextFromHeaders(principal, MANAGERS, headers, this.clock.now()),
      ),
    );
    void reply.status(201).header('Location', `/api/v1/agencies/${params.agencyId}/units/${body.unitId}`);
    return revisionReply(reply, result);
  }

  @Patch(':unitId')
  @Allow(...MANAGERS)
  @ApiOperation({ summary: 'Rename and/or move a unit (UnitRenamed, UnitMoved; cycles refused)' })
  @ApiOkResponse({ type: CommandResponse })
  @ApiConflictResponse({ description: 'UNIT_CYCLE, ROOT_UNIT_CANNOT_MOVE' })
  @ApiPreconditionFailedResponse({ description: 'STALE_REVISION: If-Match is not the current agency revision' })
  @ApiHeader(IF_MATCH)
  async update(
    @Param() params: UnitParams,
    @Body() body: UpdateUnitRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    assertManagesAgency(principal, params.agencyId);
    if (body.name === undefined && body.parentUnitId === undefined) {
      throw new BadRequestException(
        errorBody(400, 'VALIDATION_FAILED', 'give name and/or parentUnitId', [
          { field: 'name', message: 'nothing to change' },
        ]),
      );
    }
    const result = await this.run(
      new UpdateUnitCommand(
        { ...body, ...params },
        commandContextFromHeaders(principal, MANAGERS, headers, this.clock.now()),
      ),
    );
    return revisionReply(reply, result);
  }

  @Put(':unitId/head')
  @Allow(...MANAGERS)
  @ApiOperation({ summary: 'Assign the head of a unit (an employee of the agency); reporting lines follow' })
  @ApiOkResponse({ type: CommandResponse })
  @ApiBadRequestResponse({ description: 'HEAD_NOT_IN_AGENCY' })
  @ApiNotFoundResponse({ description: 'UNIT_NOT_FOUND, EMPLOYEE_NOT_FOUND' })
  @ApiHeader(IF_MATCH)
  async assignHead(
    @Param() params: UnitParams,
    @Body() body: AssignUnitHeadRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    assertManagesAgency(principal, params.agencyId);
    const result = await this.run(
      new AssignUnitHeadCommand(
        { ...params, nip: body.nip },
        commandContextFromHeaders(principal, MANAGERS, headers, this.clock.now()),
      ),
    );
    return revisionReply(reply, result);
  }

  @Delete(':unitId/head')
  @Allow(...MANAGERS)
  @ApiOperation({
    summary: "Vacate a unit's head (UnitHeadVacated, reason required): its people defer to the nearest head above",
  })
  @ApiOkResponse({ type: CommandResponse, headers: { ETag: { description: 'W/"<agency revision>"' } } })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED (reason missing), REASON_REQUIRED (blank), INVALID_IF_MATCH',
  })
  @ApiForbiddenResponse({ description: 'not ADMIN, nor HR of this agency' })
  @ApiNotFoundResponse({ description: 'AGENCY_NOT_FOUND, UNIT_NOT_FOUND' })
  @ApiConflictResponse({ description: 'UNIT_HEAD_VACANT: the unit has no head' })
  @ApiPreconditionFailedResponse({ description: 'STALE_REVISION: If-Match is not the current agency revision' })
  @ApiHeader(IF_MATCH)
  async vacateHead(
    @Param() params: UnitParams,
    @Body() body: VacateUnitHeadRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    assertManagesAgency(principal, params.agencyId);
    const result = await this.run(
      new VacateUnitHeadCommand(
        { ...params, reason: body.reason },
        commandContextFromHeaders(principal, MANAGERS, headers, this.clock.now()),
      ),
    );
    return revisionReply(reply, result);
  }

  private run(command: object): Promise<ExecuteResult<unknown>> {
    return this.commandBus.execute(command);
  }
}
