// Keberatan (PP 30/2019 Pasal 59): the employee's objection to a published result, from filing to the final
// decision, under /api/v1/cycles/{cycleId}/appraisals/{nip}/objections. Each step is an event in the appraisal's
// stream (libs/appraisal/src/objection). A CHANGED decision is then recorded on the cycle, where the population's
// distribution is checked again and flagged for HR if the curve is now broken (the decision stands regardless).
import { randomUUID } from 'node:crypto';
import { Body, Controller, Inject, Param, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiProperty,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { AppraisalEvent } from '../../../../../libs/appraisal/src/appraisal/appraisal-events.js';
import { cycleStreamName } from '../../../../../libs/appraisal/src/cycle/cycle-events.js';
import { assignObjectionDeciderDecider } from '../../../../../libs/appraisal/src/assign-objection-decider/assign-objection-decider.js';
import { decideObjectionDecider } from '../../../../../libs/appraisal/src/decide-objection/decide-objection.js';
import { fileObjectionDecider } from '../../../../../libs/appraisal/src/file-objection/file-objection.js';
import { giveObjectionStatementDecider } from '../../../../../libs/appraisal/src/give-objection-statement/give-objection-statement.js';
import type { ObjectionEvidence, ResultRatings } from '../../../../../libs/appraisal/src/objection/objection-events.js';
import { recordObjectionChangeDecider } from '../../../../../libs/appraisal/src/record-objection-change/record-objection-change.js';
import { recordPaperObjectionDecider } from '../../../../../libs/appraisal/src/record-paper-objection/record-paper-objection.js';
import { requestObjectionStatementDecider } from '../../../../../libs/appraisal/src/request-objection-statement/request-objection-statement.js';
import { cyclePopulationId } from '../../../../../libs/appraisal/src/set-unit-predikat/set-unit-predikat.js';
import { withdrawObjectionDecider } from '../../../../../libs/appraisal/src/withdraw-objection/withdraw-objection.js';
import { Allow, CommandRequest, actorFrom } from '../../auth/index.js';
import { CommandExecutor } from '../../event-sourcing/command-executor.js';
import { correlationIdFrom } from '../../http/correlation.js';
import { CLOCK, type Clock } from '../../tokens.js';
import { rolesFor } from '../appraisal-access.js';
import {
  AppraisalCommandRunner,
  IDEMPOTENCY_KEY_HEADER,
  IF_MATCH_HEADER,
  recordedId,
} from '../appraisal-command-runner.js';
import { AppraisalFacts } from '../appraisal-facts.js';
import { AppraisalParams, ITEM_ID, itemIdMessage } from '../appraisal.params.js';
import { IdResponse } from '../appraisal.responses.js';
import {
  AssignDeciderRequest,
  DecisionRequest,
  FileObjectionRequest,
  PaperObjectionRequest,
  StatementRequest,
  StatementRequestRequest,
  WithdrawalRequest,
  type ObjectedItemRequest,
  type ObjectionEvidenceRequest,
} from './objection.requests.js';
import { ApiEtag } from '../../http/openapi.js';

export class ObjectionParams extends AppraisalParams {
  @ApiProperty({ example: 'keberatan-1' })
  @Matches(ITEM_ID, { message: itemIdMessage('objectionId') })
  objectionId!: string;
}

class DecisionResponse extends IdResponse {
  @ApiProperty({ example: 'CHANGED' })
  outcome!: string;

  @ApiProperty({
    type: 'object',
    properties: { hasilKerja: { type: 'string' }, perilaku: { type: 'string' }, predikat: { type: 'string' } },
    required: ['hasilKerja', 'perilaku', 'predikat'],
    example: { hasilKerja: 'SESUAI_EKSPEKTASI', perilaku: 'SESUAI_EKSPEKTASI', predikat: 'BAIK' },
  })
  before!: ResultRatings;

  @ApiProperty({
    type: 'object',
    properties: { hasilKerja: { type: 'string' }, perilaku: { type: 'string' }, predikat: { type: 'string' } },
    required: ['hasilKerja', 'perilaku', 'predikat'],
    example: { hasilKerja: 'DI_ATAS_EKSPEKTASI', perilaku: 'SESUAI_EKSPEKTASI', predikat: 'BAIK' },
  })
  after!: ResultRatings;

  @ApiProperty({ example: false, description: 'decided after the policy decision deadline' })
  overdue!: boolean;

  @ApiProperty({
    type: 'object',
    properties: {
      populationId: { type: 'string' },
      counts: { type: 'object', additionalProperties: { type: 'integer' }, description: 'per predikat' },
      violations: { type: 'array', items: { type: 'object', additionalProperties: true } },
    },
    required: ['populationId', 'counts', 'violations'],
    nullable: true,
    description:
      "after a CHANGED decision: the population's counts as they now stand and the bounds of the pinned curve they break (empty: still met); null when nothing changed",
  })
  distribution!: { populationId: string; counts: Record<string, number>; violations: unknown[] } | null;
}

const items = (list: ObjectedItemRequest[]) =>
  list.map((i) =>
    i.kind === 'REALISATION'
      ? { kind: i.kind, rhkId: i.rhkId ?? '', ikiId: i.ikiId ?? '' }
      : i.kind === 'COMPETENCY_LEVEL'
        ? { kind: i.kind, competencyCode: i.competencyCode ?? '' }
        : { kind: i.kind },
  );
const evidence = (list: ObjectionEvidenceRequest[] | undefined): ObjectionEvidence[] =>
  (list ?? []).map((e) => ({
    kind: e.kind,
    url: e.url ?? null,
    file: e.file
      ? { fileName: e.file.fileName, mediaType: e.file.mediaType, sizeBytes: e.file.sizeBytes, sha256: e.file.sha256 }
      : null,
    description: e.description,
  }));

@ApiTags('appraisals: keberatan (objection)')
@ApiBearerAuth()
@ApiHeader(IF_MATCH_HEADER)
@ApiHeader(IDEMPOTENCY_KEY_HEADER)
@ApiForbiddenResponse({ description: 'no relation to this appraisal that allows the act' })
@ApiPreconditionFailedResponse({ description: 'STALE_REVISION: If-Match is not the current revision' })
@ApiEtag()
@Controller('api/v1/cycles/:cycleId/appraisals/:nip/objections')
export class ObjectionController {
  constructor(
    private readonly commands: AppraisalCommandRunner,
    private readonly facts: AppraisalFacts,
    private readonly executor: CommandExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Allow(...rolesFor('fileObjection'))
  @ApiOperation({
    summary:
      'File a keberatan (the employee) within the window of the pinned policy (default 14 calendar days from the acknowledged receipt, else from publication, on the agency calendar); it goes to the atasan pejabat penilai',
  })
  @ApiCreatedResponse({ type: IdResponse })
  @ApiUnprocessableEntityResponse({
    description: 'OBJECTION_WINDOW_CLOSED (the deadline and time zone in the message)',
  })
  @ApiConflictResponse({
    description: 'RESULT_NOT_PUBLISHED, OBJECTION_ALREADY_OPEN, OBJECTION_ALREADY_DECIDED, WRONG_CYCLE_PHASE',
  })
  file(
    @Param() params: AppraisalParams,
    @Body() body: FileObjectionRequest,
    @CommandRequest() request: CommandRequest,
  ): Promise<IdResponse> {
    const id = body.objectionId ?? randomUUID();
    return this.commands.run(
      request,
      params,
      'fileObjection',
      fileObjectionDecider,
      (base) => ({
        type: 'FileObjection' as const,
        ...base,
        data: { objectionId: id, reasons: body.reasons, items: items(body.items), evidence: evidence(body.evidence) },
      }),
      { extra: (events) => ({ id: recordedId(events, 'objectionId', id) }) },
    );
  }

  @Post('paper')
  @Allow(...rolesFor('recordPaperObjection'))
  @ApiOperation({
    summary:
      "Record a keberatan received on paper (HR of the agency), on the employee's behalf: the letter's received date (inside the window, not in the future) and the scan's SHA-256",
  })
  @ApiCreatedResponse({ type: IdResponse })
  recordPaper(
    @Param() params: AppraisalParams,
    @Body() body: PaperObjectionRequest,
    @CommandRequest() request: CommandRequest,
  ): Promise<IdResponse> {
    const id = body.objectionId ?? randomUUID();
    return this.commands.run(
      request,
      params,
      'recordPaperObjection',
      recordPaperObjectionDecider,
      (base) => ({
        type: 'RecordPaperObjection' as const,
        ...base,
        data: {
          objectionId: id,
          reasons: body.reasons,
          items: items(body.items),
          evidence: evidence(body.evidence),
          letterReceivedOn: body.letterReceivedOn,
          letterScanSha256: body.letterScanSha256,
        },
      }),
      { extra: (events) => ({ id: recordedId(events, 'objectionId', id) }) },
    );
  }

  @Put(':objectionId/decider')
  @Allow(...rolesFor('assignObjectionDecider'))
  @ApiOperation({ summary: 'Assign the decider of an objection that has none (HR of the agency), with a reason' })
  @ApiCreatedResponse({ type: IdResponse })
  assignDecider(
    @Param() params: ObjectionParams,
    @Body() body: AssignDeciderRequest,
    @CommandRequest() request: CommandRequest,
  ): Promise<IdResponse> {
    return this.commands.run(
      request,
      params,
      'assignObjectionDecider',
      assignObjectionDeciderDecider,
      (base) => ({
        type: 'AssignObjectionDecider' as const,
        ...base,
        data: { objectionId: params.objectionId, ...body },
      }),
      { reason: body.reason, extra: () => ({ id: params.objectionId }) },
    );
  }

  @Post(':objectionId/statement-requests')
  @Allow(...rolesFor('requestObjectionStatement'))
  @ApiOperation({
    summary:
      'Request a statement from the RATER or the EMPLOYEE (the decider; both are required before the decision); it lapses after the policy deadline (default 5 working days)',
  })
  @ApiCreatedResponse({ type: IdResponse })
  requestStatement(
    @Param() params: ObjectionParams,
    @Body() body: StatementRequestRequest,
    @CommandRequest() request: CommandRequest,
  ): Promise<IdResponse> {
    return this.commands.run(
      request,
      params,
      'requestObjectionStatement',
      requestObjectionStatementDecider,
      (base) => ({
        type: 'RequestObjectionStatement' as const,
        ...base,
        data: { objectionId: params.objectionId, party: body.party },
      }),
      { extra: () => ({ id: params.objectionId }) },
    );
  }

  @Post(':objectionId/statements')
  @Allow(...rolesFor('giveObjectionStatement'))
  @ApiOperation({
    summary: 'Give the requested statement (the rater or the employee asked), with evidence, before it lapses',
  })
  @ApiCreatedResponse({ type: IdResponse })
  giveStatement(
    @Param() params: ObjectionParams,
    @Body() body: StatementRequest,
    @CommandRequest() request: CommandRequest,
  ): Promise<IdResponse> {
    return this.commands.run(
      request,
      params,
      'giveObjectionStatement',
      giveObjectionStatementDecider,
      (base) => ({
        type: 'GiveObjectionStatement' as const,
        ...base,
        data: { objectionId: params.objectionId, statement: body.statement, evidence: evidence(body.evidence) },
      }),
      { extra: () => ({ id: params.objectionId }) },
    );
  }

  @Post(':objectionId/decision')
  @Allow(...rolesFor('decideObjection'))
  @ApiOperation({
    summary:
      'Decide, finally (the decider): UPHELD, or CHANGED with new ratings (the predikat comes from the pinned matrix). Refused while a requested statement is neither given nor lapsed',
  })
  @ApiCreatedResponse({ type: DecisionResponse })
  @ApiConflictResponse({
    description: 'STATEMENTS_NOT_REQUESTED, STATEMENT_PENDING, OBJECTION_NOT_OPEN, OBJECTION_UNASSIGNED',
  })
  async decide(
    @Param() params: ObjectionParams,
    @Body() body: DecisionRequest,
    @CommandRequest() request: CommandRequest,
  ): Promise<DecisionResponse> {
    const decided = await this.commands.run(
      request,
      params,
      'decideObjection',
      decideObjectionDecider,
      (base) => ({
        type: 'DecideObjection' as const,
        ...base,
        data: {
          objectionId: params.objectionId,
          outcome: body.outcome,
          reasons: body.reasons,
          hasilKerja: body.hasilKerja ?? null,
          perilaku: body.perilaku ?? null,
        },
      }),
      { reason: body.reasons, extra: (events: AppraisalEvent[]) => decisionOf(events) },
    );
    const distribution = await this.recordChange(params, decided, request);
    return { ...decided, distribution };
  }

  @Post(':objectionId/withdrawal')
  @Allow(...rolesFor('withdrawObjection'))
  @ApiOperation({
    summary: 'Withdraw an open objection (the employee); the employee may file again while the window is open',
  })
  @ApiCreatedResponse({ type: IdResponse })
  withdraw(
    @Param() params: ObjectionParams,
    @Body() body: WithdrawalRequest,
    @CommandRequest() request: CommandRequest,
  ): Promise<IdResponse> {
    return this.commands.run(
      request,
      params,
      'withdrawObjection',
      withdrawObjectionDecider,
      (base) => ({
        type: 'WithdrawObjection' as const,
        ...base,
        data: { objectionId: params.objectionId, reason: body.reason },
      }),
      { reason: body.reason, extra: () => ({ id: params.objectionId }) },
    );
  }

  /**
   * The decision is final and already written: record a changed predikat on the cycle, where the population's
   * distribution is checked again. Idempotent per objection, so a retry after a failure here completes it.
   */
  private async recordChange(params: ObjectionParams, decided: ReturnType<typeof decisionOf>, request: CommandRequest) {
    if (decided.before.predikat === decided.after.predikat) return null;
    const cycle = await this.facts.cycle(params.cycleId);
    const { state } = await this.facts.appraisal(params.cycleId, params.nip);
    const populationId = cyclePopulationId(cycle.policy.distribution.scope, state);
    if (!cycle.populations[populationId]?.determination) return null;
    const now = this.clock.now().toISOString();
    const correlationId = correlationIdFrom(request.headers['x-correlation-id']);
    await this.executor.execute(recordObjectionChangeDecider, {
      stream: cycleStreamName(params.cycleId),
      command: {
        type: 'RecordObjectionChange',
        now,
        data: {
          populationId,
          objectionId: params.objectionId,
          nip: params.nip,
          from: decided.before.predikat,
          to: decided.after.predikat,
        },
      },
      actor: actorFrom(request.principal, rolesFor('decideObjection')),
      correlationId,
      occurredAt: now,
    });
    const after = (await this.facts.cycle(params.cycleId)).populations[populationId];
    const change = after?.changesByObjection?.find((c) => c.objectionId === params.objectionId);
    return change
      ? { populationId, counts: change.counts as Record<string, number>, violations: change.violations }
      : null;
  }
}

function decisionOf(events: AppraisalEvent[]) {
  const decided = events.find((e) => e.type === 'ObjectionDecided.v1');
  if (decided?.type !== 'ObjectionDecided.v1') throw new Error('the decision produced no ObjectionDecided event');
  const { objectionId, outcome, before, after, overdue } = decided.data;
  return { id: objectionId, outcome, before, after, overdue };
}
