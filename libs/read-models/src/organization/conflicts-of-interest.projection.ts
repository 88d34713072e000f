// conflicts_of_interest: every declaration between a ratee and a rater, active or withdrawn, so that audits
// can ask "was there an active declaration for this pair when the rating was made?".
import type { Transaction } from 'kysely';
import type { RecordedEvent } from '../../../event-store/src/port.js';
import type {
  ConflictOfInterestDeclared,
  ConflictOfInterestWithdrawn,
} from '../../../organization/src/employee/employee-events.js';
import type { Projection } from '../../../projections/src/projection.js';

export const CONFLICTS_OF_INTEREST = 'conflicts_of_interest';

export interface DeclarationRow {
  declaration_id: string;
  ratee_nip: string;
  rater_nip: string;
  kind: string;
  description: string;
  declared_by: string;
  declared_at: string | Date;
  withdrawn_at: string | Date | null;
  withdrawal_reason: string | null;
}

export interface ConflictsOfInterestTables {
  declarations: DeclarationRow;
}

export const conflictsOfInterestProjection: Projection = {
  name: CONFLICTS_OF_INTEREST,
  version: 1,
  handles: ['ConflictOfInterestDeclared.v1', 'ConflictOfInterestWithdrawn.v1'],

  async migrate(db, schema) {
    await db.schema
      .withSchema(schema)
      .createTable('declarations')
      .addColumn('declaration_id', 'text', (c) => c.primaryKey())
      .addColumn('ratee_nip', 'text', (c) => c.notNull())
      .addColumn('rater_nip', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('declared_by', 'text', (c) => c.notNull())
      .addColumn('declared_at', 'timestamptz', (c) => c.notNull())
      .addColumn('withdrawn_at', 'timestamptz')
      .addColumn('withdrawal_reason', 'text')
      .execute();
    await db.schema
      .withSchema(schema)
      .createIndex('declarations_pair')
      .on('declarations')
      .columns(['ratee_nip', 'rater_nip'])
      .execute();
    await db.schema
      .withSchema(schema)
      .createIndex('declarations_rater')
      .on('declarations')
      .column('rater_nip')
      .execute();
  },

  async apply(trx, schema, events: RecordedEvent[]) {
    const db = (trx as Transaction<ConflictsOfInterestTables>).withSchema(schema);
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as
        ConflictOfInterestDeclared | ConflictOfInterestWithdrawn;
      if (event.type === 'ConflictOfInterestDeclared.v1') {
        const d = event.data;
        await db
          .insertInto('declarations')
          .values({
            declaration_id: d.declarationId,
            ratee_nip: d.nip,
            rater_nip: d.raterNip,
            kind: d.kind,
            description: d.description,
            declared_by: d.declaredBy,
            declared_at: d.declaredAt,
            withdrawn_at: null,
            withdrawal_reason: null,
          })
          .onConflict((oc) => oc.column('declaration_id').doNothing())
          .execute();
      } else {
        await db
          .updateTable('declarations')
          .set({ withdrawn_at: event.data.withdrawnAt, withdrawal_reason: event.data.reason })
          .where('declaration_id', '=', event.data.declarationId)
          .execute();
      }
    }
  },
};
