// Cross-stream facts the cycle routes decide on. The cycle, appraisals, agency tree and policy come from their
// streams (consistent with every write before); who is in scope, their reporting line and the framework's
// contents come from read models (the brief's and DESIGN's choice: people lists are queries, not folds).
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { JobType } from '../../../../libs/organization/src/employee/position.js';
import type { AgencyState } from '../../../../libs/organization/src/agency/agency-state.js';
import { cycleStreamName, type CycleEvent } from '../../../../libs/appraisal/src/cycle/cycle-events.js';
import type { PhaseChange } from '../../../../libs/read-models/src/appraisals/cycles.tables.js';
import { evolveCycle, initialCycleState, type OpenedCycle } from '../../../../libs/appraisal/src/cycle/cycle-state.js';
import { appraisalStreamName, type FrameworkRef } from '../../../../libs/appraisal/src/appraisal/appraisal-events.js';
import {
  evolveAppraisal,
  initialAppraisalState,
  type AppraisalState,
} from '../../../../libs/appraisal/src/appraisal/appraisal-state.js';
import {
  NATIONAL_SCOPE,
  policyStreamName,
  type PolicyVersionPublished,
} from '../../../../libs/policy/src/versions/policy-events.js';
import { policyToPin, type PublishedPolicyVersion } from '../../../../libs/policy/src/versions/published-versions.js';
import { EmployeeDirectoryQueries } from '../../../../libs/read-models/src/employee-directory/employee-directory.queries.js';
import { ReportingLinesQueries } from '../../../../libs/read-models/src/organization/reporting-lines.queries.js';
import { FrameworkQueries } from '../../../../libs/read-models/src/frameworks/frameworks.queries.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { loadState } from '../event-sourcing/load-state.js';
import { errorBody } from '../http/error-body.js';
import { OrganizationFacts } from '../organization/organization-facts.js';
import { INFRASTRUCTURE } from '../tokens.js';

export type RegisteredAgency = Extract<AgencyState, { status: 'registered' }>;

/** A registered employee now in a cycle's scope, with the reporting line the read model derives. */
export interface PersonInScope {
  nip: string;
  unitId: string;
  jobType: JobType | null;
  raterNip: string | null;
  raterSupervisorNip: string | null;
}

const PAGE = 500;

@Injectable()
export class CycleFacts {
  private readonly directory: EmployeeDirectoryQueries;
  private readonly lines: ReportingLinesQueries;
  private readonly frameworks: FrameworkQueries;

  constructor(
    @Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure,
    private readonly organization: OrganizationFacts,
  ) {
    this.directory = new EmployeeDirectoryQueries(infrastructure.readDb);
    this.lines = new ReportingLinesQueries(infrastructure.readDb);
    this.frameworks = new FrameworkQueries(infrastructure.readDb);
  }

  /** The cycle folded from its stream, with its revision (the ETag); 404 CYCLE_NOT_FOUND when never opened. */
  async cycle(cycleId: string): Promise<{ cycle: OpenedCycle; revision: bigint }> {
    const loaded = await this.cycleIfAny(cycleId);
    if (!loaded) throw new NotFoundException(errorBody(404, 'CYCLE_NOT_FOUND', `no cycle ${cycleId}`));
    return loaded;
  }

  async cycleIfAny(cycleId: string): Promise<{ cycle: OpenedCycle; revision: bigint } | undefined> {
    const { state, revision } = await loadState(this.infrastructure.eventStore, cycleStreamName(cycleId), {
      initialState: initialCycleState,
      evolve: evolveCycle,
    });
    return state.status === 'opened' ? { cycle: state, revision } : undefined;
  }

  /**
   * The cycle with its phase history as the stream has it (who moved it, when, why, and how many appraisals were
   * not ready), for the single-cycle read; 404 CYCLE_NOT_FOUND when never opened.
   */
  async cycleWithHistory(
    cycleId: string,
  ): Promise<{ cycle: OpenedCycle; revision: bigint; phaseHistory: PhaseChange[] }> {
    const events = await this.infrastructure.eventStore.readStream(cycleStreamName(cycleId));
    let state = initialCycleState();
    const phaseHistory: PhaseChange[] = [];
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as unknown as CycleEvent;
      state = evolveCycle(state, event);
      if (event.type !== 'CyclePhaseAdvanced.v1') continue;
      const { from, to, reason, advancedAt, notReady } = event.data;
      const { id, role } = recorded.metadata.actor;
      phaseHistory.push({
        from,
        to,
        reason,
        at: advancedAt,
        by: { id, role },
        ...(notReady ? { notReady: notReady.notReady } : {}),
      });
    }
    if (state.status !== 'opened')
      throw new NotFoundException(errorBody(404, 'CYCLE_NOT_FOUND', `no cycle ${cycleId}`));
    return { cycle: state, revision: events.at(-1)?.revision ?? -1n, phaseHistory };
  }

  /** One appraisal folded from its stream (`none` when it was never started). */
  async appraisal(cycleId: string, nip: string): Promise<AppraisalState> {
    const { state } = await loadState(this.infrastructure.eventStore, appraisalStreamName(cycleId, nip), {
      initialState: initialAppraisalState,
      evolve: evolveAppraisal,
    });
    return state;
  }

  /** 404 AGENCY_NOT_FOUND for an unregistered agency. */
  async agency(agencyId: string): Promise<RegisteredAgency> {
    const agency = await this.organization.agency(agencyId);
    if (agency.status !== 'registered') {
      throw new NotFoundException(errorBody(404, 'AGENCY_NOT_FOUND', `no agency ${agencyId}`));
    }
    return agency;
  }

  /** What a cycle opening now pins: the agency's latest policy version, else the national latest. */
  async policyToPin(agencyId: string): Promise<PublishedPolicyVersion> {
    const events = async (scope: string) =>
      (await this.infrastructure.eventStore.readStream(policyStreamName(scope))).map(
        (e) => ({ type: e.type, data: e.data }) as unknown as PolicyVersionPublished,
      );
    return policyToPin(agencyId, await events(agencyId), await events(NATIONAL_SCOPE));
  }

  /**
   * The agency's most recently published framework version, or null (the built-ins only). An agency normally
   * has one framework; with several, the newest publication wins.
   */
  async frameworkToPin(agencyId: string): Promise<FrameworkRef | null> {
    let best: { ref: FrameworkRef; publishedAt: string } | null = null;
    let after: string | undefined;
    do {
      const page = await this.frameworks.listFrameworks({ agencyId, after, limit: PAGE });
      for (const framework of page.items) {
        if (framework.latestPublishedVersion === null) continue;
        const version = await this.frameworks.findVersion(framework.frameworkId, framework.latestPublishedVersion);
        const publishedAt = version?.publishedAt ?? '';
        if (best === null || publishedAt > best.publishedAt) {
          best = {
            ref: { frameworkId: framework.frameworkId, version: framework.latestPublishedVersion },
            publishedAt,
          };
        }
      }
      after = page.nextCursor ?? undefined;
    } while (after);
    return best?.ref ?? null;
  }

  /**
   * For the pinned framework version (read once): the competency levels an employee's position requires ([]
   * when none). A position requirement matches the employee's positionTitle by code or by title (case and
   * spacing ignored): employees carry a title, not a code.
   */
  async requiredLevelsIn(
    frameworkRef: FrameworkRef | null,
  ): Promise<(nip: string) => Promise<{ code: string; level: number }[]>> {
    const version = frameworkRef && (await this.frameworks.findVersion(frameworkRef.frameworkId, frameworkRef.version));
    const requirements = version?.positionRequirements ?? [];
    return async (nip) => {
      if (requirements.length === 0) return [];
      const employee = await this.organization.employee(nip);
      if (employee.status !== 'registered' || employee.positionTitle === null) return [];
      const title = normalise(employee.positionTitle);
      const requirement = requirements.find(
        (r) => normalise(r.positionCode) === title || normalise(r.positionTitle) === title,
      );
      return (requirement?.levels ?? []).map((l) => ({ code: l.competencyCode, level: l.level }));
    };
  }

  /** Registered employees of the agency whose unit is one of `unitIds`, with their current reporting line. */
  async peopleInScope(agencyId: string, unitIds: readonly string[]): Promise<PersonInScope[]> {
    const units = new Set(unitIds);
    const people: PersonInScope[] = [];
    let after: string | undefined;
    do {
      const page = await this.directory.list({ agencyId, after, limit: PAGE });
      const inScope = page.items.filter(
        (e): e is typeof e & { unitId: string } => e.unitId !== null && units.has(e.unitId),
      );
      // One query for the page's reporting lines: one per person made this most of a large opening's time.
      const lines = await this.lines.linesOf(inScope.map((e) => e.nip));
      for (const e of inScope) {
        const line = lines.get(e.nip);
        people.push({
          nip: e.nip,
          unitId: e.unitId,
          jobType: e.jobType as JobType | null,
          raterNip: line?.rater?.nip ?? null,
          raterSupervisorNip: line?.raterSupervisor?.nip ?? null,
        });
      }
      after = page.nextCursor ?? undefined;
    } while (after);
    return people;
  }

  /**
   * "The leader one level up" of a unit (DOMAIN section 6): the pejabat penilai of the unit's head; for a unit
   * without a head, the nearest head above it. null for the agency's root unit (nobody above it in the agency).
   */
  async leaderOneLevelUp(agencyId: string, unitId: string): Promise<string | null> {
    const agency = await this.organization.agency(agencyId);
    if (agency.status !== 'registered' || !agency.units[unitId]) return null;
    const head = agency.units[unitId].headNip;
    if (head !== null) return (await this.lines.lineOf(head))?.rater?.nip ?? null;
    const seen = new Set<string>([unitId]);
    for (let id = agency.units[unitId].parentUnitId; id !== null && !seen.has(id);) {
      seen.add(id);
      const unit = agency.units[id];
      if (!unit) return null;
      if (unit.headNip !== null) return unit.headNip;
      id = unit.parentUnitId;
    }
    return null;
  }
}

const normalise = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
