// Editing the draft version: technical competencies and required levels per position. A published
// version is never edited (NO_DRAFT); each answers with the stream revision as ETag and honours If-Match.
import { Body, Controller, Delete, Param, Post, Put, Res, Headers } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiCreatedResponse,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '../../../../libs/auth/src/index.js';
import { positionRequirementDecider } from '../../../../libs/competency/src/position-requirements/position-requirements.js';
import { technicalCompetencyDecider } from '../../../../libs/competency/src/technical-competencies/technical-competencies.js';
import { Allow, CurrentPrincipal } from '../auth/index.js';
import { MANAGER_ROLES } from './framework-access.js';
import { FrameworkCommandRunner, IF_MATCH } from './framework-command-runner.js';
import {
  AddTechnicalCompetencyRequest,
  FrameworkCommandResponse,
  PositionRequirementRequest,
  TechnicalCompetencyBody,
} from './framework.requests.js';
import { FrameworkIdParam, PositionParam, TechnicalCompetencyParam } from './framework.params.js';
import { ApiEtag } from '../http/openapi.js';

@ApiTags('competency frameworks')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED or a domain rule (codes, levels 1..5, blank text)' })
@ApiForbiddenResponse({ description: 'wrong role, or another agency' })
@ApiPreconditionFailedResponse({ description: 'STALE_REVISION: If-Match is not the current revision' })
@ApiConflictResponse({ description: 'NO_DRAFT: a published version never changes; open a draft first' })
@ApiEtag()
@Controller('api/v1/frameworks')
export class FrameworkDraftContentController {
  constructor(private readonly commands: FrameworkCommandRunner) {}

  @Post(':frameworkId/draft/technical-competencies')
  @Allow(...MANAGER_ROLES)
  @ApiOperation({ summary: 'Add a technical competency (levels 1..5) to the draft version' })
  @ApiHeader(IF_MATCH)
  @ApiCreatedResponse({ type: FrameworkCommandResponse })
  @ApiConflictResponse({ description: 'DUPLICATE_COMPETENCY_CODE, NO_DRAFT (a published version never changes)' })
  @ApiPreconditionFailedResponse({ description: 'STALE_REVISION' })
  async addTechnical(
    @Param() params: FrameworkIdParam,
    @Body() body: AddTechnicalCompetencyRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationHeader: string | undefined,
    @Headers('if-match') ifMatchHeader: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FrameworkCommandResponse> {
    const result = await this.commands.run(
      { principal, correlationHeader, ifMatchHeader, reply },
      params.frameworkId,
      technicalCompetencyDecider,
      () => ({
        type: 'AddTechnicalCompetency' as const,
        frameworkId: params.frameworkId,
        competency: toTechnical(body.code, body),
      }),
      { allowed: MANAGER_ROLES, access: 'manage' },
    );
    void reply.status(201);
    return result;
  }

  @Put(':frameworkId/draft/technical-competencies/:code')
  @Allow(...MANAGER_ROLES)
  @ApiOperation({ summary: 'Revise a technical competency of the draft version' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: FrameworkCommandResponse })
  @ApiNotFoundResponse({ description: 'TECHNICAL_COMPETENCY_NOT_FOUND, FRAMEWORK_NOT_FOUND' })
  @ApiPreconditionFailedResponse({ description: 'STALE_REVISION' })
  reviseTechnical(
    @Param() params: TechnicalCompetencyParam,
    @Body() body: TechnicalCompetencyBody,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationHeader: string | undefined,
    @Headers('if-match') ifMatchHeader: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FrameworkCommandResponse> {
    return this.commands.run(
      { principal, correlationHeader, ifMatchHeader, reply },
      params.frameworkId,
      technicalCompetencyDecider,
      () => ({
        type: 'ReviseTechnicalCompetency' as const,
        frameworkId: params.frameworkId,
        competency: toTechnical(params.code, body),
      }),
      { allowed: MANAGER_ROLES, access: 'manage' },
    );
  }

  @Delete(':frameworkId/draft/technical-competencies/:code')
  @Allow(...MANAGER_ROLES)
  @ApiOperation({ summary: 'Remove a technical competency from the draft (refused while a position requires it)' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: FrameworkCommandResponse })
  @ApiConflictResponse({ description: 'COMPETENCY_IN_USE, NO_DRAFT' })
  removeTechnical(
    @Param() params: TechnicalCompetencyParam,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationHeader: string | undefined,
    @Headers('if-match') ifMatchHeader: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FrameworkCommandResponse> {
    return this.commands.run(
      { principal, correlationHeader, ifMatchHeader, reply },
      params.frameworkId,
      technicalCompetencyDecider,
      () => ({ type: 'RemoveTechnicalCompetency' as const, frameworkId: params.frameworkId, code: params.code }),
      { allowed: MANAGER_ROLES, access: 'manage' },
    );
  }

  @Put(':frameworkId/draft/position-requirements/:positionCode')
  @Allow(...MANAGER_ROLES)
  @ApiOperation({ summary: 'Set the required competency levels (1..5) of a position in the draft version' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: FrameworkCommandResponse })
  @ApiBadRequestResponse({ description: 'UNKNOWN_COMPETENCY, LEVEL_OUT_OF_RANGE, DUPLICATE_REQUIRED_COMPETENCY' })
  setRequirement(
    @Param() params: PositionParam,
    @Body() body: PositionRequirementRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationHeader: string | undefined,
    @Headers('if-match') ifMatchHeader: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FrameworkCommandResponse> {
    return this.commands.run(
      { principal, correlationHeader, ifMatchHeader, reply },
      params.frameworkId,
      positionRequirementDecider,
      () => ({
        type: 'SetPositionRequirement' as const,
        frameworkId: params.frameworkId,
        requirement: {
          positionCode: params.positionCode,
          positionTitle: body.positionTitle,
          levels: body.levels.map(({ competencyCode, level }) => ({ competencyCode, level })),
        },
      }),
      { allowed: MANAGER_ROLES, access: 'manage' },
    );
  }

  @Delete(':frameworkId/draft/position-requirements/:positionCode')
  @Allow(...MANAGER_ROLES)
  @ApiOperation({ summary: "Remove a position's required levels from the draft version" })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: FrameworkCommandResponse })
  removeRequirement(
    @Param() params: PositionParam,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationHeader: string | undefined,
    @Headers('if-match') ifMatchHeader: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FrameworkCommandResponse> {
    return this.commands.run(
      { principal, correlationHeader, ifMatchHeader, reply },
      params.frameworkId,
      positionRequirementDecider,
      () => ({
        type: 'RemovePositionRequirement' as const,
        frameworkId: params.frameworkId,
        positionCode: params.positionCode,
      }),
      { allowed: MANAGER_ROLES, access: 'manage' },
    );
  }
}

function toTechnical(code: string, body: TechnicalCompetencyBody) {
  return {
    code,
    name: body.name,
    description: body.description,
    levels: body.levels as [string, string, string, string, string],
  };
}
