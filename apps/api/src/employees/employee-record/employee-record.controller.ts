// Reads about one employee: their reporting line (from the reporting_lines read model), whom they rate, and
// their history (the employee's own stream, in order: the audit view of the record, with actor, time, reason).
import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Role, type Principal } from '../../../../../libs/auth/src/index.js';
import { employeeStreamName } from '../../../../../libs/organization/src/employee/employee-events.js';
import {
  ReportingLinesQueries,
  type ReportingLineView,
} from '../../../../../libs/read-models/src/organization/reporting-lines.queries.js';
import {
  reportsPage,
  type ReportsPage,
} from '../../../../../libs/read-models/src/organization/reports-page.queries.js';
import type { Infrastructure } from '../../../../../libs/runtime/src/infrastructure.js';
import { Allow, CurrentPrincipal } from '../../auth/index.js';
import { errorBody } from '../../http/error-body.js';
import { INFRASTRUCTURE } from '../../tokens.js';
import { OrganizationFacts } from '../../organization/organization-facts.js';
import { assertReadsEmployee } from '../../organization/organization-access.js';
import { NipParam } from '../employee-directory/employee-directory.request.js';
import { readableEmployee } from '../employee-changes/managed-employee.js';
import { HistoryQuery, ReportsQuery } from './employee-record.request.js';
import { ReportsPageResponse } from './employee-record.responses.js';

const READERS = [Role.HR, Role.ADMIN, Role.AUDITOR, Role.EMPLOYEE, Role.RATER, Role.RATER_SUPERVISOR];

export interface HistoryEntry {
  revision: string;
  type: string;
  occurredAt: string;
  actor: unknown;
  reason: string | null;
  correlationId: string;
  data: Record<string, unknown>;
}

@ApiTags('employees')
@ApiBearerAuth()
@Controller('api/v1/employees/:nip')
export class EmployeeRecordController {
  private readonly lines: ReportingLinesQueries;

  constructor(
    private readonly facts: OrganizationFacts,
    @Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure,
  ) {
    this.lines = new ReportingLinesQueries(infrastructure.readDb);
  }

  @Get('reporting-line')
  @Allow(...READERS)
  @ApiOperation({
    summary: "The employee's pejabat penilai and atasan pejabat penilai, derived or overridden (with reason)",
  })
  @ApiOkResponse({ description: '{ nip, agencyId, rater: {nip, name}|null, raterSupervisor, source, reason }' })
  @ApiNotFoundResponse({ description: 'REPORTING_LINE_NOT_FOUND (unknown employee, or not projected yet)' })
  async reportingLine(
    @Param() { nip }: NipParam,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReportingLineView> {
    const line = await this.lines.lineOf(nip);
    if (!line) throw new NotFoundException(errorBody(404, 'REPORTING_LINE_NOT_FOUND', `no reporting line for ${nip}`));
    assertReadsEmployee(principal, line);
    return line;
  }

  @Get('reports')
  @Allow(...READERS)
  @ApiOperation({
    summary:
      'Whom this person rates, keyset-paginated: direct reports, then reports of reports (as atasan pejabat penilai)',
  })
  @ApiOkResponse({ type: ReportsPageResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: after not a nextCursor, limit not 1..500' })
  async reports(
    @Param() { nip }: NipParam,
    @Query() query: ReportsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReportsPage> {
    await readableEmployee(this.facts, principal, nip);
    return reportsPage(this.infrastructure.readDb, nip, { after: query.after, limit: query.limit ?? 50 });
  }

  @Get('history')
  @Allow(...READERS)
  @ApiOperation({
    summary: "The employee's events in order, with actor, time and reason: the audit view of the record",
  })
  @ApiOkResponse({
    description: '{ items: [{revision, type, occurredAt, actor, reason, correlationId, data}], nextCursor }',
  })
  async history(
    @Param() { nip }: NipParam,
    @Query() query: HistoryQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ items: HistoryEntry[]; nextCursor: string | null }> {
    await readableEmployee(this.facts, principal, nip);
    const limit = query.limit ?? 50;
    const events = await this.infrastructure.eventStore.readStream(employeeStreamName(nip), {
      from: query.after === undefined ? 'start' : BigInt(query.after) + 1n,
      maxCount: limit + 1,
    });
    const items = events.slice(0, limit).map((e) => ({
      revision: String(e.revision),
      type: e.type,
      occurredAt: e.metadata.occurredAt,
      actor: e.metadata.actor,
      reason: e.metadata.reason ?? null,
      correlationId: e.metadata.correlationId,
      data: e.data,
    }));
    return { items, nextCursor: events.length > limit ? items[items.length - 1].revision : null };
  }
}
