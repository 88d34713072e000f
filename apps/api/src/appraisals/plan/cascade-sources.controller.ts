// What an employee's RHK may cascade from (README "Appraisal cycles", cascading): the RHK of their rater's plan in
// the same cycle with titles and IKI, or the Perjanjian Kinerja for a JPT and for someone whose rater has no
// appraisal in the cycle. Folded from the streams, like the fact drafting is decided on, so the list and the
// UNKNOWN_SUPERVISOR_RHK check never disagree.
import { Controller, Get, Headers, Inject, Param } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '../../../../../libs/auth/src/index.js';
import { cascadeSourcesFor } from '../../../../../libs/appraisal/src/plan/cascade-sources.js';
import { directoryNames } from '../../../../../libs/read-models/src/appraisals/appraisal-names.js';
import type { Infrastructure } from '../../../../../libs/runtime/src/infrastructure.js';
import { AuditReadRecorder } from '../../audit-reads/audit-read-recorder.js';
import { Allow, CurrentPrincipal } from '../../auth/index.js';
import { INFRASTRUCTURE } from '../../tokens.js';
import { authorize, rolesFor } from '../appraisal-access.js';
import { AppraisalFacts } from '../appraisal-facts.js';
import { AppraisalParams } from '../appraisal.params.js';
import { CascadeSourcesResponse } from './cascade-sources.responses.js';

const ROUTE = '/api/v1/cycles/:cycleId/appraisals/:nip/cascade-sources';

const RATER = '197205102000031002';

@ApiTags('appraisals: plan (SKP)')
@ApiBearerAuth()
@Controller('api/v1/cycles/:cycleId/appraisals/:nip')
export class CascadeSourcesController {
  constructor(
    private readonly facts: AppraisalFacts,
    private readonly reads: AuditReadRecorder,
    @Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure,
  ) {}

  @Get('cascade-sources')
  @Allow(...rolesFor('readCascadeSources'))
  @ApiOperation({
    summary:
      "What the employee's RHK may cascade from: the RHK of their rater's plan in this cycle, with titles and IKI " +
      '(name one in cascadesFrom), or, for a JPT and for someone whose rater has no appraisal in the cycle, that ' +
      "each RHK cites the unit's Perjanjian Kinerja (perjanjianKinerjaRef). The employee, their rater, HR of the " +
      'agency, AUDITOR.',
  })
  @ApiOkResponse({
    type: CascadeSourcesResponse,
    examples: {
      raterPlan: {
        summary: "a teacher's head of school has a plan: cascade from one of its RHK",
        value: {
          nip: '198503152010011002',
          raterNip: RATER,
          raterName: 'Maria Mandacan, S.Pd.',
          source: 'RATER_PLAN',
          reason: null,
          raterPlanStatus: 'APPROVED',
          rhk: [
            {
              rhkId: 'rhk-2026-1',
              kind: 'UTAMA',
              title: 'Meningkatnya mutu pembelajaran di SD Negeri 01 Manokwari',
              iki: [
                {
                  ikiId: 'iki-2026-1',
                  description: 'Persentase siswa tuntas KKM',
                  type: 'QUANTITATIVE',
                  aspect: 'KUALITAS',
                  target: 85,
                  unit: 'persen',
                },
              ],
            },
          ],
          message: `Each of your RHK cascades from one of these RHK of your rater ${RATER}: name it in cascadesFrom {raterNip, rhkId}`,
        },
      },
      perjanjianKinerja: {
        summary: 'a JPT (or someone whose rater has no appraisal in the cycle): cite the Perjanjian Kinerja',
        value: {
          nip: '197001012000011001',
          raterNip: null,
          raterName: null,
          source: 'PERJANJIAN_KINERJA',
          reason: 'JPT',
          raterPlanStatus: null,
          rhk: [],
          message:
            "You hold a JPT (pimpinan tinggi) position, so each of your RHK derives from your unit's Perjanjian " +
            'Kinerja: name the item in perjanjianKinerjaRef',
        },
      },
    },
  })
  @ApiForbiddenResponse({ description: 'not the employee, their rater, HR of the agency or AUDITOR' })
  @ApiNotFoundResponse({ description: 'CYCLE_NOT_FOUND, APPRAISAL_NOT_FOUND' })
  async cascadeSources(
    @Param() params: AppraisalParams,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlation: string | undefined,
  ): Promise<CascadeSourcesResponse> {
    await this.facts.cycle(params.cycleId);
    const { state } = await this.facts.appraisal(params.cycleId, params.nip);
    const { relation } = authorize(principal, state, 'readCascadeSources');
    const raterPlan = await this.facts.raterPlanContent(params.cycleId, state.raterNip);
    const sources = cascadeSourcesFor(state, raterPlan);
    const names = await directoryNames(this.infrastructure.readDb, [state.raterNip]);
    await this.reads.recordIfAuditor(
      principal,
      relation === 'AUDITOR',
      { route: ROUTE, cycleId: params.cycleId, nip: params.nip },
      correlation,
    );
    return { ...sources, raterName: state.raterNip === null ? null : (names.get(state.raterNip) ?? null) };
  }
}
