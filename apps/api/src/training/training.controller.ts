// Training (JP) (README "Training (JP)"): HR of the employee's agency records a completed training (an event in
// the employee's training stream); HR of an agency, or AUDITOR, lists who is short of the yearly JP target
// (the agency's policy, `development.annualJpTarget`, default 20) as JSON pages or CSV.
import { Readable } from 'node:stream';
import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  Headers,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { Role, type Principal } from '../../../../libs/auth/src/index.js';
import { annualJpTarget } from '../../../../libs/policy/src/development.js';
import {
  NATIONAL_SCOPE,
  policyStreamName,
  type PolicyVersionPublished,
} from '../../../../libs/policy/src/versions/policy-events.js';
import { policyToPin } from '../../../../libs/policy/src/versions/published-versions.js';
import {
  allShortfall,
  jpByYear,
  trainingShortfall,
  trainingsOf,
  type ShortfallPage,
  type TrainingPage,
} from '../../../../libs/read-models/src/training/training-jp.queries.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { AuditReadRecorder } from '../audit-reads/audit-read-recorder.js';
import { Allow, CurrentPrincipal } from '../auth/index.js';
import { commandContextFromHeaders, revisionReply } from '../event-sourcing/command-context.js';
import type { ExecuteResult } from '../event-sourcing/command-executor.js';
import { NipParam } from '../employees/employee-directory/employee-directory.request.js';
import { errorBody } from '../http/error-body.js';
import { OrganizationFacts } from '../organization/organization-facts.js';
import { CLOCK, INFRASTRUCTURE, type Clock } from '../tokens.js';
import { shortfallCsv } from './training-csv.js';
import { RecordTrainingCommand } from './training.handler.js';
import {
  AgencyParam,
  ListTrainingsQuery,
  RecordTrainingRequest,
  TrainingShortfallFilterQuery,
  TrainingShortfallQuery,
} from './training.request.js';

const SHORTFALL_ROUTE = '/api/v1/agencies/:agencyId/training-shortfall';
const TRAININGS_ROUTE = '/api/v1/employees/:nip/trainings';
const PERSON_ROLES = [Role.EMPLOYEE, Role.RATER, Role.RATER_SUPERVISOR];

@ApiTags('training')
@ApiBearerAuth()
@Controller('api/v1')
export class TrainingController {
  private readonly db: Kysely<unknown>;

  constructor(
    private readonly commandBus: CommandBus,
    private readonly organization: OrganizationFacts,
    private readonly reads: AuditReadRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure,
  ) {
    this.db = infrastructure.readDb;
  }

  @Post('employees/:nip/trainings')
  @Allow(Role.HR)
  @ApiOperation({
    summary:
      "Record a training the employee completed (HR of the employee's agency, from the certificate): title, " +
      "provider, JP (whole lesson hours > 0), completion date (not after today on the agency's calendar; its " +
      "calendar year is the year it counts toward), optionally the competencies it develops and the scan's hash.",
  })
  @ApiCreatedResponse({ description: '{ trainingId, revision }', headers: { ETag: { description: 'W/"<revision>"' } } })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, TRAINING_DATE_INVALID, TRAINING_JP_INVALID, ...' })
  @ApiForbiddenResponse({ description: "not HR of the employee's agency" })
  @ApiNotFoundResponse({ description: 'EMPLOYEE_NOT_FOUND' })
  @ApiConflictResponse({ description: 'TRAINING_ALREADY_RECORDED (same trainingId)' })
  @ApiUnprocessableEntityResponse({ description: 'TRAINING_DATE_IN_FUTURE' })
  async record(
    @Param() { nip }: NipParam,
    @Body() body: RecordTrainingRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ trainingId: string; revision: string }> {
    const employee = await this.organization.employee(nip);
    if (employee.status !== 'registered') {
      throw new NotFoundException(errorBody(404, 'EMPLOYEE_NOT_FOUND', `no employee ${nip}`));
    }
    if (principal.agencyId !== employee.agencyId) {
      throw new ForbiddenException(
        errorBody(403, 'FORBIDDEN', "a training is recorded by HR of the employee's agency only"),
      );
    }
    const agency = await this.organization.agency(employee.agencyId);
    if (agency.status !== 'registered') {
      throw new NotFoundException(errorBody(404, 'AGENCY_NOT_FOUND', `no agency ${employee.agencyId}`));
    }
    const context = commandContextFromHeaders(principal, [Role.HR], headers, this.clock.now());
    const command = new RecordTrainingCommand(
      nip,
      body,
      { agencyId: employee.agencyId, timeZone: agency.timeZone },
      principal.nip ?? null,
      context,
    );
    const result: ExecuteResult<unknown> = await this.commandBus.execute(command);
    void reply.status(201);
    // A recognised retry (Idempotency-Key) answers the original training's id.
    const recorded = (result.events[0] as { data?: { trainingId?: unknown } } | undefined)?.data?.trainingId;
    return {
      trainingId: typeof recorded === 'string' ? recorded : command.trainingId,
      ...revisionReply(reply, result),
    };
  }

  @Get('employees/:nip/trainings')
  @Allow(...PERSON_ROLES, Role.HR, Role.AUDITOR)
  @ApiOperation({
    summary:
      "An employee's recorded trainings, oldest completion first (filter by year), keyset-paginated, with their JP " +
      "per calendar year and the yearly target of their agency's policy. The employee, HR of their agency, AUDITOR.",
  })
  @ApiOkResponse({
    description:
      '{ items: [{ trainingId, title, provider, jp, completedOn, year, recordedAt }], nextCursor, ' +
      'jpByYear: [{ year, jp }], annualJpTarget }',
  })
  @ApiForbiddenResponse({ description: 'not the employee, HR of their agency or AUDITOR' })
  @ApiNotFoundResponse({ description: 'EMPLOYEE_NOT_FOUND' })
  async list(
    @Param() { nip }: NipParam,
    @Query() query: ListTrainingsQuery,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlation: string | undefined,
  ): Promise<TrainingPage & { jpByYear: { year: number; jp: number }[]; annualJpTarget: number }> {
    const employee = await this.organization.employee(nip);
    if (employee.status !== 'registered') {
      throw new NotFoundException(errorBody(404, 'EMPLOYEE_NOT_FOUND', `no employee ${nip}`));
    }
    const self =
      principal.nip === nip &&
      principal.agencyId === employee.agencyId &&
      PERSON_ROLES.some((r) => principal.roles.includes(r));
    const hr = principal.roles.includes(Role.HR) && principal.agencyId === employee.agencyId;
    const auditor = principal.roles.includes(Role.AUDITOR);
    if (!self && !hr && !auditor) {
      throw new ForbiddenException(
        errorBody(
          403,
          'FORBIDDEN',
          `the trainings of ${nip} are for the employee, HR of their agency and AUDITOR only`,
        ),
      );
    }
    await this.reads.recordIfAuditor(
      principal,
      !self && !hr,
      { route: TRAININGS_ROUTE, cycleId: null, nip },
      correlation,
    );
    const page = await trainingsOf(this.db, nip, { year: query.year, after: query.after, limit: query.limit ?? 50 });
    return {
      ...page,
      jpByYear: await jpByYear(this.db, nip),
      annualJpTarget: await this.targetOf(employee.agencyId),
    };
  }

  @Get('agencies/:agencyId/training-shortfall')
  @Allow(Role.HR, Role.AUDITOR)
  @ApiOperation({
    summary:
      "The agency's employees (employee directory) whose JP completed in `year` fall short of the policy's yearly " +
      'target (development.annualJpTarget; 20 when the policy does not set it), by NIP, keyset-paginated. HR of ' +
      'the agency, AUDITOR.',
  })
  @ApiOkResponse({
    description:
      '{ items: [{ nip, name, unitId, positionTitle, year, jp, target, shortfall, trainings }], nextCursor }',
  })
  @ApiForbiddenResponse({ description: "another agency's (HR), or not HR/AUDITOR" })
  async shortfall(
    @Param() { agencyId }: AgencyParam,
    @Query() query: TrainingShortfallQuery,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlation: string | undefined,
  ): Promise<ShortfallPage> {
    const { limit, after, ...filters } = query;
    const target = await this.allowedTarget(agencyId, principal, correlation);
    return trainingShortfall(this.db, { agencyId, target, ...filters, after, limit: limit ?? 50 });
  }

  @Get('agencies/:agencyId/training-shortfall.csv')
  @Allow(Role.HR, Role.AUDITOR)
  @ApiOperation({
    summary:
      'The training shortfall as CSV (RFC 4180, UTF-8 with BOM, CRLF, a header row), every row, streamed. HR of ' +
      'the agency, AUDITOR.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv; charset=utf-8', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiForbiddenResponse({ description: "another agency's (HR), or not HR/AUDITOR" })
  async shortfallCsv(
    @Param() { agencyId }: AgencyParam,
    @Query() query: TrainingShortfallFilterQuery,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlation: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const target = await this.allowedTarget(agencyId, principal, correlation);
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="kekurangan-jp-${agencyId}-${query.year}.csv"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(shortfallCsv(allShortfall(this.db, { agencyId, target, ...query }))));
  }

  /** 403 unless HR of the agency or AUDITOR; 404 for an unknown agency; the target of its current policy. */
  private async allowedTarget(
    agencyId: string,
    principal: Principal,
    correlation: string | undefined,
  ): Promise<number> {
    const hr = principal.roles.includes(Role.HR) && principal.agencyId === agencyId;
    const auditor = principal.roles.includes(Role.AUDITOR);
    if (!hr && !auditor) {
      throw new ForbiddenException(
        errorBody(
          403,
          'FORBIDDEN',
          `HR reads its own agency's training shortfall only (${principal.agencyId ?? 'none'})`,
        ),
      );
    }
    const agency = await this.organization.agency(agencyId);
    if (agency.status !== 'registered') {
      throw new NotFoundException(errorBody(404, 'AGENCY_NOT_FOUND', `no agency ${agencyId}`));
    }
    await this.reads.recordIfAuditor(principal, !hr, { route: SHORTFALL_ROUTE, cycleId: null, nip: null }, correlation);
    return this.targetOf(agencyId);
  }

  /**
   * The target of the agency's latest published policy, else the national one: the policy in force now (JP are
   * counted per calendar year, not per cycle, so there is no pinned version to read).
   */
  private async targetOf(agencyId: string): Promise<number> {
    const events = async (scope: string) =>
      (await this.infrastructure.eventStore.readStream(policyStreamName(scope))).map(
        (e) => ({ type: e.type, data: e.data }) as unknown as PolicyVersionPublished,
      );
    return annualJpTarget(policyToPin(agencyId, await events(agencyId), await events(NATIONAL_SCOPE)).policy);
  }
}
