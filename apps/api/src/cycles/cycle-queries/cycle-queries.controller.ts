import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ROLES, Role, type Principal } from '../../../../../libs/auth/src/index.js';
import type {
  AppraisalListFilter,
  AppraisalPage,
} from '../../../../../libs/read-models/src/appraisals/appraisals.queries.js';
import type {
  CycleDistribution,
  CyclePage,
  PopulationDistribution,
} from '../../../../../libs/read-models/src/appraisals/cycles.queries.js';
import { Allow, CurrentPrincipal } from '../../auth/index.js';
import { errorBody } from '../../http/error-body.js';
import { assertReadsCycle, forbidden, has, overseesCycle } from '../cycle-access.js';
import { CycleFacts } from '../cycle-facts.js';
import { CycleReadModels } from '../cycle-read-models.js';
import { CycleParam, ListCycleAppraisalsQuery, ListCyclesQuery } from '../cycle.request.js';
import { cycleView, withCycleEtag, type CycleView } from '../cycle-view.js';
import type { Predikat } from '../../../../../libs/policy/src/policy.js';
import { suppressedCounts } from '../../../../../libs/transparency/src/unit-standing.js';
import { ApiEtag } from '../../http/openapi.js';

/** A population's counts reach employees only in aggregates of at least this many people (DESIGN section 5). */
type EmployeeDistributionView = Omit<
  PopulationDistribution,
  'counts' | 'violations' | 'override' | 'changesByObjection' | 'determinedBy'
> & {
  /** Null below the anonymity minimum; within it, suppressed cells are null (libs/transparency). */
  counts: Record<Predikat, number | null> | null;
};

@ApiTags('cycles')
@ApiBearerAuth()
@Controller('api/v1/cycles')
export class CycleQueriesController {
  constructor(
    private readonly facts: CycleFacts,
    private readonly readModels: CycleReadModels,
  ) {}

  @Get()
  @Allow(Role.HR, Role.AUDITOR, Role.ADMIN)
  @ApiOperation({
    summary: "List cycles, keyset-paginated by id: HR its own agency's (the default agencyId), AUDITOR and ADMIN any",
  })
  @ApiOkResponse({ description: '{ items, nextCursor }' })
  @ApiForbiddenResponse({ description: "another agency's cycles (HR), or not HR/AUDITOR/ADMIN" })
  async list(@Query() query: ListCyclesQuery, @CurrentPrincipal() principal: Principal): Promise<CyclePage> {
    let agencyId = query.agencyId;
    if (!has(principal, Role.ADMIN, Role.AUDITOR)) {
      agencyId ??= principal.agencyId;
      if (agencyId === undefined || agencyId !== principal.agencyId) {
        throw forbidden(`HR lists its own agency's cycles only (${principal.agencyId ?? 'none'})`);
      }
    }
    return this.readModels.listCycles({ agencyId, phase: query.phase, after: query.after, limit: query.limit ?? 50 });
  }

  @Get(':cycleId')
  @ApiEtag()
  @Allow(...ROLES)
  @ApiOperation({
    summary:
      'One cycle as its stream stands (phase, period, pinned framework and policy versions, populations), with ' +
      'ETag W/"<revision>" for If-Match: HR of the agency, AUDITOR, ADMIN, and every member of the agency',
  })
  @ApiOkResponse({ description: 'the cycle', headers: { ETag: { description: 'W/"<cycle revision>"' } } })
  @ApiForbiddenResponse({ description: 'someone outside the agency (not AUDITOR/ADMIN)' })
  @ApiNotFoundResponse({ description: 'CYCLE_NOT_FOUND' })
  async get(
    @Param() { cycleId }: CycleParam,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CycleView> {
    const { cycle, revision, phaseHistory } = await this.facts.cycleWithHistory(cycleId);
    assertReadsCycle(principal, cycle);
    withCycleEtag(reply, revision);
    return cycleView(cycle, revision, phaseHistory);
  }

  @Get(':cycleId/appraisals')
  @Allow(...ROLES)
  @ApiOperation({
    summary:
      "The cycle's appraisals (status, plan, rating, predikat, publication), filtered and keyset-paginated by NIP. " +
      'HR of the agency, AUDITOR: all; ADMIN: none (personal data). Others of the agency by relation: a RATER the ' +
      'appraisals they rate, ' +
      'a RATER_SUPERVISOR those whose rater they supervise (both roles: both), everyone their own. ' +
      'missing=RATER|RATER_SUPERVISOR lists those nobody can rate / approve; planStatus, ratingStatus ' +
      '(NOT_RATED for none yet), predikat (approved), forDialogue and conflictOfInterest (true/false) narrow it. ' +
      "Each row carries the employee's, rater's and rater's supervisor's names (name, raterName, " +
      'raterSupervisorName) from the employee directory.',
  })
  @ApiOkResponse({ description: '{ items, nextCursor }' })
  @ApiForbiddenResponse({ description: 'ADMIN, someone outside the agency (not AUDITOR), or without a NIP' })
  @ApiNotFoundResponse({ description: 'CYCLE_NOT_FOUND' })
  async appraisals(
    @Param() { cycleId }: CycleParam,
    @Query() query: ListCycleAppraisalsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AppraisalPage> {
    const { cycle } = await this.facts.cycle(cycleId);
    const filter = {
      cycleId,
      unitId: query.unitId,
      raterNip: query.raterNip,
      status: query.status,
      planStatus: query.planStatus,
      ratingStatus: query.ratingStatus,
      predikat: query.predikat,
      forDialogue: query.forDialogue,
      conflictOfInterest: query.conflictOfInterest,
      after: query.after,
      limit: query.limit ?? 50,
    };
    const list = (f: AppraisalListFilter) =>
      this.readModels.listAppraisals({ ...f, ...(query.missing ? { missing: query.missing } : {}) });
    if (overseesCycle(principal, cycle)) return list(filter);
    const nip = principal.nip;
    if (principal.agencyId !== cycle.agencyId || nip === undefined) {
      throw forbidden(`only HR of ${cycle.agencyId}, AUDITOR and members of the agency may list these (not ADMIN)`);
    }
    // Relation-based rows only (deny by default: the read model matches none of an empty anyOf).
    return list({
      ...filter,
      anyOf: {
        nip,
        ...(has(principal, Role.RATER) ? { raterNip: nip } : {}),
        ...(has(principal, Role.RATER_SUPERVISOR) ? { raterSupervisorNip: nip } : {}),
      },
    });
  }

  @Get(':cycleId/distribution')
  @Allow(...ROLES)
  @ApiOperation({
    summary:
      'Per population: unit predikat, counts of approved predikat (as determined, or as they stand), violations ' +
      'and overrides. HR of the agency, AUDITOR; ADMIN (at any phase) and, once PUBLISHED, every member of the ' +
      "agency see counts only of populations of at least the policy's anonymity minimum, with cells under it " +
      'suppressed as null (complementary cells too, so none follows from the total: README "Transparency"), no ' +
      'violations or overrides.',
  })
  @ApiOkResponse({ description: '{ cycleId, phase, distributionScope, populations }' })
  @ApiForbiddenResponse({ description: 'before publication: anyone but HR, AUDITOR, ADMIN' })
  @ApiNotFoundResponse({ description: 'CYCLE_NOT_FOUND' })
  async distribution(
    @Param() { cycleId }: CycleParam,
    @CurrentPrincipal() principal: Principal,
  ): Promise<
    CycleDistribution | (Omit<CycleDistribution, 'populations'> & { populations: EmployeeDistributionView[] })
  > {
    const { cycle } = await this.facts.cycle(cycleId);
    const oversees = overseesCycle(principal, cycle);
    const published = cycle.phase === 'PUBLISHED' || cycle.phase === 'CLOSED';
    // ADMIN runs the phases, so sees where each population stands, but only in anonymous aggregates.
    const aggregatesOnly = has(principal, Role.ADMIN) || (published && principal.agencyId === cycle.agencyId);
    if (!oversees && !aggregatesOnly) {
      throw forbidden(`only HR of ${cycle.agencyId}, AUDITOR and ADMIN, or after publication its members`);
    }
    const distribution = await this.readModels.distribution(cycleId);
    if (!distribution) {
      throw new NotFoundException(errorBody(404, 'CYCLE_NOT_FOUND', `cycle ${cycleId} is not in the read model yet`));
    }
    if (oversees) return distribution;
    const minimum = cycle.policy.peerAnonymityMinimum;
    return {
      ...distribution,
      // Totals only: no violations, override, or keberatan changes (those name people).
      populations: distribution.populations.map(
        ({ counts, violations: _v, override: _o, changesByObjection: _c, determinedBy: _d, ...rest }) => ({
          ...rest,
          counts: rest.activeAppraisals >= minimum ? suppressedCounts(counts, minimum) : null,
        }),
      ),
    };
  }
}
