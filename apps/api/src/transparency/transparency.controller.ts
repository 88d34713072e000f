// Transparency for employees (README "Transparency"): the criteria and pinned policy of their cycle, and where
// their unit stands against the curve and they within it, as aggregates with small counts suppressed
// (libs/transparency/src/unit-standing.ts) unless the agency's policy publishes names within a unit.
import { createHash } from 'node:crypto';
import { ConflictException, Controller, Get, Inject, NotFoundException, Param } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../../../libs/audit/src/canonical-json.js';
import { ROLES, type Principal } from '../../../../libs/auth/src/index.js';
import {
  DEFAULT_DIALOGUE_ACKNOWLEDGEMENT_DAYS,
  DEFAULT_STATEMENT_COUNTING,
  DEFAULT_STATEMENT_DAYS,
} from '../../../../libs/policy/src/deadlines.js';
import type { DistributionBound, Policy, Predikat, UnitPredikat } from '../../../../libs/policy/src/policy.js';
import { publishNamesInUnit } from '../../../../libs/policy/src/transparency.js';
import { directoryNames } from '../../../../libs/read-models/src/appraisals/appraisal-names.js';
import {
  getAppraisalSummary,
  populationMembers,
} from '../../../../libs/read-models/src/appraisals/appraisals.queries.js';
import { getCycle } from '../../../../libs/read-models/src/appraisals/cycles.queries.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import {
  countPredikat,
  predikatTable,
  standingOf,
  type PredikatCell,
  type Standing,
} from '../../../../libs/transparency/src/unit-standing.js';
import { Allow, CurrentPrincipal } from '../auth/index.js';
import { assertReadsCycle, forbidden } from '../cycles/cycle-access.js';
import { CycleParam } from '../cycles/cycle.request.js';
import { openedCycle } from '../hr-queries/opened-cycle.js';
import { errorBody } from '../http/error-body.js';
import { INFRASTRUCTURE } from '../tokens.js';

export interface CycleCriteria {
  cycleId: string;
  agencyId: string;
  name: string;
  periodStart: string;
  periodEnd: string;
  phase: string;
  policy: {
    scope: string;
    version: number;
    /** SHA-256 (hex) of the canonical JSON of the pinned policy: compare it with the published version's. */
    hash: string;
    /** The deadlines in force, defaults filled in for settings the version does not carry. */
    deadlines: {
      objectionWindow: { days: number; counting: string };
      objectionDecision: { days: number; counting: string };
      statement: { days: number; counting: string };
      dialogueAcknowledgement: { days: number; counting: string };
    };
    anonymityMinimum: number;
    publishNamesInUnit: boolean;
    content: Policy;
  };
  competencyFramework: { frameworkId: string; version: number } | null;
}

export interface MyStanding {
  cycleId: string;
  populationId: string;
  unitPredikat: UnitPredikat | null;
  /** Active, not excluded appraisals of the population. */
  people: number;
  anonymityMinimum: number;
  namesPublished: boolean;
  predikat: PredikatCell[];
  /** The pinned curve for the population's unit predikat; null until it is set. */
  curve: { rounding: string; bounds: DistributionBound[] } | null;
  override: { used: boolean; justification: string | null };
  /** The employee's own approved predikat and where it stands; null without one (or when excluded). */
  standing: Standing | null;
  /** Only when the agency's policy publishes names within a unit: every member and predikat. */
  members?: { nip: string; name: string | null; predikat: Predikat | null }[];
}

@ApiTags('transparency')
@ApiBearerAuth()
@Controller('api/v1/cycles')
export class TransparencyController {
  private readonly db: Kysely<unknown>;

  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {
    this.db = infrastructure.readDb;
  }

  @Get(':cycleId/criteria')
  @Allow(...ROLES)
  @ApiOperation({
    summary:
      "The cycle's published criteria: the pinned policy version (scope, version, SHA-256 of its canonical JSON, " +
      'predikat matrix, curves, deadlines with defaults, anonymity minimum, name publication) and the pinned ' +
      'competency framework version. Every member of the agency, HR, AUDITOR, ADMIN.',
  })
  @ApiOkResponse({ description: '{ cycleId, agencyId, name, period, phase, policy, competencyFramework }' })
  @ApiForbiddenResponse({ description: 'someone of another agency (not AUDITOR/ADMIN)' })
  @ApiNotFoundResponse({ description: 'CYCLE_NOT_FOUND' })
  async criteria(@Param() { cycleId }: CycleParam, @CurrentPrincipal() principal: Principal): Promise<CycleCriteria> {
    const cycle = await openedCycle(this.infrastructure.eventStore, cycleId);
    assertReadsCycle(principal, cycle);
    const { policy } = cycle;
    return {
      cycleId,
      agencyId: cycle.agencyId,
      name: cycle.name,
      periodStart: cycle.periodStart,
      periodEnd: cycle.periodEnd,
      phase: cycle.phase,
      policy: {
        ...cycle.policyRef,
        hash: createHash('sha256').update(canonicalJson(policy)).digest('hex'),
        deadlines: {
          objectionWindow: { days: policy.objection.windowDays, counting: policy.objection.windowCounting },
          objectionDecision: { days: policy.objection.decisionDays, counting: policy.objection.decisionCounting },
          statement: {
            days: policy.objection.statementDays ?? DEFAULT_STATEMENT_DAYS,
            counting: policy.objection.statementCounting ?? DEFAULT_STATEMENT_COUNTING,
          },
          dialogueAcknowledgement: {
            days: policy.dialogue?.acknowledgementDays ?? DEFAULT_DIALOGUE_ACKNOWLEDGEMENT_DAYS,
            counting: policy.dialogue?.acknowledgementCounting ?? 'WORKING',
          },
        },
        anonymityMinimum: policy.peerAnonymityMinimum,
        publishNamesInUnit: publishNamesInUnit(policy),
        content: policy,
      },
      competencyFramework: cycle.frameworkRef,
    };
  }

  @Get(':cycleId/my-standing')
  @Allow(...ROLES)
  @ApiOperation({
    summary:
      "Once results are published: the caller's unit (distribution population) against the pinned curve, as the " +
      'count and share at each predikat with counts under the anonymity minimum suppressed (complementary cells ' +
      'too, so none can be worked out from the total), whether an override was used and its justification, and ' +
      "the caller's own predikat with the share of the unit at, above and below it, naming no one. With the " +
      "policy's transparency.publishNamesInUnit on, every member's name and predikat instead. The caller's own " +
      'standing only: an employee of the agency with a NIP and an appraisal in the cycle.',
  })
  @ApiOkResponse({ description: '{ populationId, people, predikat, curve, override, standing, members? }' })
  @ApiForbiddenResponse({ description: 'without a NIP, or of another agency (HR, AUDITOR and ADMIN have none)' })
  @ApiNotFoundResponse({ description: 'CYCLE_NOT_FOUND, APPRAISAL_NOT_FOUND' })
  @ApiConflictResponse({ description: 'RESULT_NOT_PUBLISHED' })
  async myStanding(@Param() { cycleId }: CycleParam, @CurrentPrincipal() principal: Principal): Promise<MyStanding> {
    const cycle = await openedCycle(this.infrastructure.eventStore, cycleId);
    const nip = principal.nip;
    if (nip === undefined || principal.agencyId !== cycle.agencyId) {
      throw forbidden(`only employees of ${cycle.agencyId} read their own standing`);
    }
    if (cycle.phase !== 'PUBLISHED' && cycle.phase !== 'CLOSED') {
      throw new ConflictException(
        errorBody(409, 'RESULT_NOT_PUBLISHED', `the results of ${cycleId} are not published (phase ${cycle.phase})`),
      );
    }
    const own = await getAppraisalSummary(this.db, cycleId, nip);
    if (!own) throw new NotFoundException(errorBody(404, 'APPRAISAL_NOT_FOUND', `no appraisal of yours in ${cycleId}`));
    const members = await populationMembers(this.db, cycleId, own.populationId);
    const population = (await getCycle(this.db, cycleId))?.populations.find((p) => p.populationId === own.populationId);
    const counts = countPredikat(members.map((m) => m.predikat));
    const namesPublished = publishNamesInUnit(cycle.policy);
    // Names published: the table hides nothing, since the names list says it all anyway.
    const minimum = namesPublished ? 1 : cycle.policy.peerAnonymityMinimum;
    const ownPredikat = members.find((m) => m.nip === nip)?.predikat ?? null;
    const unitPredikat = population?.unitPredikat ?? null;
    const result: MyStanding = {
      cycleId,
      populationId: own.populationId,
      unitPredikat,
      people: members.length,
      anonymityMinimum: cycle.policy.peerAnonymityMinimum,
      namesPublished,
      predikat: predikatTable(counts, minimum),
      curve:
        unitPredikat === null
          ? null
          : { rounding: cycle.policy.distribution.rounding, bounds: cycle.policy.distribution.curves[unitPredikat] },
      override: { used: population?.override != null, justification: population?.override?.justification ?? null },
      standing: ownPredikat === null ? null : standingOf(counts, ownPredikat, minimum),
    };
    if (!namesPublished) return result;
    const names = await directoryNames(
      this.db,
      members.map((m) => m.nip),
    );
    return {
      ...result,
      members: members.map((m) => ({ nip: m.nip, name: names.get(m.nip) ?? null, predikat: m.predikat })),
    };
  }
}
