import type { Kysely } from 'kysely';
import { activeSchema } from '../../../projections/src/projection.js';
import { EMPLOYEE_DIRECTORY } from './employee-directory.projection.js';
import type { EmployeeDirectoryTables, EmployeeRow } from './employee-directory.tables.js';

export interface EmployeeView {
  nip: string;
  name: string;
  employmentType: string;
  agencyId: string;
  unitId: string | null;
  positionTitle: string | null;
  golongan: string | null;
  jobType: string | null;
  registeredAt: string;
  revision: string;
}

export interface EmployeePage {
  items: EmployeeView[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

const toView = (row: EmployeeRow): EmployeeView => ({
  nip: row.nip,
  name: row.name,
  employmentType: row.employment_type,
  agencyId: row.agency_id,
  unitId: row.unit_id,
  positionTitle: row.position_title,
  golongan: row.golongan,
  jobType: row.job_type,
  registeredAt: new Date(row.registered_at).toISOString(),
  revision: row.stream_revision,
});

export class EmployeeDirectoryQueries {
  constructor(private readonly db: Kysely<unknown>) {}

  private async tables() {
    const schema = await activeSchema(this.db, EMPLOYEE_DIRECTORY);
    return (this.db as Kysely<EmployeeDirectoryTables>).withSchema(schema);
  }

  async findByNip(nip: string): Promise<EmployeeView | undefined> {
    const row = await (
      await this.tables()
    )
      .selectFrom('employees')
      .selectAll()
      .where('nip', '=', nip)
      .executeTakeFirst();
    return row ? toView(row) : undefined;
  }

  /** Keyset pagination by NIP, so pages stay stable while employees are added. */
  async list(filter: { agencyId?: string; unitId?: string; after?: string; limit: number }): Promise<EmployeePage> {
    let query = (await this.tables())
      .selectFrom('employees')
      .selectAll()
      .orderBy('nip')
      .limit(filter.limit + 1);
    if (filter.agencyId) query = query.where('agency_id', '=', filter.agencyId);
    if (filter.unitId) query = query.where('unit_id', '=', filter.unitId);
    if (filter.after) query = query.where('nip', '>', filter.after);
    const rows = await query.execute();
    const page = rows.slice(0, filter.limit).map(toView);
    return { items: page, nextCursor: rows.length > filter.limit ? page[page.length - 1].nip : null };
  }
}
