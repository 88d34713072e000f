// training_jp: the trainings each employee completed, for the JP counted per calendar year toward the policy's
// yearly target (README "Training (JP)"). One row per TrainingRecorded.v1; inserts are keyed by (nip, training
// id) with ON CONFLICT DO NOTHING, so an event applied twice or in any batch size gives the same table.
import type { Transaction } from 'kysely';
import type { Projection } from '../../../projections/src/projection.js';
import type { TrainingEvent } from '../../../competency/src/training/training-events.js';
import type { TrainingJpTables } from './training-jp.tables.js';

export const TRAINING_JP = 'training_jp';

// A Record over the union, so a new training event type fails to compile until it is listed here.
const TRAINING_EVENTS: Record<TrainingEvent['type'], true> = { 'TrainingRecorded.v1': true };

export const trainingJpProjection: Projection = {
  name: TRAINING_JP,
  version: 1,
  handles: Object.keys(TRAINING_EVENTS),

  async migrate(db, schema) {
    await db.schema
      .withSchema(schema)
      .createTable('trainings')
      .addColumn('nip', 'text', (c) => c.notNull())
      .addColumn('training_id', 'text', (c) => c.notNull())
      .addColumn('agency_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('jp', 'integer', (c) => c.notNull())
      .addColumn('completed_on', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
      .addColumn('stream_revision', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('trainings_pk', ['nip', 'training_id'])
      .execute();
    await db.schema
      .withSchema(schema)
      .createIndex('trainings_year_nip')
      .on('trainings')
      .columns(['year', 'nip'])
      .execute();
  },

  async apply(trx, schema, events) {
    const db = (trx as Transaction<TrainingJpTables>).withSchema(schema);
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as unknown as TrainingEvent;
      if (event.type !== 'TrainingRecorded.v1') continue;
      const d = event.data;
      await db
        .insertInto('trainings')
        .values({
          nip: d.nip,
          training_id: d.trainingId,
          agency_id: d.agencyId,
          title: d.title,
          provider: d.provider,
          jp: d.jp,
          completed_on: d.completedOn,
          year: Number(d.completedOn.slice(0, 4)),
          recorded_at: d.recordedAt,
          stream_revision: String(recorded.revision),
        })
        .onConflict((oc) => oc.columns(['nip', 'training_id']).doNothing())
        .execute();
    }
  },
};
