// Score histories (README "Score histories"): every value an appraisal's scores had, with who, when and why, and
// an employee's published predikat per cycle over the years with the competency gaps. Both read the
// score_history read model; access to one appraisal's history is decided on its stream (the relations of
// appraisal-access.ts), to a trend on the employee's stream. Reads done as AUDITOR are recorded first.
import { Controller, ForbiddenException, Get, Headers, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Kysely } from 'kysely';
import { Role, type Principal } from '../../../../libs/auth/src/index.js';
import {
  scoreHistory,
  scoreTrend,
  type ScoreHistoryPage,
  type ScoreTrendPage,
} from '../../../../libs/read-models/src/score-history/score-history.queries.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { authorize, rolesFor } from '../appraisals/appraisal-access.js';
import { AppraisalFacts } from '../appraisals/appraisal-facts.js';
import { AppraisalParams } from '../appraisals/appraisal.params.js';
import { AuditReadRecorder } from '../audit-reads/audit-read-recorder.js';
import { Allow, CurrentPrincipal } from '../auth/index.js';
import { NipParam } from '../employees/employee-directory/employee-directory.request.js';
import { errorBody } from '../http/error-body.js';
import { OrganizationFacts } from '../organization/organization-facts.js';
import { INFRASTRUCTURE } from '../tokens.js';
import { ScoreHistoryQuery, ScoreTrendQuery } from './score-history.request.js';

const HISTORY_ROUTE = '/api/v1/cycles/:cycleId/appraisals/:nip/score-history';
const TREND_ROUTE = '/api/v1/employees/:nip/score-trend';
const PERSON_ROLES = [Role.EMPLOYEE, Role.RATER, Role.RATER_SUPERVISOR];

@ApiTags('score histories')
@ApiBearerAuth()
@Controller('api/v1')
export class ScoreHistoryController {
  private readonly db: Kysely<unknown>;

  constructor(
    private readonly appraisals: AppraisalFacts,
    private readonly organization: OrganizationFacts,
    private readonly reads: AuditReadRecorder,
    @Inject(INFRASTRUCTURE) infrastructure: Infrastructure,
  ) {
    this.db = infrastructure.readDb;
  }

  @Get('cycles/:cycleId/appraisals/:nip/score-history')
  @Allow(...rolesFor('readScoreHistory'))
  @ApiOperation({
    summary:
      "Every value the appraisal's scores had, oldest first: realisations recorded, the rater's rating and each " +
      'revised version (REVISED_IN_DETERMINATION: an approved rating revised to fit the curve), returns with their ' +
      'reasons, approvals, the published result and a keberatan decision (OBJECTION_CHANGED with the result before ' +
      "and after), each with who (NIP and role), when, the cycle's phase and why. The employee, their rater, the " +
      "rater's supervisor, HR of the agency, AUDITOR. Keyset-paginated by stream revision.",
  })
  @ApiOkResponse({
    description:
      '{ items: [{ revision, change, phase, ratingVersion, scores: [{ item, value, previous }], predikat, ' +
      'by: { nip, role }, reason, at }], nextCursor }',
  })
  @ApiForbiddenResponse({ description: 'no relation to this appraisal that allows reading its history' })
  @ApiNotFoundResponse({ description: 'CYCLE_NOT_FOUND, APPRAISAL_NOT_FOUND' })
  async history(
    @Param() params: AppraisalParams,
    @Query() query: ScoreHistoryQuery,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlation: string | undefined,
  ): Promise<ScoreHistoryPage> {
    await this.appraisals.cycle(params.cycleId);
    const appraisal = await this.appraisals.appraisal(params.cycleId, params.nip);
    const { relation } = authorize(principal, appraisal.state, 'readScoreHistory');
    await this.reads.recordIfAuditor(
      principal,
      relation === 'AUDITOR',
      { route: HISTORY_ROUTE, cycleId: params.cycleId, nip: params.nip },
      correlation,
    );
    return scoreHistory(this.db, params.cycleId, params.nip, { after: query.after, limit: query.limit ?? 100 });
  }

  @Get('employees/:nip/score-trend')
  @Allow(...PERSON_ROLES, Role.HR, Role.AUDITOR)
  @ApiOperation({
    summary:
      "An employee's published results per cycle over the years (as a keberatan left them), oldest period first, " +
      'with the competency gaps of each and the training recommended for them. The employee, HR of their agency ' +
      '(the whole record: it follows the employee), AUDITOR.',
  })
  @ApiOkResponse({
    description:
      '{ items: [{ cycleId, agencyId, kind, periodStart, periodEnd, ratingVersion, hasilKerja, perilaku, predikat, ' +
      'publishedAt, changedOnObjection, competencyGaps: [{ competencyCode, requiredLevel, observedLevel, gap, ' +
      'recommendation }] }], nextCursor }',
  })
  @ApiForbiddenResponse({ description: 'not the employee, HR of their agency or AUDITOR' })
  @ApiNotFoundResponse({ description: 'EMPLOYEE_NOT_FOUND' })
  async trend(
    @Param() { nip }: NipParam,
    @Query() query: ScoreTrendQuery,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlation: string | undefined,
  ): Promise<ScoreTrendPage> {
    const employee = await this.organization.employee(nip);
    if (employee.status !== 'registered') {
      throw new NotFoundException(errorBody(404, 'EMPLOYEE_NOT_FOUND', `no employee ${nip}`));
    }
    const auditor = principal.roles.includes(Role.AUDITOR);
    const self =
      principal.nip === nip &&
      principal.agencyId === employee.agencyId &&
      PERSON_ROLES.some((r) => principal.roles.includes(r));
    const hr = principal.roles.includes(Role.HR) && principal.agencyId === employee.agencyId;
    if (!self && !hr && !auditor) {
      throw new ForbiddenException(
        errorBody(
          403,
          'FORBIDDEN',
          `the score trend of ${nip} is for the employee, HR of their agency and AUDITOR only`,
        ),
      );
    }
    await this.reads.recordIfAuditor(
      principal,
      auditor && !self && !hr,
      { route: TREND_ROUTE, cycleId: null, nip },
      correlation,
    );
    return scoreTrend(this.db, nip, { after: query.after, limit: query.limit ?? 50 });
  }
}
