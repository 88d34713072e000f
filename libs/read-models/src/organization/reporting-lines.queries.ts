import { sql, type Kysely } from 'kysely';
import { activeSchema } from '../../../projections/src/projection.js';
import { REPORTING_LINES } from './reporting-lines.projection.js';
import type { ReportingLinesTables } from './reporting-lines.tables.js';

export interface PersonRef {
  nip: string;
  name: string | null;
}

export interface ReportingLineView {
  nip: string;
  agencyId: string;
  /** pejabat penilai; null at the top of the tree */
  rater: PersonRef | null;
  /** atasan pejabat penilai: the rater's own rater */
  raterSupervisor: PersonRef | null;
  source: 'derived' | 'override';
  /** the override's reason (null when derived) */
  reason: string | null;
}

export interface ReportsView {
  nip: string;
  /** employees this person rates */
  directReports: PersonRef[];
  /** employees whose rater this person rates (this person is their atasan pejabat penilai) */
  reportsOfReports: PersonRef[];
}

/** Someone nobody can rate (no pejabat penilai) or approve for (no atasan pejabat penilai). */
export interface PersonWithoutRater {
  nip: string;
  name: string;
  unitId: string | null;
  rater: PersonRef | null;
  raterSupervisor: PersonRef | null;
  source: 'derived' | 'override' | null;
}

export interface PeopleWithoutRaterPage {
  items: PersonWithoutRater[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

export class ReportingLinesQueries {
  constructor(private readonly db: Kysely<unknown>) {}

  private async tables() {
    return (this.db as Kysely<ReportingLinesTables>).withSchema(await activeSchema(this.db, REPORTING_LINES));
  }

  async lineOf(nip: string): Promise<ReportingLineView | undefined> {
    const row = await (
      await this.tables()
    )
      .selectFrom('lines as l')
      .leftJoin('members as r', 'r.nip', 'l.rater_nip')
      .leftJoin('members as s', 's.nip', 'l.supervisor_nip')
      .select(['l.nip', 'l.agency_id', 'l.rater_nip', 'l.supervisor_nip', 'l.source', 'l.reason'])
      .select(['r.name as rater_name', 's.name as supervisor_name'])
      .where('l.nip', '=', nip)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      nip: row.nip,
      agencyId: row.agency_id,
      rater: row.rater_nip ? { nip: row.rater_nip, name: row.rater_name } : null,
      raterSupervisor: row.supervisor_nip ? { nip: row.supervisor_nip, name: row.supervisor_name } : null,
      source: row.source,
      reason: row.reason,
    };
  }

  /**
   * The lines of many employees in one query (a cycle opening reads thousands, one round trip each was most of
   * its time): by NIP, absent when an employee has no line yet. Duplicates in `nips` are fine.
   */
  async linesOf(nips: readonly string[]): Promise<Map<string, ReportingLineView>> {
    const lines = new Map<string, ReportingLineView>();
    if (nips.length === 0) return lines;
    const rows = await (
      await this.tables()
    )
      .selectFrom('lines as l')
      .leftJoin('members as r', 'r.nip', 'l.rater_nip')
      .leftJoin('members as s', 's.nip', 'l.supervisor_nip')
      .select(['l.nip', 'l.agency_id', 'l.rater_nip', 'l.supervisor_nip', 'l.source', 'l.reason'])
      .select(['r.name as rater_name', 's.name as supervisor_name'])
      .where('l.nip', '=', sql<string>`any(${[...new Set(nips)]}::text[])`)
      .execute();
    for (const row of rows) {
      lines.set(row.nip, {
        nip: row.nip,
        agencyId: row.agency_id,
        rater: row.rater_nip ? { nip: row.rater_nip, name: row.rater_name } : null,
        raterSupervisor: row.supervisor_nip ? { nip: row.supervisor_nip, name: row.supervisor_name } : null,
        source: row.source,
        reason: row.reason,
      });
    }
    return lines;
  }

  /**
   * An agency's people without a rater (RATER), without a rater's supervisor (RATER_SUPERVISOR: includes those
   * without a rater, who have neither), or either (no `missing`), keyset-paginated by NIP. Someone whose line is
   * not derived yet counts as without a rater.
   */
  async peopleWithoutRater(filter: {
    agencyId: string;
    missing?: 'RATER' | 'RATER_SUPERVISOR';
    after?: string;
    limit: number;
  }): Promise<PeopleWithoutRaterPage> {
    let query = (await this.tables())
      .selectFrom('members as m')
      .leftJoin('lines as l', 'l.nip', 'm.nip')
      .leftJoin('members as r', 'r.nip', 'l.rater_nip')
      .leftJoin('members as s', 's.nip', 'l.supervisor_nip')
      .select(['m.nip', 'm.name', 'm.unit_id', 'l.rater_nip', 'l.supervisor_nip', 'l.source'])
      .select(['r.name as rater_name', 's.name as supervisor_name'])
      .where('m.agency_id', '=', filter.agencyId)
      .orderBy('m.nip')
      .limit(filter.limit + 1);
    if (filter.missing === 'RATER') query = query.where('l.rater_nip', 'is', null);
    else if (filter.missing === 'RATER_SUPERVISOR') query = query.where('l.supervisor_nip', 'is', null);
    else query = query.where((eb) => eb.or([eb('l.rater_nip', 'is', null), eb('l.supervisor_nip', 'is', null)]));
    if (filter.after !== undefined) query = query.where('m.nip', '>', filter.after);
    const rows = await query.execute();
    const items = rows.slice(0, filter.limit).map((row) => ({
      nip: row.nip,
      name: row.name,
      unitId: row.unit_id,
      rater: row.rater_nip ? { nip: row.rater_nip, name: row.rater_name } : null,
      raterSupervisor: row.supervisor_nip ? { nip: row.supervisor_nip, name: row.supervisor_name } : null,
      source: row.source,
    }));
    return { items, nextCursor: rows.length > filter.limit ? items[items.length - 1].nip : null };
  }

  /** For relation-based access in later issues: whom does this person rate, directly and one level down? */
  async reportsOf(nip: string): Promise<ReportsView> {
    const db = await this.tables();
    const people = (column: 'rater_nip' | 'supervisor_nip') =>
      db
        .selectFrom('lines as l')
        .leftJoin('members as m', 'm.nip', 'l.nip')
        .select(['l.nip', 'm.name'])
        .where(`l.${column}`, '=', nip)
        .orderBy('l.nip')
        .execute();
    const [direct, indirect] = [await people('rater_nip'), await people('supervisor_nip')];
    return { nip, directReports: direct, reportsOfReports: indirect };
  }
}
