import { ConflictException, Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Role, type Principal } from '../../../../../libs/auth/src/index.js';
import { nextPhase } from '../../../../../libs/appraisal/src/advance-cycle-phase/advance-cycle-phase.js';
import type { ReadinessCounts } from '../../../../../libs/appraisal/src/advance-cycle-phase/cycle-readiness.js';
import type { CyclePhase } from '../../../../../libs/appraisal/src/cycle/cycle-events.js';
import type { OpenedCycle } from '../../../../../libs/appraisal/src/cycle/cycle-state.js';
import { Allow, CurrentPrincipal } from '../../auth/index.js';
import { errorBody } from '../../http/error-body.js';
import { assertOverseesCycle } from '../cycle-access.js';
import { CycleFacts } from '../cycle-facts.js';
import { CycleParam } from '../cycle.request.js';
import { CycleReadiness, type UnreadyPage } from './cycle-readiness.js';
import { ReadinessPeopleQuery, ReadinessQuery } from './readiness.request.js';

@ApiTags('cycles')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: "not HR of the cycle's agency nor AUDITOR" })
@ApiNotFoundResponse({ description: 'CYCLE_NOT_FOUND' })
@ApiConflictResponse({ description: 'CYCLE_CLOSED: no next phase (when `to` is omitted)' })
@Controller('api/v1/cycles/:cycleId/readiness')
export class ReadinessController {
  constructor(
    private readonly facts: CycleFacts,
    private readonly readiness: CycleReadiness,
  ) {}

  @Get()
  @Allow(Role.HR, Role.AUDITOR)
  @ApiOperation({
    summary:
      'Readiness of a phase change: how many active, not excluded appraisals are not where `to` (default: the next ' +
      'phase) needs them (IN_PROGRESS/ASSESSMENT: plan APPROVED; DETERMINATION: rating APPROVED; PUBLISHED: ' +
      'population determined), by status and by unit. POST …/phase refuses 409 CYCLE_NOT_READY unless it is empty ' +
      'or confirmed with confirmNotReady.',
  })
  @ApiOkResponse({
    description: '{ to, requirement, notReady, byStatus: [{status, count}], byUnit: [{unitId, status, count}] }',
  })
  async report(
    @Param() { cycleId }: CycleParam,
    @Query() query: ReadinessQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReadinessCounts> {
    const cycle = await this.oversee(cycleId, principal);
    return this.readiness.report(cycle, targetOf(cycle, query.to));
  }

  @Get('people')
  @Allow(Role.HR, Role.AUDITOR)
  @ApiOperation({
    summary:
      'The appraisals the readiness report counts, keyset-paginated by NIP, with the name from the employee ' +
      'directory, unit, status (plan or rating status, NOT_RATED, POPULATION_NOT_DETERMINED) and rater',
  })
  @ApiOkResponse({
    description:
      '{ to, items: [{nip, name, unitId, populationId, status, planStatus, ratingStatus, raterNip}], nextCursor }',
  })
  async people(
    @Param() { cycleId }: CycleParam,
    @Query() query: ReadinessPeopleQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<UnreadyPage> {
    const cycle = await this.oversee(cycleId, principal);
    return this.readiness.people(cycle, targetOf(cycle, query.to), {
      unitId: query.unitId,
      status: query.status,
      after: query.after,
      limit: query.limit ?? 50,
    });
  }

  private async oversee(cycleId: string, principal: Principal): Promise<OpenedCycle> {
    const { cycle } = await this.facts.cycle(cycleId);
    assertOverseesCycle(principal, cycle);
    return cycle;
  }
}

function targetOf(cycle: OpenedCycle, to: CyclePhase | undefined): CyclePhase {
  const target = to ?? nextPhase(cycle.phase);
  if (target === undefined) {
    throw new ConflictException(
      errorBody(409, 'CYCLE_CLOSED', `cycle ${cycle.cycleId} is closed; it has no next phase`),
    );
  }
  return target;
}
