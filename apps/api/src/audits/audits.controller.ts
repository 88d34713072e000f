// Subjectivity audits of one cycle (HR of its agency, AUDITOR): computed on request by libs/audits from the
// rating_facts read model. Every flag carries the numbers behind it; the methods are in
// docs/subjectivity-audits.md and each route's description.
import { Controller, ForbiddenException, Get, Header, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Role, type Principal } from '../../../../libs/auth/src/index.js';
import { cycleStreamName, type CycleEvent } from '../../../../libs/appraisal/src/cycle/cycle-events.js';
import { evolveCycle, initialCycleState, type OpenedCycle } from '../../../../libs/appraisal/src/cycle/cycle-state.js';
import { auditSettingsOf, DEFAULT_AUDIT_SETTINGS } from '../../../../libs/audits/src/audit-settings.js';
import { curveAudit } from '../../../../libs/audits/src/curve/curve-audit.js';
import { cycleDistribution } from '../../../../libs/read-models/src/appraisals/cycles.queries.js';
import { assessmentGaps } from '../../../../libs/audits/src/assessment-gaps/assessment-gaps.js';
import { centralTendency } from '../../../../libs/audits/src/central-tendency/central-tendency.js';
import { groupGaps } from '../../../../libs/audits/src/group-gaps/group-gaps.js';
import { halo } from '../../../../libs/audits/src/halo/halo.js';
import { raterEffects } from '../../../../libs/audits/src/rater-effects/rater-effects.js';
import {
  conflictOutcomes,
  gapInputs,
  groupInputs,
  ratedAppraisals,
  raterEvidence,
} from '../../../../libs/read-models/src/audits/rating-facts.queries.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { Allow, CurrentPrincipal } from '../auth/index.js';
import { loadState } from '../event-sourcing/load-state.js';
import { errorBody } from '../http/error-body.js';
import { INFRASTRUCTURE } from '../tokens.js';
import { CycleAuditParams, GapsQuery, GroupGapsQuery, RaterEffectsQuery } from './audits.requests.js';
import { raterSummaryCsv } from './rater-summary-csv.js';

const METHOD = 'Method: docs/subjectivity-audits.md in the repository (README "Subjectivity audits").';

@ApiTags('audits')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'not HR of the cycle agency nor AUDITOR' })
@Controller('api/v1/cycles/:cycleId/audits')
export class AuditsController {
  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  @Get('rater-effects')
  @Allow(Role.HR, Role.AUDITOR)
  @ApiOperation({
    summary:
      'Leniency / severity per rater: empirical-Bayes shrunk standardised difference from the rest, 95% interval',
    description:
      `Score = hasil kerja + perilaku as steps 0..2. Flagged LENIENT/SEVERE only with at least ${DEFAULT_AUDIT_SETTINGS.minRatings} ` +
      `approved ratings, |effect| >= ${DEFAULT_AUDIT_SETTINGS.leniencyEffectSize} SD and an interval excluding 0 ` +
      `(defaults; the cycle's pinned policy may set its own \`audits\` thresholds). ${METHOD}`,
  })
  @ApiOkResponse({
    description:
      '{ ratings, raters, populationMean, populationSd, withinRaterVariance, betweenRaterVariance, effects[] }',
  })
  async raterEffects(
    @Param() { cycleId }: CycleAuditParams,
    @Query() q: RaterEffectsQuery,
    @CurrentPrincipal() p: Principal,
  ) {
    const cycle = await this.authorize(cycleId, p);
    return raterEffects(
      await ratedAppraisals(this.infrastructure.readDb, cycleId, q.unitId),
      auditSettingsOf(cycle.policy),
    );
  }

  @Get('central-tendency')
  @Allow(Role.HR, Role.AUDITOR)
  @ApiOperation({
    summary: 'Raters who rate SESUAI/SESUAI far more often than the rest (one-sided binomial)',
    description: METHOD,
  })
  async centralTendency(@Param() { cycleId }: CycleAuditParams, @CurrentPrincipal() p: Principal) {
    const cycle = await this.authorize(cycleId, p);
    const ratings = await ratedAppraisals(this.infrastructure.readDb, cycleId);
    return { items: centralTendency(ratings, auditSettingsOf(cycle.policy)) };
  }

  @Get('halo')
  @Allow(Role.HR, Role.AUDITOR)
  @ApiOperation({
    summary: 'Raters who give every competency one level far more often than the rest (one-sided binomial)',
    description: METHOD,
  })
  async halo(@Param() { cycleId }: CycleAuditParams, @CurrentPrincipal() p: Principal) {
    const cycle = await this.authorize(cycleId, p);
    return { items: halo(await ratedAppraisals(this.infrastructure.readDb, cycleId), auditSettingsOf(cycle.policy)) };
  }

  @Get('gaps')
  @Allow(Role.HR, Role.AUDITOR)
  @ApiOperation({
    summary: 'Self vs supervisor and peer aggregate vs supervisor gaps, per rater or per unit',
    description: METHOD,
  })
  async gaps(@Param() { cycleId }: CycleAuditParams, @Query() q: GapsQuery, @CurrentPrincipal() p: Principal) {
    const cycle = await this.authorize(cycleId, p);
    return {
      items: assessmentGaps(
        await gapInputs(this.infrastructure.readDb, cycleId),
        q.by ?? 'rater',
        cycle.policy.peerAnonymityMinimum,
      ),
    };
  }

  @Get('group-gaps')
  @Allow(Role.HR, Role.AUDITOR)
  @ApiOperation({
    summary:
      'Outcomes by gender, golongan, age band or tenure band against everyone else; groups under the anonymity minimum suppressed',
    description: METHOD,
  })
  async groupGaps(
    @Param() { cycleId }: CycleAuditParams,
    @Query() q: GroupGapsQuery,
    @CurrentPrincipal() p: Principal,
  ) {
    const cycle = await this.authorize(cycleId, p);
    const rows = await groupInputs(this.infrastructure.readDb, cycleId);
    return {
      dimension: q.dimension,
      items: groupGaps(rows, q.dimension, cycle.periodEnd, cycle.policy.peerAnonymityMinimum),
    };
  }

  @Get('evidence')
  @Allow(Role.HR, Role.AUDITOR)
  @ApiOperation({
    summary:
      'Per rater: DI_ATAS/DI_BAWAH ratings without evidence or with a thin justification, ratings revised after approval, objection and overturn rates, ratings under a conflict of interest',
    description: METHOD,
  })
  async evidence(@Param() { cycleId }: CycleAuditParams, @CurrentPrincipal() p: Principal) {
    await this.authorize(cycleId, p);
    return { items: await raterEvidence(this.infrastructure.readDb, cycleId) };
  }

  @Get('conflicts-of-interest')
  @Allow(Role.HR, Role.AUDITOR)
  @ApiOperation({
    summary: 'Ratings made under a declared conflict of interest and their outcomes against the rest',
    description: METHOD,
  })
  async conflicts(@Param() { cycleId }: CycleAuditParams, @CurrentPrincipal() p: Principal) {
    await this.authorize(cycleId, p);
    return conflictOutcomes(this.infrastructure.readDb, cycleId);
  }

  @Get('curve')
  @Allow(Role.HR, Role.AUDITOR)
  @ApiOperation({
    summary:
      "Each population's predikat distribution against its pinned curve and against the national pattern (88% BAIK), with the overrides and who used them",
    description:
      'Shares are of the approved ratings (of the penetapan once determined); `againstNational` in percentage points. ' +
      METHOD,
  })
  async curve(@Param() { cycleId }: CycleAuditParams, @CurrentPrincipal() p: Principal) {
    const cycle = await this.authorize(cycleId, p);
    const distribution = await cycleDistribution(this.infrastructure.readDb, cycleId);
    return curveAudit(cycle.policy, distribution?.populations ?? []);
  }

  @Get('raters.csv')
  @Allow(Role.HR, Role.AUDITOR)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="rater-audit.csv"')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv; charset=utf-8', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiOperation({
    summary: 'One row per rater with every audit number, for a spreadsheet (UTF-8 with BOM)',
    description: METHOD,
  })
  async ratersCsv(@Param() { cycleId }: CycleAuditParams, @CurrentPrincipal() p: Principal): Promise<string> {
    const settings = auditSettingsOf((await this.authorize(cycleId, p)).policy);
    const db = this.infrastructure.readDb;
    const ratings = await ratedAppraisals(db, cycleId);
    return raterSummaryCsv(
      raterEffects(ratings, settings).effects,
      centralTendency(ratings, settings),
      halo(ratings, settings),
      await raterEvidence(db, cycleId),
    );
  }

  /** HR of the cycle's agency or AUDITOR; 404 for an unknown cycle. */
  private async authorize(cycleId: string, principal: Principal): Promise<OpenedCycle> {
    const { state } = await loadState<ReturnType<typeof initialCycleState>, CycleEvent>(
      this.infrastructure.eventStore,
      cycleStreamName(cycleId),
      { initialState: initialCycleState, evolve: evolveCycle },
    );
    if (state.status === 'none')
      throw new NotFoundException(errorBody(404, 'CYCLE_NOT_FOUND', `no appraisal cycle ${cycleId}`));
    const auditor = principal.roles.includes(Role.AUDITOR);
    const hrOfAgency = principal.roles.includes(Role.HR) && principal.agencyId === state.agencyId;
    if (!auditor && !hrOfAgency) {
      throw new ForbiddenException(
        errorBody(403, 'FORBIDDEN', `audits of ${cycleId} are for HR of ${state.agencyId} and auditors only`),
      );
    }
    return state;
  }
}
