// The SKP plan of one appraisal: the employee drafts, revises and removes RHK and submits; the rater returns
// with comments or approves, and records the leader's ekspektasi khusus per BerAKHLAK value.
import { Body, Controller, Param, Post, Put } from '@nestjs/common';
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
} from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { Iki, RhkContent } from '../../../../../libs/appraisal/src/appraisal/appraisal-events.js';
import { approvePlanDecider } from '../../../../../libs/appraisal/src/approve-plan/approve-plan.js';
import { draftRhkDecider } from '../../../../../libs/appraisal/src/draft-rhk/draft-rhk.js';
import { removeRhkDecider } from '../../../../../libs/appraisal/src/remove-rhk/remove-rhk.js';
import { returnPlanDecider } from '../../../../../libs/appraisal/src/return-plan/return-plan.js';
import { reviseRhkDecider } from '../../../../../libs/appraisal/src/revise-rhk/revise-rhk.js';
import { setBehaviourExpectationDecider } from '../../../../../libs/appraisal/src/set-behaviour-expectation/set-behaviour-expectation.js';
import { submitPlanDecider } from '../../../../../libs/appraisal/src/submit-plan/submit-plan.js';
import { Allow, CommandRequest } from '../../auth/index.js';
import { rolesFor } from '../appraisal-access.js';
import {
  AppraisalCommandRunner,
  IF_MATCH_HEADER,
  recordedId,
  IDEMPOTENCY_KEY_HEADER,
} from '../appraisal-command-runner.js';
import { AppraisalFacts } from '../appraisal-facts.js';
import { AppraisalParams, RhkParams } from '../appraisal.params.js';
import { RevisionResponse, RhkResponse } from '../appraisal.responses.js';
import {
  BehaviourExpectationRequest,
  DraftRhkRequest,
  RemoveRhkRequest,
  ReturnPlanRequest,
  RhkBody,
  type IkiRequest,
} from './plan.requests.js';
import { ApiEtag } from '../../http/openapi.js';

@ApiTags('appraisals: plan (SKP)')
@ApiBearerAuth()
@ApiHeader(IF_MATCH_HEADER)
@ApiHeader(IDEMPOTENCY_KEY_HEADER)
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED, INVALID_IF_MATCH, or a domain rule (INVALID_RHK, ...)' })
@ApiForbiddenResponse({ description: 'no relation to this appraisal that allows the act; NOT_ASSIGNED' })
@ApiNotFoundResponse({ description: 'CYCLE_NOT_FOUND, APPRAISAL_NOT_FOUND, RHK_NOT_FOUND' })
@ApiConflictResponse({ description: 'WRONG_CYCLE_PHASE, PLAN_LOCKED, SUPERVISOR_PLAN_MISSING, ..._ID_TAKEN' })
@ApiPreconditionFailedResponse({ description: 'STALE_REVISION: If-Match is not the current revision' })
@ApiEtag()
@Controller('api/v1/cycles/:cycleId/appraisals/:nip')
export class PlanController {
  constructor(
    private readonly commands: AppraisalCommandRunner,
    private readonly facts: AppraisalFacts,
  ) {}

  @Post('plan/rhk')
  @Allow(...rolesFor('draftRhk'))
  @ApiOperation({
    summary: "Draft an RHK with its IKI and targets (the employee); it cascades from an RHK of the rater's plan",
  })
  @ApiCreatedResponse({ type: RhkResponse, headers: { ETag: { description: 'W/"<revision>"' } } })
  draftRhk(
    @Param() params: AppraisalParams,
    @Body() body: DraftRhkRequest,
    @CommandRequest() request: CommandRequest,
  ): Promise<RhkResponse> {
    const rhkId = body.rhkId ?? randomUUID();
    return this.commands.run(
      request,
      params,
      'draftRhk',
      draftRhkDecider,
      async (base, appraisal) => ({
        type: 'DraftRhk' as const,
        ...base,
        data: rhkContent(rhkId, body),
        raterPlan: await this.facts.raterPlan(params.cycleId, appraisal.raterNip),
      }),
      { extra: (events) => ({ rhkId: recordedId(events, 'rhkId', rhkId) }) },
    );
  }

  @Put('plan/rhk/:rhkId')
  @Allow(...rolesFor('reviseRhk'))
  @ApiOperation({ summary: 'Revise an RHK of a draft or returned plan (the employee); keep ikiIds to keep IKI' })
  @ApiOkResponse({ type: RhkResponse })
  reviseRhk(
    @Param() params: RhkParams,
    @Body() body: RhkBody,
    @CommandRequest() request: CommandRequest,
  ): Promise<RhkResponse> {
    return this.commands.run(
      request,
      params,
      'reviseRhk',
      reviseRhkDecider,
      async (base, appraisal) => ({
        type: 'ReviseRhk' as const,
        ...base,
        data: rhkContent(params.rhkId, body),
        raterPlan: await this.facts.raterPlan(params.cycleId, appraisal.raterNip),
      }),
      { extra: () => ({ rhkId: params.rhkId }) },
    );
  }

  @Post('plan/rhk/:rhkId/removal')
  @Allow(...rolesFor('removeRhk'))
  @ApiOperation({ summary: 'Remove an RHK from a draft or returned plan, with a reason (the employee)' })
  @ApiCreatedResponse({ type: RhkResponse })
  removeRhk(
    @Param() params: RhkParams,
    @Body() body: RemoveRhkRequest,
    @CommandRequest() request: CommandRequest,
  ): Promise<RhkResponse> {
    return this.commands.run(
      request,
      params,
      'removeRhk',
      removeRhkDecider,
      (base) => ({ type: 'RemoveRhk' as const, ...base, data: { rhkId: params.rhkId, reason: body.reason } }),
      { reason: body.reason, extra: () => ({ rhkId: params.rhkId }) },
    );
  }

  @Post('plan/submission')
  @Allow(...rolesFor('submitPlan'))
  @ApiOperation({ summary: 'Submit the plan to the rater (the employee)' })
  @ApiCreatedResponse({ type: RevisionResponse })
  submitPlan(@Param() params: AppraisalParams, @CommandRequest() request: CommandRequest): Promise<RevisionResponse> {
    return this.commands.run(request, params, 'submitPlan', submitPlanDecider, (base) => ({
      type: 'SubmitPlan' as const,
      ...base,
      data: {},
    }));
  }

  @Post('plan/return')
  @Allow(...rolesFor('returnPlan'))
  @ApiOperation({ summary: 'Return the submitted plan to the employee with comments (the rater)' })
  @ApiCreatedResponse({ type: RevisionResponse })
  returnPlan(
    @Param() params: AppraisalParams,
    @Body() body: ReturnPlanRequest,
    @CommandRequest() request: CommandRequest,
  ): Promise<RevisionResponse> {
    return this.commands.run(
      request,
      params,
      'returnPlan',
      returnPlanDecider,
      (base) => ({ type: 'ReturnPlan' as const, ...base, data: { comments: body.comments } }),
      { reason: body.comments },
    );
  }

  @Post('plan/approval')
  @Allow(...rolesFor('approvePlan'))
  @ApiOperation({ summary: 'Approve the submitted plan (the rater)' })
  @ApiCreatedResponse({ type: RevisionResponse })
  approvePlan(@Param() params: AppraisalParams, @CommandRequest() request: CommandRequest): Promise<RevisionResponse> {
    return this.commands.run(request, params, 'approvePlan', approvePlanDecider, (base) => ({
      type: 'ApprovePlan' as const,
      ...base,
      data: {},
    }));
  }

  @Post('behaviour-expectations')
  @Allow(...rolesFor('setBehaviourExpectation'))
  @ApiOperation({ summary: 'Record the ekspektasi khusus pimpinan for one BerAKHLAK value (the rater)' })
  @ApiCreatedResponse({ type: RevisionResponse })
  setBehaviourExpectation(
    @Param() params: AppraisalParams,
    @Body() body: BehaviourExpectationRequest,
    @CommandRequest() request: CommandRequest,
  ): Promise<RevisionResponse> {
    return this.commands.run(request, params, 'setBehaviourExpectation', setBehaviourExpectationDecider, (base) => ({
      type: 'SetBehaviourExpectation' as const,
      ...base,
      data: { value: body.value, expectation: body.expectation },
    }));
  }
}

/** The contract's RhkContent from a request, with generated ids where the client chose none. */
function rhkContent(rhkId: string, body: RhkBody): RhkContent {
  return {
    rhkId,
    kind: body.kind,
    title: body.title,
    cascadesFrom: body.cascadesFrom ? { raterNip: body.cascadesFrom.raterNip, rhkId: body.cascadesFrom.rhkId } : null,
    perjanjianKinerjaRef: body.perjanjianKinerjaRef ?? null,
    iki: body.iki.map(iki),
  };
}

function iki(request: IkiRequest): Iki {
  const ikiId = request.ikiId ?? randomUUID();
  return request.type === 'QUANTITATIVE'
    ? {
        ikiId,
        description: request.description,
        type: 'QUANTITATIVE',
        aspect: request.aspect as Extract<Iki, { type: 'QUANTITATIVE' }>['aspect'],
        target: request.target as number,
        unit: request.unit as string,
      }
    : { ikiId, description: request.description, type: 'QUALITATIVE', target: request.target as string };
}
