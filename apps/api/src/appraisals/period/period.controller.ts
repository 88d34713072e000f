// During the period (DOMAIN section 2, step 2): feedback (from the rater, and from anyone the employee asks),
// realisasi per IKI, evidence, comments on any item, and performance dialogue notes. Every entry is an event;
// a correction is a new entry naming the one it corrects.
import { Body, Controller, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { addCommentDecider } from '../../../../../libs/appraisal/src/add-comment/add-comment.js';
import { attachEvidenceDecider } from '../../../../../libs/appraisal/src/attach-evidence/attach-evidence.js';
import { giveFeedbackDecider } from '../../../../../libs/appraisal/src/give-feedback/give-feedback.js';
import { acknowledgeDialogueNoteDecider } from '../../../../../libs/appraisal/src/acknowledge-dialogue-note/acknowledge-dialogue-note.js';
import { recordDialogueNoteDecider } from '../../../../../libs/appraisal/src/record-dialogue-note/record-dialogue-note.js';
import { recordRealisationDecider } from '../../../../../libs/appraisal/src/record-realisation/record-realisation.js';
import { requestFeedbackDecider } from '../../../../../libs/appraisal/src/request-feedback/request-feedback.js';
import { Allow, CommandRequest } from '../../auth/index.js';
import { rolesFor } from '../appraisal-access.js';
import {
  AppraisalCommandRunner,
  IF_MATCH_HEADER,
  recordedId,
  IDEMPOTENCY_KEY_HEADER,
} from '../appraisal-command-runner.js';
import { AppraisalParams, DialogueNoteParams } from '../appraisal.params.js';
import { IdResponse } from '../appraisal.responses.js';
import {
  AppraisalCommentRequest,
  DialogueAcknowledgementRequest,
  DialogueNoteRequest,
  EvidenceRequest,
  FeedbackRequest,
  FeedbackRequestRequest,
  RealisationRequest,
} from './period.requests.js';
import { ApiEtag } from '../../http/openapi.js';

@ApiTags('appraisals: during the period')
@ApiBearerAuth()
@ApiHeader(IF_MATCH_HEADER)
@ApiHeader(IDEMPOTENCY_KEY_HEADER)
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED, INVALID_IF_MATCH, TEXT_REQUIRED, CORRECTS_UNKNOWN, ...' })
@ApiForbiddenResponse({ description: 'no relation to this appraisal that allows the act; NOT_ASSIGNED' })
@ApiNotFoundResponse({ description: 'CYCLE_NOT_FOUND, APPRAISAL_NOT_FOUND, ITEM_NOT_FOUND, EVIDENCE_NOT_FOUND' })
@ApiConflictResponse({ description: 'WRONG_CYCLE_PHASE, <KIND>_ID_TAKEN, ...' })
@ApiPreconditionFailedResponse({ description: 'STALE_REVISION: If-Match is not the current revision' })
@ApiCreatedResponse({ type: IdResponse, headers: { ETag: { description: 'W/"<revision>"' } } })
@ApiEtag()
@Controller('api/v1/cycles/:cycleId/appraisals/:nip')
export class PeriodController {
  constructor(private readonly commands: AppraisalCommandRunner) {}

  @Post('feedback-requests')
  @Allow(...rolesFor('requestFeedback'))
  @ApiOperation({ summary: 'Ask someone for feedback (the employee); they may then answer through POST /feedback' })
  requestFeedback(
    @Param() params: AppraisalParams,
    @Body() body: FeedbackRequestRequest,
    @CommandRequest() request: CommandRequest,
  ): Promise<IdResponse> {
    const id = body.requestId ?? randomUUID();
    return this.commands.run(
      request,
      params,
      'requestFeedback',
      requestFeedbackDecider,
      (base) => ({
        type: 'RequestFeedback' as const,
        ...base,
        data: { requestId: id, askedNip: body.askedNip, note: body.note ?? '' },
      }),
      { extra: (events) => ({ id: recordedId(events, 'requestId', id) }) },
    );
  }

  @Post('feedback')
  @Allow(...rolesFor('giveFeedback'))
  @ApiOperation({
    summary: 'Give feedback: the rater at any time, or the person asked, naming the requestId they were asked by',
  })
  giveFeedback(
    @Param() params: AppraisalParams,
    @Body() body: FeedbackRequest,
    @CommandRequest() request: CommandRequest,
  ): Promise<IdResponse> {
    const id = body.feedbackId ?? randomUUID();
    const requestId = body.requestId ?? null;
    return this.commands.run(
      request,
      params,
      'giveFeedback',
      giveFeedbackDecider,
      (base) => ({
        type: 'GiveFeedback' as const,
        ...base,
        data: {
          feedbackId: id,
          requestId,
          text: body.text,
          relatesTo: body.relatesTo ? { kind: body.relatesTo.kind, id: body.relatesTo.id } : null,
          evidenceIds: body.evidenceIds ?? [],
          corrects: body.corrects ?? null,
        },
      }),
      { feedbackRequestId: requestId, extra: (events) => ({ id: recordedId(events, 'feedbackId', id) }) },
    );
  }

  @Post('realisations')
  @Allow(...rolesFor('recordRealisation'))
  @ApiOperation({ summary: 'Record progress (realisasi) on an IKI, with evidence (the employee or the rater)' })
  recordRealisation(
    @Param() params: AppraisalParams,
    @Body() body: RealisationRequest,
    @CommandRequest() request: CommandRequest,
  ): Promise<IdResponse> {
    const id = body.realisationId ?? randomUUID();
    return this.commands.run(
      request,
      params,
      'recordRealisation',
      recordRealisationDecider,
      (base) => ({
        type: 'RecordRealisation' as const,
        ...base,
        data: {
          realisationId: id,
          rhkId: body.rhkId,
          ikiId: body.ikiId,
          value: body.value ?? null,
          narrative: body.narrative ?? null,
          evidenceIds: body.evidenceIds ?? [],
          corrects: body.corrects ?? null,
        },
      }),
      { extra: (events) => ({ id: recordedId(events, 'realisationId', id) }) },
    );
  }

  @Post('evidence')
  @Allow(...rolesFor('attachEvidence'))
  @ApiOperation({
    summary:
      'Attach evidence (bukti dukung): a link, or an uploaded file by its metadata and SHA-256 (the employee or the rater)',
  })
  attachEvidence(
    @Param() params: AppraisalParams,
    @Body() body: EvidenceRequest,
    @CommandRequest() request: CommandRequest,
  ): Promise<IdResponse> {
    const id = body.evidenceId ?? randomUUID();
    const file = body.file;
    return this.commands.run(
      request,
      params,
      'attachEvidence',
      attachEvidenceDecider,
      (base) => ({
        type: 'AttachEvidence' as const,
        ...base,
        data: {
          evidenceId: id,
          kind: body.kind,
          url: body.url ?? null,
          file: file
            ? { fileName: file.fileName, mediaType: file.mediaType, sizeBytes: file.sizeBytes, sha256: file.sha256 }
            : null,
          description: body.description,
        },
      }),
      { extra: (events) => ({ id: recordedId(events, 'evidenceId', id) }) },
    );
  }

  @Post('comments')
  @Allow(...rolesFor('addComment'))
  @ApiOperation({ summary: "Comment on any item (the employee, the rater or the rater's supervisor)" })
  addComment(
    @Param() params: AppraisalParams,
    @Body() body: AppraisalCommentRequest,
    @CommandRequest() request: CommandRequest,
  ): Promise<IdResponse> {
    const id = body.commentId ?? randomUUID();
    return this.commands.run(
      request,
      params,
      'addComment',
      addCommentDecider,
      (base) => ({
        type: 'AddComment' as const,
        ...base,
        data: {
          commentId: id,
          on: { kind: body.on.kind, id: body.on.id },
          text: body.text,
          corrects: body.corrects ?? null,
        },
      }),
      { extra: (events) => ({ id: recordedId(events, 'commentId', id) }) },
    );
  }

  @Post('dialogue-notes')
  @Allow(...rolesFor('recordDialogueNote'))
  @ApiOperation({ summary: 'Record a performance dialogue note (the rater or the employee)' })
  recordDialogueNote(
    @Param() params: AppraisalParams,
    @Body() body: DialogueNoteRequest,
    @CommandRequest() request: CommandRequest,
  ): Promise<IdResponse> {
    const id = body.noteId ?? randomUUID();
    return this.commands.run(
      request,
      params,
      'recordDialogueNote',
      recordDialogueNoteDecider,
      (base) => ({
        type: 'RecordDialogueNote' as const,
        ...base,
        data: { noteId: id, heldOn: body.heldOn, text: body.text, corrects: body.corrects ?? null },
      }),
      { extra: (events) => ({ id: recordedId(events, 'noteId', id) }) },
    );
  }

  @Post('dialogue-notes/:noteId/acknowledgement')
  @Allow(...rolesFor('acknowledgeDialogueNote'))
  @ApiOperation({
    summary:
      "Acknowledge the rater's dialogue note (the employee): confirms the dialogue took place, agreeing or not; " +
      'a rating marked for dialogue can then be approved',
  })
  @ApiConflictResponse({ description: 'OWN_DIALOGUE_NOTE, DIALOGUE_NOTE_ALREADY_ACKNOWLEDGED, WRONG_CYCLE_PHASE' })
  acknowledgeDialogueNote(
    @Param() params: DialogueNoteParams,
    @Body() body: DialogueAcknowledgementRequest,
    @CommandRequest() request: CommandRequest,
  ): Promise<IdResponse> {
    return this.commands.run(
      request,
      params,
      'acknowledgeDialogueNote',
      acknowledgeDialogueNoteDecider,
      (base) => ({
        type: 'AcknowledgeDialogueNote' as const,
        ...base,
        data: { noteId: params.noteId, comment: body.comment ?? null },
      }),
      { extra: () => ({ id: params.noteId }) },
    );
  }
}
