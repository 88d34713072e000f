// Agencies and their unit trees, for GET /agencies/{id} and the unit listing in tree order (path) with depth.
import { sql, type Transaction } from 'kysely';
import type { RecordedEvent } from '../../../event-store/src/port.js';
import { AGENCY_EVENT_TYPES, type AgencyEvent } from '../../../organization/src/agency/agency-events.js';
import type { Projection } from '../../../projections/src/projection.js';
import type { OrganizationTables } from './organization.tables.js';

export const ORGANIZATION = 'organization';
/** Separator of unit ids in `path`: sorts below every slug character, so ORDER BY path is depth-first. */
export const PATH_SEPARATOR = ' ';

export const organizationProjection: Projection = {
  name: ORGANIZATION,
  version: 1,
  handles: AGENCY_EVENT_TYPES,

  async migrate(db, schema) {
    await db.schema
      .withSchema(schema)
      .createTable('agencies')
      .addColumn('agency_id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('registered_at', 'timestamptz', (c) => c.notNull())
      .addColumn('stream_revision', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .withSchema(schema)
      .createTable('units')
      .addColumn('agency_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('parent_unit_id', 'text')
      .addColumn('head_nip', 'char(18)')
      .addColumn('depth', 'integer', (c) => c.notNull())
      .addColumn('path', sql`text COLLATE "C"`, (c) => c.notNull())
      .addPrimaryKeyConstraint('units_pk', ['agency_id', 'unit_id'])
      .execute();
    await db.schema
      .withSchema(schema)
      .createIndex('units_agency_path')
      .on('units')
      .columns(['agency_id', 'path'])
      .execute();
  },

  async apply(trx, schema, events: RecordedEvent[]) {
    const db = (trx as Transaction<OrganizationTables>).withSchema(schema);
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as AgencyEvent;
      const agencyId = event.data.agencyId;
      if (event.type === 'AgencyRegistered.v1') {
        const { name, timeZone, registeredAt } = event.data;
        await db
          .insertInto('agencies')
          .values({ agency_id: agencyId, name, time_zone: timeZone, registered_at: registeredAt, stream_revision: '0' })
          .onConflict((oc) => oc.column('agency_id').doNothing())
          .execute();
      } else if (event.type === 'UnitCreated.v1') {
        const { unitId, name, parentUnitId } = event.data;
        const parent = parentUnitId
          ? await db
              .selectFrom('units')
              .select(['depth', 'path'])
              .where('agency_id', '=', agencyId)
              .where('unit_id', '=', parentUnitId)
              .executeTakeFirst()
          : undefined;
        await db
          .insertInto('units')
          .values({
            agency_id: agencyId,
            unit_id: unitId,
            name,
            parent_unit_id: parentUnitId,
            head_nip: null,
            depth: parent ? parent.depth + 1 : 0,
            path: parent ? `${parent.path}${PATH_SEPARATOR}${unitId}` : unitId,
          })
          .onConflict((oc) => oc.columns(['agency_id', 'unit_id']).doNothing())
          .execute();
      } else if (event.type === 'UnitRenamed.v1') {
        await db
          .updateTable('units')
          .set({ name: event.data.name })
          .where('agency_id', '=', agencyId)
          .where('unit_id', '=', event.data.unitId)
          .execute();
      } else if (event.type === 'UnitHeadAssigned.v1' || event.type === 'UnitHeadVacated.v1') {
        await db
          .updateTable('units')
          .set({ head_nip: event.type === 'UnitHeadAssigned.v1' ? event.data.nip : null })
          .where('agency_id', '=', agencyId)
          .where('unit_id', '=', event.data.unitId)
          .execute();
      } else if (event.type === 'UnitMoved.v1') {
        await moveSubtree(db, agencyId, event.data.unitId, event.data.toParentUnitId);
      }
      await db
        .updateTable('agencies')
        .set({ stream_revision: String(recorded.revision) })
        .where('agency_id', '=', agencyId)
        .execute();
    }
  },
};

type Db = ReturnType<Transaction<OrganizationTables>['withSchema']>;

/** Re-roots the unit's subtree: new path prefix and depth for the unit and all its descendants. */
async function moveSubtree(db: Db, agencyId: string, unitId: string, toParentUnitId: string): Promise<void> {
  const unitOf = (id: string) =>
    db
      .selectFrom('units')
      .select(['depth', 'path'])
      .where('agency_id', '=', agencyId)
      .where('unit_id', '=', id)
      .executeTakeFirst();
  const [unit, parent] = [await unitOf(unitId), await unitOf(toParentUnitId)];
  if (!unit || !parent) return;
  const newPath = `${parent.path}${PATH_SEPARATOR}${unitId}`;
  const delta = parent.depth + 1 - unit.depth;
  await db
    .updateTable('units')
    .set({
      path: sql`${newPath} || substr(path, ${unit.path.length + 1})`,
      depth: sql`depth + ${delta}`,
      parent_unit_id: sql`CASE WHEN unit_id = ${unitId} THEN ${toParentUnitId} ELSE parent_unit_id END`,
    })
    .where('agency_id', '=', agencyId)
    .where((eb) =>
      eb.or([eb('path', '=', unit.path), eb(sql`starts_with(path, ${unit.path + PATH_SEPARATOR})`, '=', true)]),
    )
    .execute();
}
