import { Controller, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Role, type Principal } from '../../../../../libs/auth/src/index.js';
import { Allow, CurrentPrincipal } from '../../auth/index.js';
import { commandContextFromHeaders } from '../../event-sourcing/command-context.js';
import { CLOCK, type Clock } from '../../tokens.js';
import { assertManagesCycle } from '../cycle-access.js';
import { CycleFacts } from '../cycle-facts.js';
import { CycleParam } from '../cycle.request.js';
import { withCycleEtag } from '../cycle-view.js';
import { ReconcileCycleCommand, type ReconcileOutcome } from './reconcile.handler.js';

const MANAGERS = [Role.HR, Role.ADMIN];

@ApiTags('cycles')
@ApiBearerAuth()
@Controller('api/v1/cycles/:cycleId')
export class ReconcileController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly facts: CycleFacts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('reconcile')
  @HttpCode(200)
  @Allow(...MANAGERS)
  @ApiOperation({
    summary:
      "Bring the cycle's appraisals in line with the organization now: start an appraisal for whoever joined one " +
      'of its units (JOINED_MID_CYCLE), transfer the open appraisal of whoever moved between its units, end the ' +
      'appraisal of whoever moved out, and change the rater where the reporting line changed. Each change is an ' +
      'event on that appraisal; running it again writes nothing more. The answer lists who, afterwards, still ' +
      'has no rater or rater supervisor: after a rater override (PUT /api/v1/employees/{nip}/rater-override) ' +
      'this is the route that carries it to the appraisals.',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'W/"<revision>" of the cycle' })
  @ApiOkResponse({
    description:
      '{ cycleId, revision, started, transferred, ended, raterChanged, refused, withoutRater, ' +
      'withoutRaterSupervisor } (the last two: sorted NIPs of active appraisals without a pejabat penilai / ' +
      'atasan pejabat penilai)',
    headers: { ETag: { description: 'W/"<cycle revision>"' } },
  })
  @ApiForbiddenResponse({ description: "not ADMIN, nor HR of the cycle's agency" })
  @ApiNotFoundResponse({ description: 'CYCLE_NOT_FOUND' })
  @ApiPreconditionFailedResponse({ description: 'STALE_REVISION' })
  async reconcile(
    @Param() { cycleId }: CycleParam,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Omit<ReconcileOutcome, 'revision'> & { cycleId: string; revision: string }> {
    const { cycle } = await this.facts.cycle(cycleId);
    assertManagesCycle(principal, cycle);
    const context = commandContextFromHeaders(principal, MANAGERS, headers, this.clock.now());
    const { revision, ...changes }: ReconcileOutcome = await this.commandBus.execute(
      new ReconcileCycleCommand(cycleId, context),
    );
    withCycleEtag(reply, revision);
    return { cycleId, revision: String(revision), ...changes };
  }
}
