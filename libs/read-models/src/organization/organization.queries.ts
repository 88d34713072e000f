import type { Kysely } from 'kysely';
import { activeSchema } from '../../../projections/src/projection.js';
import { ORGANIZATION } from './organization.projection.js';
import type { OrganizationTables, UnitRow } from './organization.tables.js';

export interface AgencyView {
  agencyId: string;
  name: string;
  timeZone: string;
  registeredAt: string;
  rootUnitId: string | null;
  unitCount: number;
  revision: string;
}

export interface AgencyPage {
  items: AgencyView[];
  /** Pass as `after` for the next page (an agency id); null on the last page. */
  nextCursor: string | null;
}

export interface UnitView {
  unitId: string;
  name: string;
  parentUnitId: string | null;
  headNip: string | null;
  depth: number;
}

export interface UnitPage {
  items: UnitView[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

const toUnitView = (row: UnitRow): UnitView => ({
  unitId: row.unit_id,
  name: row.name,
  parentUnitId: row.parent_unit_id,
  headNip: row.head_nip,
  depth: row.depth,
});

export class OrganizationQueries {
  constructor(private readonly db: Kysely<unknown>) {}

  private async tables() {
    return (this.db as Kysely<OrganizationTables>).withSchema(await activeSchema(this.db, ORGANIZATION));
  }

  async findAgency(agencyId: string): Promise<AgencyView | undefined> {
    const db = await this.tables();
    const row = await db.selectFrom('agencies').selectAll().where('agency_id', '=', agencyId).executeTakeFirst();
    if (!row) return undefined;
    const units = await db
      .selectFrom('units')
      .select((eb) => [eb.fn.countAll<string>().as('count')])
      .where('agency_id', '=', agencyId)
      .executeTakeFirstOrThrow();
    const root = await db
      .selectFrom('units')
      .select('unit_id')
      .where('agency_id', '=', agencyId)
      .where('parent_unit_id', 'is', null)
      .executeTakeFirst();
    return {
      agencyId: row.agency_id,
      name: row.name,
      timeZone: row.time_zone,
      registeredAt: new Date(row.registered_at).toISOString(),
      rootUnitId: root?.unit_id ?? null,
      unitCount: Number(units.count),
      revision: row.stream_revision,
    };
  }

  /** Agencies by id, keyset-paginated; `agencyId` narrows the list to that one agency (HR sees only its own). */
  async listAgencies(filter: { after?: string; limit: number; agencyId?: string }): Promise<AgencyPage> {
    const db = await this.tables();
    let query = db
      .selectFrom('agencies as a')
      .selectAll('a')
      .select((eb) => [
        eb
          .selectFrom('units as u')
          .select((u) => u.fn.countAll<string>().as('n'))
          .whereRef('u.agency_id', '=', 'a.agency_id')
          .as('unit_count'),
        eb
          .selectFrom('units as r')
          .select('r.unit_id')
          .whereRef('r.agency_id', '=', 'a.agency_id')
          .where('r.parent_unit_id', 'is', null)
          .as('root_unit_id'),
      ])
      .orderBy('a.agency_id')
      .limit(filter.limit + 1);
    if (filter.agencyId !== undefined) query = query.where('a.agency_id', '=', filter.agencyId);
    if (filter.after) query = query.where('a.agency_id', '>', filter.after);
    const rows = await query.execute();
    const items = rows.slice(0, filter.limit).map((row) => ({
      agencyId: row.agency_id,
      name: row.name,
      timeZone: row.time_zone,
      registeredAt: new Date(row.registered_at).toISOString(),
      rootUnitId: row.root_unit_id ?? null,
      unitCount: Number(row.unit_count ?? 0),
      revision: row.stream_revision,
    }));
    return { items, nextCursor: rows.length > filter.limit ? items[items.length - 1].agencyId : null };
  }

  /** The unit tree in depth-first order (each unit before its descendants), keyset-paginated by unit id. */
  async listUnits(filter: {
    agencyId: string;
    after?: string;
    limit: number;
    parentUnitId?: string;
  }): Promise<UnitPage> {
    const db = await this.tables();
    let query = db
      .selectFrom('units')
      .selectAll()
      .where('agency_id', '=', filter.agencyId)
      .orderBy('path')
      .limit(filter.limit + 1);
    if (filter.parentUnitId) query = query.where('parent_unit_id', '=', filter.parentUnitId);
    if (filter.after) {
      const cursor = await db
        .selectFrom('units')
        .select('path')
        .where('agency_id', '=', filter.agencyId)
        .where('unit_id', '=', filter.after)
        .executeTakeFirst();
      if (cursor) query = query.where('path', '>', cursor.path);
    }
    const rows = await query.execute();
    const items = rows.slice(0, filter.limit).map(toUnitView);
    return { items, nextCursor: rows.length > filter.limit ? items[items.length - 1].unitId : null };
  }
}
