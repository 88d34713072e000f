// The readiness report of a phase change (README "Appraisal cycles", readiness): the cycle's appraisals from the
// read model, judged by the domain rule (libs/appraisal/src/advance-cycle-phase/cycle-readiness.ts) against the
// cycle's populations as its stream stands.
import { Inject, Injectable } from '@nestjs/common';
import {
  countUnready,
  readinessRequirement,
  unreadyStatus,
  type ReadinessCounts,
} from '../../../../../libs/appraisal/src/advance-cycle-phase/cycle-readiness.js';
import type { CyclePhase } from '../../../../../libs/appraisal/src/cycle/cycle-events.js';
import type { OpenedCycle } from '../../../../../libs/appraisal/src/cycle/cycle-state.js';
import type { AppraisalSummary } from '../../../../../libs/read-models/src/appraisals/appraisals.queries.js';
import { EmployeeDirectoryQueries } from '../../../../../libs/read-models/src/employee-directory/employee-directory.queries.js';
import type { Infrastructure } from '../../../../../libs/runtime/src/infrastructure.js';
import { INFRASTRUCTURE } from '../../tokens.js';
import { CycleReadModels } from '../cycle-read-models.js';

const PAGE = 500;

export interface UnreadyPerson {
  nip: string;
  /** From the employee directory; null when it does not know the NIP. */
  name: string | null;
  unitId: string;
  populationId: string;
  status: string;
  planStatus: AppraisalSummary['planStatus'];
  ratingStatus: AppraisalSummary['ratingStatus'];
  raterNip: string | null;
}

export interface UnreadyPage {
  to: CyclePhase;
  items: UnreadyPerson[];
  nextCursor: string | null;
}

@Injectable()
export class CycleReadiness {
  private readonly directory: EmployeeDirectoryQueries;

  constructor(
    private readonly readModels: CycleReadModels,
    @Inject(INFRASTRUCTURE) infrastructure: Infrastructure,
  ) {
    this.directory = new EmployeeDirectoryQueries(infrastructure.readDb);
  }

  async report(cycle: OpenedCycle, to: CyclePhase): Promise<ReadinessCounts> {
    if (readinessRequirement(to) === null) return countUnready(to, []);
    const facts = [];
    for await (const a of this.activeAppraisals(cycle.cycleId)) facts.push(this.fact(cycle, a));
    return countUnready(to, facts);
  }

  /** The unready appraisals, by NIP after `after`, optionally of one unit and status. */
  async people(
    cycle: OpenedCycle,
    to: CyclePhase,
    filter: { unitId?: string; status?: string; after?: string; limit: number },
  ): Promise<UnreadyPage> {
    const requirement = readinessRequirement(to);
    const found: UnreadyPerson[] = [];
    if (requirement !== null) {
      for await (const a of this.activeAppraisals(cycle.cycleId, filter.unitId, filter.after)) {
        const status = unreadyStatus(requirement, this.fact(cycle, a));
        if (status === null || (filter.status !== undefined && status !== filter.status)) continue;
        found.push({
          nip: a.nip,
          name: null,
          unitId: a.unitId,
          populationId: a.populationId,
          status,
          planStatus: a.planStatus,
          ratingStatus: a.ratingStatus,
          raterNip: a.raterNip,
        });
        if (found.length > filter.limit) break;
      }
    }
    const items = found.slice(0, filter.limit);
    for (const item of items) item.name = (await this.directory.findByNip(item.nip))?.name ?? null;
    return { to, items, nextCursor: found.length > filter.limit ? items[items.length - 1].nip : null };
  }

  private fact(cycle: OpenedCycle, a: AppraisalSummary) {
    return {
      unitId: a.unitId,
      active: a.status === 'ACTIVE',
      excluded: a.excluded,
      planStatus: a.planStatus,
      ratingStatus: a.ratingStatus,
      populationDetermined: (cycle.populations[a.populationId]?.determination ?? null) !== null,
    };
  }

  private async *activeAppraisals(cycleId: string, unitId?: string, after?: string): AsyncGenerator<AppraisalSummary> {
    let cursor = after;
    do {
      const page = await this.readModels.listAppraisals({
        cycleId,
        unitId,
        status: 'ACTIVE',
        after: cursor,
        limit: PAGE,
      });
      yield* page.items;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
}
