// Cross-stream facts for appraisal commands, each folded from the streams themselves (not from read models: a
// command must not be decided on data that lags behind the events): the cycle's phase, the appraisal itself,
// the rater's plan (cascading), the conflicts of interest declared against the rater, and how a proposed
// peer reviewer stands to the employee.
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { appraisalStreamName, type AppraisalEvent } from '../../../../libs/appraisal/src/appraisal/appraisal-events.js';
import type { RaterPlanFact, ReviewerFact } from '../../../../libs/appraisal/src/appraisal/appraisal-commands.js';
import {
  evolveAppraisal,
  initialAppraisalState,
  type ActiveAppraisal,
} from '../../../../libs/appraisal/src/appraisal/appraisal-state.js';
import { cycleStreamName, type CycleEvent } from '../../../../libs/appraisal/src/cycle/cycle-events.js';
import { evolveCycle, initialCycleState, type OpenedCycle } from '../../../../libs/appraisal/src/cycle/cycle-state.js';
import { cyclePopulationId } from '../../../../libs/appraisal/src/set-unit-predikat/set-unit-predikat.js';
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
    if (raterNip === null) return null;
    const { state } = await loadState(this.infrastructure.eventStore, appraisalStreamName(cycleId, raterNip), {
      initialState: initialAppraisalState,
      evolve: evolveAppraisal,
    });
    if (state.status === 'none') return null;
    return { raterNip, rhkIds: Object.keys(state.plan.rhk) };
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
