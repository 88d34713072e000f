// The verifier over HTTP (README "Verifying the record"): one cycle checked synchronously, the whole store as
// a job. The report is libs/audit's verifyStore's, unchanged (what is checked: libs/audit/README.md). An
// AUDITOR's read of a report is recorded before it is answered (reports name appraisal streams, so NIPs);
// ADMIN, who reads no appraisal, gets the whole-store report with every NIP masked.
import {
  Controller,
  Get,
  Headers,
  Inject,
  Logger,
  NotFoundException,
  Param,
  Post,
  Res,
  type OnModuleInit,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Role, type Principal } from '../../../../libs/auth/src/index.js';
import { cycleStreamName, type CycleEvent } from '../../../../libs/appraisal/src/cycle/cycle-events.js';
import { evolveCycle, initialCycleState } from '../../../../libs/appraisal/src/cycle/cycle-state.js';
import type { VerificationReport } from '../../../../libs/audit/src/verify/findings.js';
import { verifyStore } from '../../../../libs/audit/src/verify/verify-store.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { AuditReadRecorder } from '../audit-reads/audit-read-recorder.js';
import { Allow, CurrentPrincipal } from '../auth/index.js';
import { assertOverseesCycle, has } from '../cycles/cycle-access.js';
import { CycleParam } from '../cycles/cycle.request.js';
import { errorBody } from '../http/error-body.js';
import { CLOCK, INFRASTRUCTURE, type Clock } from '../tokens.js';
import { SealKeys } from './seal-keys.js';
import { VerificationJobs, type VerificationJob } from './verification-jobs.js';

const CYCLE_ROUTE = '/api/v1/cycles/:cycleId/integrity';
const JOB_ROUTE = '/api/v1/audit/verifications/:id';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/cycles/:cycleId/integrity')
export class CycleIntegrityController {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure,
    private readonly reads: AuditReadRecorder,
    private readonly keys: SealKeys,
  ) {}

  @Get()
  @Allow(Role.AUDITOR, Role.HR)
  @ApiOperation({
    summary:
      "Verifies the cycle's streams now (the cycle and every appraisal of it): hashes, chains, revisions, the seals " +
      "and their Merkle roots over the ranges that hold the cycle's events; names each altered, removed, reordered " +
      'or inserted event and the unsealed tail. AUDITOR; HR of the agency.',
  })
  @ApiOkResponse({
    description:
      '{ ok, scope, summary, findings: [{ kind, stream, revision, eventId, position, sealIndex, detail }], unsealedTail }',
  })
  @ApiForbiddenResponse({ description: 'not AUDITOR, nor HR of the agency' })
  @ApiNotFoundResponse({ description: 'CYCLE_NOT_FOUND' })
  async cycle(
    @Param() { cycleId }: CycleParam,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlation: string | undefined,
  ): Promise<VerificationReport> {
    const recorded = await this.infrastructure.eventStore.readStream(cycleStreamName(cycleId));
    const cycle = recorded
      .map((e) => ({ type: e.type, data: e.data }) as unknown as CycleEvent)
      .reduce(evolveCycle, initialCycleState());
    if (cycle.status === 'none') throw new NotFoundException(errorBody(404, 'CYCLE_NOT_FOUND', `no cycle ${cycleId}`));
    assertOverseesCycle(principal, cycle);
    const asAuditor = !(has(principal, Role.HR) && principal.agencyId === cycle.agencyId);
    await this.reads.recordIfAuditor(principal, asAuditor, { route: CYCLE_ROUTE, cycleId, nip: null }, correlation);
    return verifyStore({
      store: this.infrastructure.rawEventStore,
      scope: { kind: 'cycle', cycleId },
      publicKeys: await this.keys.publicKeys(),
    });
  }
}

export class VerificationJobParams {
  @ApiProperty({ example: '0b9c3f0e-6f8e-4d5c-9d61-3f1b2a4c5d6e' })
  @IsUUID('all', { message: 'id must be the id of a verification job (a UUID)' })
  id!: string;
}

/** A job as answered: the report only once done, with NIPs masked for ADMIN. */
export type VerificationJobView = Omit<VerificationJob, 'startedBy'>;

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit/verifications')
export class VerificationJobsController implements OnModuleInit {
  private jobs!: VerificationJobs;
  private readonly logger = new Logger('Verification');

  constructor(
    @Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly reads: AuditReadRecorder,
    private readonly keys: SealKeys,
  ) {}

  onModuleInit(): void {
    this.jobs = new VerificationJobs(
      async (onProgress) =>
        verifyStore({
          store: this.infrastructure.rawEventStore,
          scope: { kind: 'all' },
          publicKeys: await this.keys.publicKeys(),
          onProgress,
        }),
      () => this.clock.now(),
      // The error's kind only: messages of store errors can name streams, and stream names carry NIPs.
      (error) =>
        this.logger.error(`a whole-store verification failed: ${error instanceof Error ? error.name : 'error'}`),
    );
  }

  @Post()
  @Allow(Role.ADMIN, Role.AUDITOR)
  @ApiOperation({
    summary:
      'Starts verifying the whole store (every event, stream and seal) in the background; answers 202 with the ' +
      'job at once (Location: its URL). While one runs, answers 202 with that job. Jobs live in this API ' +
      "process's memory: they do not survive a restart. ADMIN or AUDITOR.",
  })
  @ApiAcceptedResponse({ description: '{ id, status: running, startedAt, finishedAt, progress, report: null, error }' })
  @ApiForbiddenResponse({ description: 'not ADMIN nor AUDITOR' })
  start(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): VerificationJobView {
    const { job } = this.jobs.start(principal.id);
    void reply.status(202).header('Location', `/api/v1/audit/verifications/${job.id}`);
    return view(job, false);
  }

  @Get(':id')
  @Allow(Role.ADMIN, Role.AUDITOR)
  @ApiOperation({
    summary:
      'A whole-store verification job: status (running, done, failed), progress ({ phase, done, total }) and, ' +
      'once done, the report (as GET /cycles/{cycleId}/integrity answers it, for the whole store). ADMIN gets ' +
      'NIPs masked. AUDITOR; ADMIN.',
  })
  @ApiOkResponse({ description: '{ id, status, startedAt, finishedAt, progress, report, error }' })
  @ApiNotFoundResponse({ description: 'VERIFICATION_NOT_FOUND (also after an API restart)' })
  async job(
    @Param() { id }: VerificationJobParams,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlation: string | undefined,
  ): Promise<VerificationJobView> {
    const job = this.jobs.get(id);
    if (!job) {
      throw new NotFoundException(
        errorBody(404, 'VERIFICATION_NOT_FOUND', `no verification job ${id} (jobs do not survive an API restart)`),
      );
    }
    const asAuditor = has(principal, Role.AUDITOR);
    if (job.report !== null) {
      await this.reads.recordIfAuditor(
        principal,
        asAuditor,
        { route: JOB_ROUTE, cycleId: null, nip: null },
        correlation,
      );
    }
    return view(job, !asAuditor);
  }
}

function view(job: VerificationJob, maskNips: boolean): VerificationJobView {
  const { startedBy: _by, ...rest } = job;
  const shown = { ...rest, progress: rest.progress && { ...rest.progress } };
  return maskNips && shown.report ? { ...shown, report: withoutNips(shown.report) } : shown;
}

/** The report with every NIP (18 digits standing alone, as in `appraisal-{cycle}-{nip}`) masked. */
export function withoutNips(report: VerificationReport): VerificationReport {
  return JSON.parse(JSON.stringify(report).replace(/\b\d{18}\b/g, '<nip>')) as VerificationReport;
}
