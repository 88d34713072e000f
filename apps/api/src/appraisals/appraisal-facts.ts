// Cross-stream facts for appraisal commands, each folded from the streams themselves (not from read models: a
// command must not be decided on data that lags behind the events): the cycle's phase, the appraisal itself,
// the rater's plan (cascading), the conflicts of interest declared against the rater, how a proposed
// peer reviewer stands to the employee, and the competency codes of the pinned framework version.
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import {
  appraisalStreamName,
  type AppraisalEvent,
  type FrameworkRef,
} from '../../../../libs/appraisal/src/appraisal/appraisal-events.js';
import type { RaterPlanFact, ReviewerFact } from '../../../../libs/appraisal/src/appraisal/appraisal-commands.js';
import {
  evolveAppraisal,
  initialAppraisalState,
  type ActiveAppraisal,
} from '../../../../libs/appraisal/src/appraisal/appraisal-state.js';
import { cycleStreamName, type CycleEvent } from '../../../../libs/appraisal/src/cycle/cycle-events.js';
import { evolveCycle, initialCycleState, type OpenedCycle } from '../../../../libs/appraisal/src/cycle/cycle-state.js';
import { cyclePopulationId } from '../../../../libs/appraisal/src/set-unit-predikat/set-unit-predikat.js';
import { raterPlanFact, type RaterPlan } from '../../../../libs/appraisal/src/plan/cascade-sources.js';
import { builtInLevelledCodes } from '../../../../libs/competency/src/built-in/catalogue.js';
import {
  frameworkStreamName,
  type FrameworkVersionPublished,
} from '../../../../libs/competency/src/framework/framework-events.js';
import type { RecordedEvent } from '../../../../libs/event-store/src/port.js';
import { effectiveRater } from '../../../../libs/organization/src/reporting-lines/derive-rater.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { loadState } from '../event-sourcing/load-state.js';
import { errorBody } from '../http/error-body.js';
import { OrganizationFacts } from '../organization/organization-facts.js';
import { INFRASTRUCTURE } from '../tokens.js';

export interface LoadedAppraisal {
  state: ActiveAppraisal;
  /** The stream's events as recorded (metadata, revision), and as domain events for the view. */
  recorded: RecordedEvent[];
  events: AppraisalEvent[];
  revision: bigint;
}

@Injectable()
export class AppraisalFacts {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure,
    private readonly organization: OrganizationFacts,
  ) {}

  /** The cycle, or 404 CYCLE_NOT_FOUND. */
  async cycle(cycleId: string): Promise<OpenedCycle> {
    const { state } = await loadState<ReturnType<typeof initialCycleState>, CycleEvent>(
      this.infrastructure.eventStore,
      cycleStreamName(cycleId),
      { initialState: initialCycleState, evolve: evolveCycle },
    );
    if (state.status === 'none') {
      throw new NotFoundException(errorBody(404, 'CYCLE_NOT_FOUND', `no appraisal cycle ${cycleId}`));
    }
    return state;
  }

  /** The appraisal of `nip` in the cycle, or 404 APPRAISAL_NOT_FOUND. */
  async appraisal(cycleId: string, nip: string): Promise<LoadedAppraisal> {
    const recorded = await this.infrastructure.eventStore.readStream(appraisalStreamName(cycleId, nip));
    const events = recorded.map((e) => ({ type: e.type, data: e.data }) as unknown as AppraisalEvent);
    const state = events.reduce(evolveAppraisal, initialAppraisalState());
    if (state.status === 'none') {
      throw new NotFoundException(errorBody(404, 'APPRAISAL_NOT_FOUND', `${nip} has no appraisal in cycle ${cycleId}`));
    }
    return { state, recorded, events, revision: recorded.at(-1)?.revision ?? -1n };
  }

  /** The rater's plan in the same cycle (RHK ids), or null when there is no rater or the rater has no appraisal. */
  async raterPlan(cycleId: string, raterNip: string | null): Promise<RaterPlanFact | null> {
    return raterPlanFact(await this.raterPlanContent(cycleId, raterNip));
  }

  /** The rater's plan in the same cycle with its RHK (titles, IKI) and status; null as for raterPlan. */
  async raterPlanContent(cycleId: string, raterNip: string | null): Promise<RaterPlan | null> {
    if (raterNip === null) return null;
    const { state } = await loadState(this.infrastructure.eventStore, appraisalStreamName(cycleId, raterNip), {
      initialState: initialAppraisalState,
      evolve: evolveAppraisal,
    });
    if (state.status === 'none') return null;
    return { raterNip, planStatus: state.plan.status, rhk: Object.values(state.plan.rhk) };
  }

  /**
   * The levelled competency codes (managerial, socio-cultural, technical) of the pinned framework version, from
   * its immutable FrameworkVersionPublished snapshot; the built-in catalogue's when the cycle pinned none.
   */
  async competencyCodes(frameworkRef: FrameworkRef | null): Promise<string[]> {
    if (frameworkRef === null) return builtInLevelledCodes();
    const events = await this.infrastructure.eventStore.readStream(frameworkStreamName(frameworkRef.frameworkId));
    const published = events.find(
      (e) =>
        e.type === 'FrameworkVersionPublished.v1' &&
        (e.data as FrameworkVersionPublished['data']).version === frameworkRef.version,
    );
    if (published === undefined) {
      // Opening a cycle pins only a published version, and published versions are never removed.
      throw new Error(`the pinned framework version ${frameworkRef.frameworkId} v${frameworkRef.version} is missing`);
    }
    const { content } = published.data as FrameworkVersionPublished['data'];
    return [...builtInLevelledCodes(content.builtIn), ...content.technical.map((t) => t.code)];
  }

  /** Ids of the active conflict-of-interest declarations between the employee and this rater. */
  async activeConflictOfInterestIds(nip: string, raterNip: string | null): Promise<string[]> {
    if (raterNip === null) return [];
    const employee = await this.organization.employee(nip);
    if (employee.status !== 'registered') return [];
    return Object.entries(employee.conflictsOfInterest)
      .filter(([, d]) => d.active && d.raterNip === raterNip)
      .map(([id]) => id);
  }

  /**
   * How `reviewerNip` stands to the appraised employee: PEER when their (effective) rater is the appraisal's
   * rater, SUBORDINATE when the employee rates them, else OTHER; null when not a registered employee. Derived
   * with the reporting-line rule from the employee and agency streams, so it never lags.
   */
  async reviewer(appraisal: ActiveAppraisal, reviewerNip: string): Promise<ReviewerFact | null> {
    const employee = await this.organization.employee(reviewerNip);
    if (employee.status !== 'registered') return null;
    const agency = await this.organization.agency(employee.agencyId);
    const units = agency.status === 'registered' ? agency.units : {};
    const { raterNip } = effectiveRater(units, {
      nip: reviewerNip,
      unitId: employee.unitId,
      override: employee.raterOverride,
    });
    const relation =
      raterNip !== null && raterNip === appraisal.nip
        ? 'SUBORDINATE'
        : raterNip !== null && raterNip === appraisal.raterNip
          ? 'PEER'
          : 'OTHER';
    return { nip: reviewerNip, relation, agencyId: employee.agencyId };
  }
}

/** Whether the appraisal's population (unit or agency, by the pinned policy's scope) is determined. */
export function populationDetermined(cycle: OpenedCycle, appraisal: ActiveAppraisal): boolean {
  const populationId = cyclePopulationId(cycle.policy.distribution.scope, appraisal);
  return cycle.populations[populationId]?.determination != null;
}
