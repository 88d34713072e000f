// The appraisal and cycle read models as the cycle routes use them: who is in a cycle and in a population,
// listings and aggregates. Decisions that must be consistent fold the streams instead (cycle-facts.ts).
import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import {
  listAppraisals,
  populationIdsOf,
  populationMembers,
  type AppraisalListFilter,
  type AppraisalPage,
  type PopulationMember,
} from '../../../../libs/read-models/src/appraisals/appraisals.queries.js';
import {
  cycleDistribution,
  getCycle,
  listCycles,
  type CycleDistribution,
  type CyclePage,
  type CycleView as CycleReadView,
} from '../../../../libs/read-models/src/appraisals/cycles.queries.js';
import type { CyclePhase } from '../../../../libs/appraisal/src/cycle/cycle-events.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { INFRASTRUCTURE } from '../tokens.js';

export type { PopulationMember };

const PAGE = 500;

@Injectable()
export class CycleReadModels {
  private readonly db: Kysely<unknown>;

  constructor(@Inject(INFRASTRUCTURE) infrastructure: Infrastructure) {
    this.db = infrastructure.readDb;
  }

  /** Populations with active appraisals: all must be determined before publication. */
  populationIds(cycleId: string): Promise<string[]> {
    return populationIdsOf(this.db, cycleId);
  }

  populationMembers(cycleId: string, populationId: string): Promise<PopulationMember[]> {
    return populationMembers(this.db, cycleId, populationId);
  }

  /** Does `nip` rate at least one active appraisal of the population? */
  async ratesIn(cycleId: string, populationId: string, nip: string): Promise<boolean> {
    const page = await listAppraisals(this.db, { cycleId, populationId, raterNip: nip, status: 'ACTIVE', limit: 1 });
    return page.items.length > 0;
  }

  /** NIPs of the cycle's appraisals (every status, or only `status`), all pages. */
  async appraisalNips(cycleId: string, status?: 'ACTIVE' | 'ENDED'): Promise<string[]> {
    const nips: string[] = [];
    let after: string | undefined;
    do {
      const page = await listAppraisals(this.db, { cycleId, status, after, limit: PAGE });
      nips.push(...page.items.map((a) => a.nip));
      after = page.nextCursor ?? undefined;
    } while (after);
    return nips;
  }

  activeAppraisalNips(cycleId: string): Promise<string[]> {
    return this.appraisalNips(cycleId, 'ACTIVE');
  }

  /** Active appraisals HR has not excluded from the assessment: those whose results are published. */
  async assessedAppraisalNips(cycleId: string): Promise<string[]> {
    const nips: string[] = [];
    let after: string | undefined;
    do {
      const page = await listAppraisals(this.db, { cycleId, status: 'ACTIVE', after, limit: PAGE });
      nips.push(...page.items.filter((a) => !a.excluded).map((a) => a.nip));
      after = page.nextCursor ?? undefined;
    } while (after);
    return nips;
  }

  listAppraisals(filter: AppraisalListFilter): Promise<AppraisalPage> {
    return listAppraisals(this.db, filter);
  }

  listCycles(filter: { agencyId?: string; phase?: CyclePhase; limit: number; after?: string }): Promise<CyclePage> {
    return listCycles(this.db, filter);
  }

  getCycle(cycleId: string): Promise<CycleReadView | undefined> {
    return getCycle(this.db, cycleId);
  }

  distribution(cycleId: string): Promise<CycleDistribution | undefined> {
    return cycleDistribution(this.db, cycleId);
  }
}
