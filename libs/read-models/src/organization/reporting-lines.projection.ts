// reporting_lines: every employee's pejabat penilai and atasan pejabat penilai, derived from the unit tree and
// unit heads (libs/organization/src/reporting-lines/derive-rater.ts) or overridden by HR.
//
// The projection keeps its own copy of the tree (units) and of memberships (members), and recomputes, at the
// end of each batch, only the lines that can have changed: employees touched directly (registered, moved,
// override set or cleared, named in a head change) and every member of a unit subtree whose head or parent
// changed. Then the atasan of those employees and of their direct reports is re-read from their raters' lines.
// The result depends only on the events, not on how they were batched (a rebuild gives the same tables).
import { sql, type Transaction } from 'kysely';
import type { RecordedEvent } from '../../../event-store/src/port.js';
import type { AgencyEvent } from '../../../organization/src/agency/agency-events.js';
import { upcastRegistration, type EmployeeEvent } from '../../../organization/src/employee/employee-events.js';
import { effectiveRater, type UnitNode } from '../../../organization/src/reporting-lines/derive-rater.js';
import type { Projection } from '../../../projections/src/projection.js';
import type { ReportingLinesTables, RlLineRow } from './reporting-lines.tables.js';

export const REPORTING_LINES = 'reporting_lines';

type Db = ReturnType<Transaction<ReportingLinesTables>['withSchema']>;

interface Dirty {
  nips: Set<string>;
  /** agency id -> unit ids whose subtree must be recomputed */
  units: Map<string, Set<string>>;
}

export const reportingLinesProjection: Projection = {
  name: REPORTING_LINES,
  version: 1,
  handles: [
    'UnitCreated.v1',
    'UnitMoved.v1',
    'UnitHeadAssigned.v1',
    'UnitHeadVacated.v1',
    'EmployeeRegistered.v1',
    'EmployeeRegistered.v2',
    'EmployeeMoved.v1',
    'EmployeeRenamed.v1',
    'RaterOverridden.v1',
    'RaterOverrideCleared.v1',
  ],

  async migrate(db, schema) {
    const s = db.schema.withSchema(schema);
    await s
      .createTable('units')
      .addColumn('agency_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('parent_unit_id', 'text')
      .addColumn('head_nip', 'text')
      .addPrimaryKeyConstraint('rl_units_pk', ['agency_id', 'unit_id'])
      .execute();
    await s
      .createTable('members')
      .addColumn('nip', 'text', (c) => c.primaryKey())
      .addColumn('agency_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('override_rater_nip', 'text')
      .addColumn('override_reason', 'text')
      .execute();
    await s.createIndex('members_agency_unit').on('members').columns(['agency_id', 'unit_id']).execute();
    await s
      .createTable('lines')
      .addColumn('nip', 'text', (c) => c.primaryKey())
      .addColumn('agency_id', 'text', (c) => c.notNull())
      .addColumn('rater_nip', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('supervisor_nip', 'text')
      .execute();
    await s.createIndex('lines_rater').on('lines').column('rater_nip').execute();
    await s.createIndex('lines_supervisor').on('lines').column('supervisor_nip').execute();
  },

  async apply(trx, schema, events: RecordedEvent[]) {
    const db = (trx as Transaction<ReportingLinesTables>).withSchema(schema);
    const dirty: Dirty = { nips: new Set(), units: new Map() };
    const markUnit = (agencyId: string, unitId: string) =>
      dirty.units.set(agencyId, (dirty.units.get(agencyId) ?? new Set()).add(unitId));
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as AgencyEvent | EmployeeEvent;
      switch (event.type) {
        case 'UnitCreated.v1': {
          const { agencyId, unitId, parentUnitId } = event.data;
          await db
            .insertInto('units')
            .values({ agency_id: agencyId, unit_id: unitId, parent_unit_id: parentUnitId, head_nip: null })
            .onConflict((oc) => oc.columns(['agency_id', 'unit_id']).doNothing())
            .execute();
          break;
        }
        case 'UnitMoved.v1':
        case 'UnitHeadAssigned.v1':
        case 'UnitHeadVacated.v1': {
          const { agencyId, unitId } = event.data;
          const change =
            event.type === 'UnitMoved.v1'
              ? { parent_unit_id: event.data.toParentUnitId }
              : { head_nip: event.type === 'UnitHeadAssigned.v1' ? event.data.nip : null };
          await db
            .updateTable('units')
            .set(change)
            .where('agency_id', '=', agencyId)
            .where('unit_id', '=', unitId)
            .execute();
          markUnit(agencyId, unitId);
          if (event.type === 'UnitHeadAssigned.v1') {
            dirty.nips.add(event.data.nip);
            if (event.data.previousNip) dirty.nips.add(event.data.previousNip);
          }
          // The former head is now a plain member (of this unit, or of another one they moved to).
          if (event.type === 'UnitHeadVacated.v1') dirty.nips.add(event.data.previousNip);
          break;
        }
        case 'EmployeeRegistered.v1':
        case 'EmployeeRegistered.v2': {
          const r = upcastRegistration(event);
          await db
            .insertInto('members')
            .values({
              nip: r.nip,
              agency_id: r.agencyId,
              unit_id: r.unitId,
              name: r.name,
              override_rater_nip: null,
              override_reason: null,
            })
            .onConflict((oc) => oc.column('nip').doNothing())
            .execute();
          dirty.nips.add(r.nip);
          break;
        }
        case 'EmployeeMoved.v1':
          await db
            .updateTable('members')
            .set({ unit_id: event.data.toUnitId })
            .where('nip', '=', event.data.nip)
            .execute();
          dirty.nips.add(event.data.nip);
          break;
        case 'EmployeeRenamed.v1':
          // Only the name shown beside rater and atasan changes: no line is recomputed.
          await db.updateTable('members').set({ name: event.data.name }).where('nip', '=', event.data.nip).execute();
          break;
        case 'RaterOverridden.v1':
        case 'RaterOverrideCleared.v1': {
          const override =
            event.type === 'RaterOverridden.v1'
              ? { override_rater_nip: event.data.raterNip, override_reason: event.data.reason }
              : { override_rater_nip: null, override_reason: null };
          await db.updateTable('members').set(override).where('nip', '=', event.data.nip).execute();
          dirty.nips.add(event.data.nip);
          break;
        }
      }
    }
    await recompute(db, schema, dirty);
  },
};

async function recompute(db: Db, schema: string, dirty: Dirty): Promise<void> {
  // The agencies concerned: those of changed units and those of directly touched employees.
  const touched = dirty.nips.size
    ? await db
        .selectFrom('members')
        .select(['nip', 'agency_id'])
        .where(sql<boolean>`nip = ANY(${[...dirty.nips]})`)
        .execute()
    : [];
  const agencies = new Set([...dirty.units.keys(), ...touched.map((m) => m.agency_id)]);
  const recomputed: string[] = [];
  for (const agencyId of agencies) {
    const unitRows = await db.selectFrom('units').selectAll().where('agency_id', '=', agencyId).execute();
    const units: Record<string, UnitNode> = {};
    const children = new Map<string, string[]>();
    for (const u of unitRows) {
      units[u.unit_id] = { parentUnitId: u.parent_unit_id, headNip: u.head_nip };
      if (u.parent_unit_id) children.set(u.parent_unit_id, [...(children.get(u.parent_unit_id) ?? []), u.unit_id]);
    }
    const subtreeUnits = new Set<string>();
    const stack = [...(dirty.units.get(agencyId) ?? [])];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (subtreeUnits.has(id)) continue;
      subtreeUnits.add(id);
      stack.push(...(children.get(id) ?? []));
    }
    const nips = touched.filter((m) => m.agency_id === agencyId).map((m) => m.nip);
    const members = await db
      .selectFrom('members')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where((eb) =>
        eb.or([
          eb(sql<boolean>`nip = ANY(${nips})`, '=', true),
          eb(sql<boolean>`unit_id = ANY(${[...subtreeUnits]})`, '=', true),
        ]),
      )
      .execute();
    const lines: RlLineRow[] = members.map((m) => {
      const override = m.override_rater_nip
        ? { raterNip: m.override_rater_nip, reason: m.override_reason ?? '' }
        : null;
      const line = effectiveRater(units, { nip: m.nip, unitId: m.unit_id, override });
      return {
        nip: m.nip,
        agency_id: agencyId,
        rater_nip: line.raterNip,
        source: line.source,
        reason: line.reason,
        supervisor_nip: null,
      };
    });
    for (let i = 0; i < lines.length; i += 1000) {
      await db
        .insertInto('lines')
        .values(lines.slice(i, i + 1000))
        .onConflict((oc) =>
          oc.column('nip').doUpdateSet({
            rater_nip: sql`excluded.rater_nip`,
            source: sql`excluded.source`,
            reason: sql`excluded.reason`,
          }),
        )
        .execute();
    }
    recomputed.push(...lines.map((l) => l.nip));
  }
  if (recomputed.length === 0) return;
  // Atasan pejabat penilai = the rater's rater: for the recomputed employees and for everyone they rate.
  await db
    .updateTable('lines as l')
    .set({ supervisor_nip: sql`(SELECT r.rater_nip FROM ${sql.table(`${schema}.lines`)} r WHERE r.nip = l.rater_nip)` })
    .where((eb) =>
      eb.or([
        eb(sql<boolean>`l.nip = ANY(${recomputed})`, '=', true),
        eb(sql<boolean>`l.rater_nip = ANY(${recomputed})`, '=', true),
      ]),
    )
    .execute();
}
