// Assessment (DOMAIN sections 5 and 9): the employee's self-assessment, peer reviewers (the employee proposes,
// the rater chooses) and their anonymous input, the rater's rating with its computed predikat, the approval or
// return by the rater's supervisor, and the employee's receipt of the published result.
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
import { acknowledgeReceiptDecider } from '../../../../../libs/appraisal/src/acknowledge-receipt/acknowledge-receipt.js';
import type { AppraisalEvent } from '../../../../../libs/appraisal/src/appraisal/appraisal-events.js';
import { approveRatingDecider } from '../../../../../libs/appraisal/src/approve-rating/approve-rating.js';
import { choosePeerReviewersDecider } from '../../../../../libs/appraisal/src/choose-peer-reviewers/choose-peer-reviewers.js';
import { proposePeerReviewerDecider } from '../../../../../libs/appraisal/src/propose-peer-reviewer/propose-peer-reviewer.js';
import { returnRatingDecider } from '../../../../../libs/appraisal/src/return-rating/return-rating.js';
import { submitPeerInputDecider } from '../../../../../libs/appraisal/src/submit-peer-input/submit-peer-input.js';
import { submitSelfAssessmentDecider } from '../../../../../libs/appraisal/src/submit-self-assessment/submit-self-assessment.js';
import { submitSupervisorRatingDecider } from '../../../../../libs/appraisal/src/submit-supervisor-rating/submit-supervisor-rating.js';
import { Allow, CommandRequest } from '../../auth/index.js';
import { rolesFor } from '../appraisal-access.js';
import { AppraisalCommandRunner, IF_MATCH_HEADER, IDEMPOTENCY_KEY_HEADER } from '../appraisal-command-runner.js';
import { AppraisalFacts, populationDetermined } from '../appraisal-facts.js';
import { AppraisalParams, RatingVersionParams } from '../appraisal.params.js';
import { ApprovalResponse, RatingResponse, ReceiptResponse, RevisionResponse } from '../appraisal.responses.js';
import {
  ApproveRatingRequest,
  ChoosePeerReviewersRequest,
  PeerInputRequest,
  ProposePeerReviewerRequest,
  ReturnRatingRequest,
  SelfAssessmentRequest,
  SupervisorRatingRequest,
  type ValueRatingRequest,
} from './assessment.requests.js';
import { ApiEtag } from '../../http/openapi.js';

const valueRatings = (values: ValueRatingRequest[]) =>
  values.map((v) => ({ value: v.value, rating: v.rating, note: v.note ?? '' }));

/** The version and predikat of the rating event a command produced. */
function ratingOf(events: AppraisalEvent[]): { version: number; predikat: string } {
  for (const e of events) {
    if (e.type === 'SupervisorRatingSubmitted.v1' || e.type === 'RatingApproved.v1') {
      return { version: e.data.version, predikat: e.data.predikat };
    }
  }
  throw new Error('the rating command produced no rating event');
}

/** The approval with what unlocked it: the dialogue, and the acknowledgement of a conflict of interest. */
function approvalOf(events: AppraisalEvent[]) {
  const approved = events.find((e) => e.type === 'RatingApproved.v1');
  if (approved?.type !== 'RatingApproved.v1') throw new Error('the approval produced no RatingApproved event');
  const { version, predikat, dialogue, conflictOfInterest } = approved.data;
  return { version, predikat, dialogue: dialogue ?? null, conflictOfInterest: conflictOfInterest ?? null };
}

/** When the result was received and the keberatan window it opened. */
function receiptOf(events: AppraisalEvent[]): { receivedAt: string; objectionDeadline: Record<string, unknown> } {
  const received = events.find((e) => e.type === 'ResultReceived.v1');
  if (received?.type !== 'ResultReceived.v1') throw new Error('the receipt produced no ResultReceived event');
  return { receivedAt: received.data.receivedAt, objectionDeadline: { ...received.data.objectionDeadline } };
}

@ApiTags('appraisals: assessment')
@ApiBearerAuth()
@ApiHeader(IF_MATCH_HEADER)
@ApiHeader(IDEMPOTENCY_KEY_HEADER)
@ApiBadRequestResponse({
  description:
    'VALIDATION_FAILED, JUSTIFICATION_REQUIRED, VALUE_RATINGS_INVALID, PEER_IS_SELF, UNKNOWN_COMPETENCY (a ' +
    'competency code not in the pinned framework version, or the built-in catalogue: the known codes are listed)',
})
@ApiForbiddenResponse({ description: 'no relation to this appraisal that allows the act; NOT_ASSIGNED' })
@ApiNotFoundResponse({ description: 'CYCLE_NOT_FOUND, APPRAISAL_NOT_FOUND, RATING_NOT_FOUND, EVIDENCE_NOT_FOUND' })
@ApiConflictResponse({
  description: 'WRONG_CYCLE_PHASE, PLAN_NOT_APPROVED, DIALOGUE_REQUIRED, RATING_ALREADY_APPROVED, RATING_NOT_PENDING',
})
@ApiPreconditionFailedResponse({ description: 'STALE_REVISION: If-Match is not the current revision' })
@ApiEtag()
@Controller('api/v1/cycles/:cycleId/appraisals/:nip')
export class AssessmentController {
  constructor(
    private readonly commands: AppraisalCommandRunner,
    private readonly facts: AppraisalFacts,
  ) {}

  @Post('self-assessment')
  @Allow(...rolesFor('submitSelfAssessment'))
  @ApiOperation({ summary: 'Submit (or revise, until the rater rates) the self-assessment (the employee)' })
  @ApiCreatedResponse({ type: RevisionResponse, headers: { ETag: { description: 'W/"<revision>"' } } })
  submitSelfAssessment(
    @Param() params: AppraisalParams,
    @Body() body: SelfAssessmentRequest,
    @CommandRequest() request: CommandRequest,
  ): Promise<RevisionResponse> {
    return this.commands.run(request, params, 'submitSelfAssessment', submitSelfAssessmentDecider, (base) => ({
      type: 'SubmitSelfAssessment' as const,
      ...base,
      data: {
        rhk: body.rhk.map((r) => ({
          rhkId: r.rhkId,
          rating: r.rating,
          note: r.note ?? '',
          evidenceIds: r.evidenceIds ?? [],
        })),
        values: valueRatings(body.values),
        hasilKerja: body.hasilKerja,
        perilaku: body.perilaku,
      },
    }));
  }

  @Post('peer-reviewers/proposals')
  @Allow(...rolesFor('proposePeerReviewer'))
  @ApiOperation({ summary: 'Propose a peer reviewer to the rater (the employee): a peer or a direct subordinate' })
  @ApiCreatedResponse({ type: RevisionResponse })
  proposePeerReviewer(
    @Param() params: AppraisalParams,
    @Body() body: ProposePeerReviewerRequest,
    @CommandRequest() request: CommandRequest,
  ): Promise<RevisionResponse> {
    return this.commands.run(
      request,
      params,
      'proposePeerReviewer',
      proposePeerReviewerDecider,
      async (base, appraisal) => ({
        type: 'ProposePeerReviewer' as const,
        ...base,
        data: { reviewerNip: body.reviewerNip },
        reviewer: await this.facts.reviewer(appraisal, body.reviewerNip),
      }),
    );
  }

  @Put('peer-reviewers')
  @Allow(...rolesFor('choosePeerReviewers'))
  @ApiOperation({ summary: 'Choose the peer reviewers (the rater): the whole list, peers or direct subordinates' })
  @ApiOkResponse({ type: RevisionResponse })
  choosePeerReviewers(
    @Param() params: AppraisalParams,
    @Body() body: ChoosePeerReviewersRequest,
    @CommandRequest() request: CommandRequest,
  ): Promise<RevisionResponse> {
    return this.commands.run(
      request,
      params,
      'choosePeerReviewers',
      choosePeerReviewersDecider,
      async (base, appraisal) => ({
        type: 'ChoosePeerReviewers' as const,
        ...base,
        data: { reviewerNips: body.reviewerNips },
        reviewers: await Promise.all(body.reviewerNips.map((nip) => this.facts.reviewer(appraisal, nip))),
      }),
    );
  }

  @Post('peer-inputs')
  @Allow(...rolesFor('submitPeerInput'))
  @ApiOperation({
    summary:
      'Give advisory peer input on BerAKHLAK values (a chosen reviewer, once); shown only as an anonymous aggregate',
  })
  @ApiCreatedResponse({ type: RevisionResponse })
  submitPeerInput(
    @Param() params: AppraisalParams,
    @Body() body: PeerInputRequest,
    @CommandRequest() request: CommandRequest,
  ): Promise<RevisionResponse> {
    return this.commands.run(request, params, 'submitPeerInput', submitPeerInputDecider, (base) => ({
      type: 'SubmitPeerInput' as const,
      ...base,
      data: { values: valueRatings(body.values) },
    }));
  }

  @Post('ratings')
  @Allow(...rolesFor('submitRating'))
  @ApiOperation({
    summary:
      'Submit the rating (the rater): realisasi per IKI, hasil kerja, perilaku; predikat computed; a returned rating is revised by submitting the next version',
  })
  @ApiCreatedResponse({ type: RatingResponse })
  submitRating(
    @Param() params: AppraisalParams,
    @Body() body: SupervisorRatingRequest,
    @CommandRequest() request: CommandRequest,
  ): Promise<RatingResponse> {
    return this.commands.run(
      request,
      params,
      'submitRating',
      submitSupervisorRatingDecider,
      async (base, appraisal, cycle) => ({
        type: 'SubmitSupervisorRating' as const,
        ...base,
        data: {
          realisations: body.realisations.map((r) => ({
            rhkId: r.rhkId,
            ikiId: r.ikiId,
            value: r.value ?? null,
            narrative: r.narrative ?? null,
          })),
          hasilKerja: body.hasilKerja,
          perilaku: body.perilaku,
          valueNotes: (body.valueNotes ?? []).map((v) => ({ value: v.value, note: v.note })),
          competencyLevels: (body.competencyLevels ?? []).map((c) => ({ code: c.code, level: c.level })),
          justification: body.justification ?? null,
          evidenceIds: body.evidenceIds ?? [],
        },
        activeConflictOfInterestIds: await this.facts.activeConflictOfInterestIds(appraisal.nip, base.actorNip),
        populationDetermined: populationDetermined(cycle, appraisal),
        knownCompetencyCodes: await this.facts.competencyCodes(appraisal.frameworkRef),
      }),
      { extra: ratingOf },
    );
  }

  @Post('ratings/:version/approval')
  @Allow(...rolesFor('approveRating'))
  @ApiOperation({
    summary:
      "Approve the pending rating version (the rater's supervisor); fixes the predikat. A rating marked for dialogue " +
      "needs the rater's dialogue note acknowledged by the employee (or its acknowledgement deadline passed); a " +
      'rating made under a declared conflict of interest needs conflictOfInterestAcknowledgement',
  })
  @ApiCreatedResponse({ type: ApprovalResponse })
  @ApiConflictResponse({
    description:
      'DIALOGUE_REQUIRED, CONFLICT_OF_INTEREST_ACKNOWLEDGEMENT_REQUIRED (details name each declaration), ...',
  })
  approveRating(
    @Param() params: RatingVersionParams,
    @Body() body: ApproveRatingRequest,
    @CommandRequest() request: CommandRequest,
  ): Promise<ApprovalResponse> {
    return this.commands.run(
      request,
      params,
      'approveRating',
      approveRatingDecider,
      (base) => ({
        type: 'ApproveRating' as const,
        ...base,
        data: {
          version: params.version,
          conflictOfInterestAcknowledgement: body.conflictOfInterestAcknowledgement ?? null,
        },
      }),
      { extra: approvalOf, reason: body.conflictOfInterestAcknowledgement },
    );
  }

  @Post('ratings/:version/return')
  @Allow(...rolesFor('returnRating'))
  @ApiOperation({
    summary: "Return the pending rating version with reasons (the rater's supervisor); every version is kept",
  })
  @ApiCreatedResponse({ type: RevisionResponse })
  returnRating(
    @Param() params: RatingVersionParams,
    @Body() body: ReturnRatingRequest,
    @CommandRequest() request: CommandRequest,
  ): Promise<RevisionResponse> {
    return this.commands.run(
      request,
      params,
      'returnRating',
      returnRatingDecider,
      (base) => ({
        type: 'ReturnRating' as const,
        ...base,
        data: { version: params.version, reasons: body.reasons },
      }),
      { reason: body.reasons },
    );
  }

  @Post('receipt')
  @Allow(...rolesFor('acknowledgeReceipt'))
  @ApiOperation({
    summary: 'Acknowledge receipt of the published result (the employee); starts the keberatan window',
  })
  @ApiCreatedResponse({ type: ReceiptResponse })
  acknowledgeReceipt(
    @Param() params: AppraisalParams,
    @CommandRequest() request: CommandRequest,
  ): Promise<ReceiptResponse> {
    return this.commands.run(
      request,
      params,
      'acknowledgeReceipt',
      acknowledgeReceiptDecider,
      (base) => ({ type: 'AcknowledgeReceipt' as const, ...base, data: {} }),
      { extra: receiptOf },
    );
  }
}
