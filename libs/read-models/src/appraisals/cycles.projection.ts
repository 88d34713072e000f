// cycles: one row per cycle stream (`cycle-{cycleId}`) with its phase history, and one row per population whose
// unit predikat was set or whose distribution was determined (the penetapan, with any audited override).
// Updates are guarded by the stream revision, so the tables depend only on the events, not on the batching.
import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import type { RecordedEvent } from '../../../event-store/src/port.js';
import { cycleStreamName, type CycleEvent } from '../../../appraisal/src/cycle/cycle-events.js';
import type { Projection } from '../../../projections/src/projection.js';
import type { CycleTables, PhaseChange } from './cycles.tables.js';

export const CYCLES = 'cycles';

type Db = ReturnType<Transaction<CycleTables>['withSchema']>;

const STREAM_PREFIX = cycleStreamName('');

export const cyclesProjection: Projection = {
  name: CYCLES,
  // 2: populations record predikat changed by keberatan after the determination, flagged when they break the curve.
  // 3: phase changes and determinations carry their actor; phase changes how many appraisals were not ready.
  version: 3,
  handles: [
    'CycleOpened.v1',
    'CyclePhaseAdvanced.v1',
    'UnitPredikatSet.v1',
    'DistributionDetermined.v1',
    'DistributionChangedByObjection.v1',
  ],

  async migrate(db, schema) {
    const s = db.schema.withSchema(schema);
    await s
      .createTable('cycles')
      .addColumn('cycle_id', 'text', (c) => c.primaryKey())
      .addColumn('agency_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('period_start', 'text', (c) => c.notNull())
      .addColumn('period_end', 'text', (c) => c.notNull())
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('root_unit_id', 'text', (c) => c.notNull())
      .addColumn('unit_ids', 'jsonb', (c) => c.notNull())
      .addColumn('framework_ref', 'jsonb')
      .addColumn('policy_ref', 'jsonb', (c) => c.notNull())
      .addColumn('distribution_scope', 'text', (c) => c.notNull())
      .addColumn('phase', 'text', (c) => c.notNull())
      .addColumn('opened_at', 'timestamptz', (c) => c.notNull())
      .addColumn('phase_history', 'jsonb', (c) => c.notNull())
      .addColumn('revision', 'bigint', (c) => c.notNull())
      .execute();
    await s.createIndex('cycles_agency').on('cycles').columns(['agency_id', 'cycle_id']).execute();
    await s
      .createTable('cycle_populations')
      .addColumn('cycle_id', 'text', (c) => c.notNull())
      .addColumn('population_id', 'text', (c) => c.notNull())
      .addColumn('unit_predikat', 'text')
      .addColumn('unit_predikat_reason', 'text')
      .addColumn('determined', 'boolean', (c) => c.notNull())
      .addColumn('counts', 'jsonb')
      .addColumn('violations', 'jsonb')
      .addColumn('override_justification', 'text')
      .addColumn('determined_by_nip', 'text')
      .addColumn('determined_by', 'jsonb')
      .addColumn('determined_at', 'timestamptz')
      .addColumn('changes_by_objection', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('flagged_after_determination', 'boolean', (c) => c.notNull().defaultTo(false))
      .addPrimaryKeyConstraint('cycle_populations_pk', ['cycle_id', 'population_id'])
      .execute();
  },

  async apply(trx, schema, events: RecordedEvent[]) {
    const db = (trx as Transaction<CycleTables>).withSchema(schema);
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as unknown as CycleEvent;
      const cycleId = recorded.streamName.slice(STREAM_PREFIX.length);
      const revision = String(recorded.revision);
      if (event.type === 'CycleOpened.v1') {
        await open(db, event, revision);
        continue;
      }
      // Only the first application of an event moves the revision; a replayed one stops here.
      const moved = await db
        .updateTable('cycles')
        .set({ revision })
        .where('cycle_id', '=', cycleId)
        .where('revision', '<', revision)
        .executeTakeFirst();
      if (moved.numUpdatedRows === 0n) continue;
      await applyToCycle(db, cycleId, event, { id: recorded.metadata.actor.id, role: recorded.metadata.actor.role });
    }
  },
};

async function open(db: Db, event: Extract<CycleEvent, { type: 'CycleOpened.v1' }>, revision: string): Promise<void> {
  const d = event.data;
  await db
    .insertInto('cycles')
    .values({
      cycle_id: d.cycleId,
      agency_id: d.agencyId,
      name: d.name,
      kind: d.kind,
      period_start: d.periodStart,
      period_end: d.periodEnd,
      time_zone: d.timeZone,
      root_unit_id: d.rootUnitId,
      unit_ids: JSON.stringify(d.unitIds),
      framework_ref: d.frameworkRef === null ? null : JSON.stringify(d.frameworkRef),
      policy_ref: JSON.stringify(d.policyRef),
      distribution_scope: d.policy.distribution.scope,
      phase: 'PLANNING',
      opened_at: d.openedAt,
      phase_history: JSON.stringify([]),
      revision,
    })
    // A cycle is opened once (its stream's first event): a replayed CycleOpened changes nothing.
    .onConflict((oc) => oc.column('cycle_id').doNothing())
    .execute();
}

async function applyToCycle(
  db: Db,
  cycleId: string,
  event: CycleEvent,
  actor: { id: string; role: string },
): Promise<void> {
  switch (event.type) {
    case 'CycleOpened.v1':
      return;
    case 'CyclePhaseAdvanced.v1': {
      const { from, to, reason, advancedAt, notReady } = event.data;
      const change: PhaseChange = {
        from,
        to,
        reason,
        at: advancedAt,
        by: actor,
        ...(notReady ? { notReady: notReady.notReady } : {}),
      };
      await db
        .updateTable('cycles')
        .set({ phase: to, phase_history: sql`phase_history || ${JSON.stringify([change])}::jsonb` })
        .where('cycle_id', '=', cycleId)
        .execute();
      return;
    }
    case 'UnitPredikatSet.v1': {
      const { populationId, unitPredikat, reason } = event.data;
      await db
        .insertInto('cycle_populations')
        .values({
          cycle_id: cycleId,
          population_id: populationId,
          unit_predikat: unitPredikat,
          unit_predikat_reason: reason,
          determined: false,
          counts: null,
          violations: null,
          override_justification: null,
          determined_by_nip: null,
          determined_by: null,
          determined_at: null,
        })
        .onConflict((oc) =>
          oc
            .columns(['cycle_id', 'population_id'])
            .doUpdateSet({ unit_predikat: unitPredikat, unit_predikat_reason: reason }),
        )
        .execute();
      return;
    }
    case 'DistributionDetermined.v1': {
      const d = event.data;
      const determination = {
        unit_predikat: d.unitPredikat,
        determined: true,
        counts: JSON.stringify(d.counts),
        violations: JSON.stringify(d.violations),
        override_justification: d.override?.justification ?? null,
        determined_by_nip: d.determinedByNip,
        determined_by: JSON.stringify(actor),
        determined_at: d.determinedAt,
      };
      await db
        .insertInto('cycle_populations')
        .values({ cycle_id: cycleId, population_id: d.populationId, unit_predikat_reason: null, ...determination })
        .onConflict((oc) => oc.columns(['cycle_id', 'population_id']).doUpdateSet(determination))
        .execute();
      return;
    }
    case 'DistributionChangedByObjection.v1': {
      const d = event.data;
      await db
        .updateTable('cycle_populations')
        .set({
          counts: JSON.stringify(d.counts),
          changes_by_objection: sql`changes_by_objection || ${JSON.stringify([d])}::jsonb`,
          flagged_after_determination: sql<boolean>`flagged_after_determination OR ${d.violations.length > 0}`,
        })
        .where('cycle_id', '=', cycleId)
        .where('population_id', '=', d.populationId)
        .execute();
      return;
    }
  }
}
