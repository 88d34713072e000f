import { Body, Controller, Get, Headers, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
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
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ROLES, type Principal } from '../../../../../libs/auth/src/index.js';
import type { OpenedCycle } from '../../../../../libs/appraisal/src/cycle/cycle-state.js';
import { Allow, CurrentPrincipal } from '../../auth/index.js';
import type { ExecuteResult } from '../../event-sourcing/command-executor.js';
import { commandContextFromHeaders, revisionReply } from '../../event-sourcing/command-context.js';
import { CLOCK, type Clock } from '../../tokens.js';
import { forbidden, overseesCycle, populationOf, populationWriter, type PopulationWriter } from '../cycle-access.js';
import { CycleFacts } from '../cycle-facts.js';
import {
  DeterminationRequest,
  DistributionCheckQuery,
  PopulationParams,
  UnitPredikatRequest,
} from '../cycle.request.js';
import { CycleReadModels } from '../cycle-read-models.js';
import {
  previewDistribution,
  type DistributionPreview,
} from '../../../../../libs/appraisal/src/determine-distribution/distribution-preview.js';
import { DetermineDistributionCommand, SetUnitPredikatCommand } from './determination.handler.js';

const IF_MATCH = { name: 'If-Match', required: false, description: 'W/"<revision>" of the cycle' };

@ApiTags('cycles')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'CYCLE_NOT_FOUND, POPULATION_NOT_FOUND' })
@Controller('api/v1/cycles/:cycleId/populations/:populationId')
export class DeterminationController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly facts: CycleFacts,
    private readonly readModels: CycleReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Put('unit-predikat')
  @Allow(...ROLES)
  @ApiOperation({
    summary:
      "Set the population's predikat kinerja organisasi (penetapan step 1), which fixes the curve its employees' " +
      "predikat must meet: the leader one level up (the pejabat penilai of the unit's head), HR of the agency or " +
      "ADMIN; an agency-wide population or the agency's root unit: HR/ADMIN only. ASSESSMENT or DETERMINATION.",
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ description: '{ revision }', headers: { ETag: {} } })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, TEXT_REQUIRED' })
  @ApiForbiddenResponse({ description: 'not the leader one level up, HR of the agency or ADMIN' })
  @ApiConflictResponse({ description: 'WRONG_CYCLE_PHASE, ALREADY_DETERMINED' })
  @ApiPreconditionFailedResponse({ description: 'STALE_REVISION' })
  async setUnitPredikat(
    @Param() { cycleId, populationId }: PopulationParams,
    @Body() body: UnitPredikatRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ revision: string }> {
    const writer = await this.writer(principal, cycleId, populationId);
    const context = commandContextFromHeaders(principal, writer.actingRoles, headers, this.clock.now());
    const result: ExecuteResult<unknown> = await this.commandBus.execute(
      new SetUnitPredikatCommand(cycleId, { populationId, ...body }, writer.actorNip, context),
    );
    return revisionReply(reply, result);
  }

  @Get('distribution-check')
  @Allow(...ROLES)
  @ApiOperation({
    summary:
      "Check the population's approved predikat against the curve of its unit predikat (or ?unitPredikat= to try " +
      'another), writing nothing: every violated bound with its numbers, and who has no approved rating yet. HR of ' +
      'the agency, AUDITOR, the leader one level up, and raters of the population (not ADMIN: it names people).',
  })
  @ApiOkResponse({ description: '{ populationId, unitPredikat, population, counts, ok, violations, unapproved }' })
  @ApiForbiddenResponse({ description: 'none of the readers above' })
  @ApiConflictResponse({ description: 'UNIT_PREDIKAT_NOT_SET (and no ?unitPredikat=)' })
  async distributionCheck(
    @Param() { cycleId, populationId }: PopulationParams,
    @Query() query: DistributionCheckQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DistributionPreview> {
    const { cycle } = await this.facts.cycle(cycleId);
    const { unitId } = populationOf(cycle, populationId);
    if (!overseesCycle(principal, cycle)) {
      const nip = principal.agencyId === cycle.agencyId ? principal.nip : undefined;
      const isRater = nip !== undefined && (await this.readModels.ratesIn(cycleId, populationId, nip));
      const isLeader =
        nip !== undefined &&
        !isRater &&
        unitId !== null &&
        (await this.facts.leaderOneLevelUp(cycle.agencyId, unitId)) === nip;
      if (!isRater && !isLeader) {
        throw forbidden(`only HR of ${cycle.agencyId}, AUDITOR, the leader one level up or its raters (not ADMIN)`);
      }
    }
    const members = await this.readModels.populationMembers(cycleId, populationId);
    return previewDistribution(cycle, populationId, members, query.unitPredikat);
  }

  @Post('determination')
  @Allow(...ROLES)
  @ApiOperation({
    summary:
      "Determine the population's distribution (penetapan steps 2-3): refused with every violated bound and its " +
      'numbers (422 DISTRIBUTION_VIOLATED, nothing written) unless overrideJustification is given, which is recorded ' +
      'and flagged for audit. Every member needs an approved rating. Same writers as unit-predikat; DETERMINATION.',
  })
  @ApiHeader(IF_MATCH)
  @ApiCreatedResponse({ description: '{ revision }', headers: { ETag: {} } })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, OVERRIDE_JUSTIFICATION_TOO_SHORT' })
  @ApiForbiddenResponse({ description: 'not the leader one level up, HR of the agency or ADMIN' })
  @ApiConflictResponse({
    description: 'APPRAISALS_NOT_APPROVED, UNIT_PREDIKAT_NOT_SET, ALREADY_DETERMINED, WRONG_CYCLE_PHASE',
  })
  @ApiUnprocessableEntityResponse({ description: 'DISTRIBUTION_VIOLATED, with every violated bound in details' })
  @ApiPreconditionFailedResponse({ description: 'STALE_REVISION' })
  async determine(
    @Param() { cycleId, populationId }: PopulationParams,
    @Body() body: DeterminationRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ revision: string }> {
    const writer = await this.writer(principal, cycleId, populationId);
    const context = commandContextFromHeaders(principal, writer.actingRoles, headers, this.clock.now());
    const result: ExecuteResult<unknown> = await this.commandBus.execute(
      new DetermineDistributionCommand(
        cycleId,
        { populationId, overrideJustification: body.overrideJustification ?? null },
        writer.actorNip,
        context,
      ),
    );
    void reply.status(201);
    return revisionReply(reply, result);
  }

  /** HR of the agency / ADMIN, or the leader one level up of the population's unit (403 otherwise). */
  private async writer(principal: Principal, cycleId: string, populationId: string): Promise<PopulationWriter> {
    const { cycle } = await this.facts.cycle(cycleId);
    return populationWriter(principal, cycle, await this.leaderOf(cycle, populationId));
  }

  private async leaderOf(cycle: OpenedCycle, populationId: string): Promise<string | null> {
    const { unitId } = populationOf(cycle, populationId);
    return unitId === null ? null : this.facts.leaderOneLevelUp(cycle.agencyId, unitId);
  }
}
