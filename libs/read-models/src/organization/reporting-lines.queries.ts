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
