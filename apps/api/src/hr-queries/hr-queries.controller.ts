// HR's work lists of one cycle (README "HR queries"): overdue plans, ratings and keberatan, follow-ups after
// publication, and the appraisal list as CSV. HR of the cycle's agency and AUDITOR (read-only) only: the rows
// name people. JSON pages and streamed CSV exports (UTF-8 with BOM).
import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { OpenedCycle } from '../../../../libs/appraisal/src/cycle/cycle-state.js';
import { Role, type Principal } from '../../../../libs/auth/src/index.js';
import {
  listAppraisals,
  type AppraisalListFilter,
  type AppraisalSummary,
} from '../../../../libs/read-models/src/appraisals/appraisals.queries.js';
import {
  everyPage,
  followUps,
  isOverdueIn,
  OVERDUE_FROM,
  pendingAppraisals,
  type FollowUpItem,
  type HrAppraisalItem,
  type HrAppraisalPage,
} from '../../../../libs/read-models/src/hr-queries/hr-queries.queries.js';
import {
  listObjections,
  type ObjectionQueueItem,
} from '../../../../libs/read-models/src/objections/objections.queries.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { Allow, CurrentPrincipal } from '../auth/index.js';
import { assertOverseesCycle } from '../cycles/cycle-access.js';
import { CycleParam, ListCycleAppraisalsQuery } from '../cycles/cycle.request.js';
import { objectionsCsv } from '../objections-queue/objections-csv.js';
import { CLOCK, INFRASTRUCTURE, type Clock } from '../tokens.js';
import { csvLines, sendCsv, type CsvColumns } from './hr-csv.js';
import { FollowUpFilterQuery, FollowUpQuery, OverdueFilterQuery, OverdueQuery } from './hr-queries.request.js';
import { openedCycle } from './opened-cycle.js';

const ACCESS = "HR of the cycle's agency and AUDITOR; nobody else (403), anonymous 401.";
const CSV = 'CSV (RFC 4180, UTF-8 with BOM, CRLF, a header row), every row of the filters, streamed.';
const PAGE = 500;
const CSV_RESPONSE = {
  description: 'text/csv; charset=utf-8',
  content: { 'text/csv': { schema: { type: 'string' as const } } },
};

const APPRAISAL_COLUMNS: CsvColumns<HrAppraisalItem> = [
  ['nip', (i) => i.nip],
  ['name', (i) => i.name],
  ['unit_id', (i) => i.unitId],
  ['population_id', (i) => i.populationId],
  ['rater_nip', (i) => i.raterNip],
  ['rater_name', (i) => i.raterName],
  ['rater_supervisor_nip', (i) => i.raterSupervisorNip],
  ['plan_status', (i) => i.planStatus],
  ['rating_status', (i) => i.ratingStatus],
  ['predikat', (i) => i.predikat],
  ['published_predikat', (i) => i.publishedPredikat],
];

const FOLLOW_UP_COLUMNS: CsvColumns<FollowUpItem> = [['kind', (i) => i.kind], ...APPRAISAL_COLUMNS];

const LIST_COLUMNS: CsvColumns<AppraisalSummary> = [
  ['nip', (a) => a.nip],
  ['name', (a) => a.name],
  ['unit_id', (a) => a.unitId],
  ['population_id', (a) => a.populationId],
  ['status', (a) => a.status],
  ['excluded', (a) => a.excluded],
  ['rater_nip', (a) => a.raterNip],
  ['rater_name', (a) => a.raterName],
  ['rater_supervisor_nip', (a) => a.raterSupervisorNip],
  ['rater_supervisor_name', (a) => a.raterSupervisorName],
  ['plan_status', (a) => a.planStatus],
  ['self_assessed', (a) => a.selfAssessed],
  ['rating_version', (a) => a.ratingVersion],
  ['rating_status', (a) => a.ratingStatus],
  ['hasil_kerja', (a) => a.hasilKerja],
  ['perilaku', (a) => a.perilaku],
  ['predikat', (a) => a.predikat],
  ['for_dialogue', (a) => a.forDialogue],
  ['conflict_of_interest', (a) => a.conflictOfInterest],
  ['published', (a) => a.published],
  ['published_predikat', (a) => a.publishedPredikat],
  ['objection_last_day', (a) => a.objectionLastDay],
];

export type OverduePage =
  | {
      kind: 'PLAN' | 'RATING';
      cycleId: string;
      phase: OpenedCycle['phase'];
      /** The phase from which the step is overdue; before it the list is empty. */
      overdueFrom: OpenedCycle['phase'];
      items: HrAppraisalItem[];
      nextCursor: string | null;
    }
  | {
      kind: 'OBJECTION';
      cycleId: string;
      phase: OpenedCycle['phase'];
      items: ObjectionQueueItem[];
      nextCursor: string | null;
    };

@ApiTags('hr-queries')
@ApiBearerAuth()
@Controller('api/v1/cycles')
export class HrQueriesController {
  private readonly db: Kysely<unknown>;

  constructor(
    @Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.db = infrastructure.readDb;
  }

  @Get(':cycleId/overdue')
  @Allow(Role.HR, Role.AUDITOR)
  @ApiOperation({
    summary:
      'What is overdue in the cycle, keyset-paginated: kind=PLAN plans not approved once the cycle left PLANNING, ' +
      'RATING ratings not approved (or none) once it left ASSESSMENT (active, not excluded appraisals), ' +
      `OBJECTION open keberatan past the pinned policy's decision deadline by the server's clock. ${ACCESS}`,
  })
  @ApiOkResponse({ description: '{ kind, cycleId, phase, overdueFrom?, items, nextCursor }' })
  @ApiForbiddenResponse({ description: 'HR of another agency, or not HR/AUDITOR' })
  @ApiNotFoundResponse({ description: 'CYCLE_NOT_FOUND' })
  async overdue(
    @Param() { cycleId }: CycleParam,
    @Query() query: OverdueQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<OverduePage> {
    const cycle = await this.cycleFor(cycleId, principal);
    const limit = query.limit ?? 50;
    if (query.kind === 'OBJECTION') {
      const page = await this.overdueObjections(cycle, query.unitId, query.after, limit);
      return { kind: 'OBJECTION', cycleId, phase: cycle.phase, ...page };
    }
    const page = await this.overdueAppraisals(cycle, query.kind, query.unitId, query.after, limit);
    return { kind: query.kind, cycleId, phase: cycle.phase, overdueFrom: OVERDUE_FROM[query.kind], ...page };
  }

  @Get(':cycleId/overdue.csv')
  @Allow(Role.HR, Role.AUDITOR)
  @ApiOperation({ summary: `The overdue list of one kind as ${CSV} ${ACCESS}` })
  @ApiProduces('text/csv')
  @ApiOkResponse(CSV_RESPONSE)
  @ApiForbiddenResponse({ description: 'HR of another agency, or not HR/AUDITOR' })
  @ApiNotFoundResponse({ description: 'CYCLE_NOT_FOUND' })
  async overdueCsv(
    @Param() { cycleId }: CycleParam,
    @Query() query: OverdueFilterQuery,
    @CurrentPrincipal() principal: Principal,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const cycle = await this.cycleFor(cycleId, principal);
    const filename = `terlambat-${query.kind.toLowerCase()}-${cycleId}.csv`;
    if (query.kind === 'OBJECTION') {
      const items = everyPage((after) => this.overdueObjections(cycle, query.unitId, after, PAGE));
      return sendCsv(reply, filename, objectionsCsv(items));
    }
    const kind = query.kind;
    const items = everyPage((after) => this.overdueAppraisals(cycle, kind, query.unitId, after, PAGE));
    return sendCsv(reply, filename, csvLines(APPRAISAL_COLUMNS, items));
  }

  @Get(':cycleId/follow-ups')
  @Allow(Role.HR, Role.AUDITOR)
  @ApiOperation({
    summary:
      'Published results that call for a follow-up (docs/domain-rules.md section 4): COACHING for ' +
      'BUTUH_PERBAIKAN, KURANG and SANGAT_KURANG, TALENT_POOL for SANGAT_BAIK; keyset-paginated by NIP. ' +
      `Empty before publication. ${ACCESS}`,
  })
  @ApiOkResponse({ description: '{ items, nextCursor }' })
  @ApiForbiddenResponse({ description: 'HR of another agency, or not HR/AUDITOR' })
  @ApiNotFoundResponse({ description: 'CYCLE_NOT_FOUND' })
  async followUps(
    @Param() { cycleId }: CycleParam,
    @Query() query: FollowUpQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<HrAppraisalPage<FollowUpItem>> {
    await this.cycleFor(cycleId, principal);
    const { after, limit, ...filter } = query;
    return followUps(this.db, { cycleId, ...filter, after, limit: limit ?? 50 });
  }

  @Get(':cycleId/follow-ups.csv')
  @Allow(Role.HR, Role.AUDITOR)
  @ApiOperation({ summary: `The follow-up list as ${CSV} ${ACCESS}` })
  @ApiProduces('text/csv')
  @ApiOkResponse(CSV_RESPONSE)
  @ApiForbiddenResponse({ description: 'HR of another agency, or not HR/AUDITOR' })
  @ApiNotFoundResponse({ description: 'CYCLE_NOT_FOUND' })
  async followUpsCsv(
    @Param() { cycleId }: CycleParam,
    @Query() query: FollowUpFilterQuery,
    @CurrentPrincipal() principal: Principal,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.cycleFor(cycleId, principal);
    const items = everyPage((after) => followUps(this.db, { cycleId, ...query, after, limit: PAGE }));
    return sendCsv(reply, `tindak-lanjut-${cycleId}.csv`, csvLines(FOLLOW_UP_COLUMNS, items));
  }

  @Get(':cycleId/appraisals.csv')
  @Allow(Role.HR, Role.AUDITOR)
  @ApiOperation({
    summary:
      'The appraisal list (GET …/appraisals, same filters: unitId, raterNip, status, missing, planStatus, ' +
      `ratingStatus, predikat, forDialogue, conflictOfInterest) as ${CSV} ${ACCESS}`,
  })
  @ApiProduces('text/csv')
  @ApiOkResponse(CSV_RESPONSE)
  @ApiForbiddenResponse({ description: 'HR of another agency, or not HR/AUDITOR' })
  @ApiNotFoundResponse({ description: 'CYCLE_NOT_FOUND' })
  async appraisalsCsv(
    @Param() { cycleId }: CycleParam,
    @Query() query: ListCycleAppraisalsQuery,
    @CurrentPrincipal() principal: Principal,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.cycleFor(cycleId, principal);
    // `after` still starts the export there; `limit` is the page size of the reads, not a cap on the rows.
    const { limit: _limit, after: start, missing, ...rest } = query;
    const filter: Omit<AppraisalListFilter, 'limit' | 'after'> = { cycleId, ...rest, ...(missing ? { missing } : {}) };
    let first = true;
    const items = everyPage((after) => {
      const from = first ? start : after;
      first = false;
      return listAppraisals(this.db, { ...filter, after: from, limit: PAGE });
    });
    return sendCsv(reply, `penilaian-${cycleId}.csv`, csvLines(LIST_COLUMNS, items));
  }

  private async cycleFor(cycleId: string, principal: Principal): Promise<OpenedCycle> {
    const cycle = await openedCycle(this.infrastructure.eventStore, cycleId);
    assertOverseesCycle(principal, cycle);
    return cycle;
  }

  private async overdueAppraisals(
    cycle: OpenedCycle,
    kind: 'PLAN' | 'RATING',
    unitId: string | undefined,
    after: string | undefined,
    limit: number,
  ): Promise<HrAppraisalPage<HrAppraisalItem>> {
    if (!isOverdueIn(kind, cycle.phase)) return { items: [], nextCursor: null };
    return pendingAppraisals(this.db, { cycleId: cycle.cycleId, kind, unitId, after, limit });
  }

  /** Open and past the decision deadline now: what still needs a decision (decided-late ones are history). */
  private overdueObjections(cycle: OpenedCycle, unitId: string | undefined, after: string | undefined, limit: number) {
    return listObjections(
      this.db,
      { agencyId: cycle.agencyId, cycleId: cycle.cycleId, status: 'OPEN', overdue: true, unitId, after, limit },
      this.clock.now(),
    );
  }
}
