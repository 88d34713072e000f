// HR's directory of employees: one row per registered employee, for lookups and paginated listings.
import { type Kysely, type Transaction } from 'kysely';
import type { RecordedEvent } from '../../../event-store/src/port.js';
import type { EmployeeRegistered } from '../../../organization/src/employee/employee-events.js';
import type { Projection } from '../../../projections/src/projection.js';
import type { EmployeeDirectoryTables } from './employee-directory.tables.js';

export const EMPLOYEE_DIRECTORY = 'employee_directory';

export const employeeDirectoryProjection: Projection = {
  name: EMPLOYEE_DIRECTORY,
  version: 1,
  handles: ['EmployeeRegistered.v1'],

  async migrate(db: Kysely<unknown>, schema: string) {
    await db.schema
      .withSchema(schema)
      .createTable('employees')
      .addColumn('nip', 'char(18)', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('employment_type', 'text', (c) => c.notNull())
      .addColumn('agency_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text')
      .addColumn('position_title', 'text')
      .addColumn('registered_at', 'timestamptz', (c) => c.notNull())
      .addColumn('stream_revision', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .withSchema(schema)
      .createIndex('employees_agency_nip')
      .on('employees')
      .columns(['agency_id', 'nip'])
      .execute();
  },

  async apply(trx: Transaction<unknown>, schema: string, events: RecordedEvent[]) {
    const db = (trx as unknown as Transaction<EmployeeDirectoryTables>).withSchema(schema);
    for (const event of events) {
      if (event.type !== 'EmployeeRegistered.v1') continue;
      const data = event.data as EmployeeRegistered['data'];
      await db
        .insertInto('employees')
        .values({
          nip: data.nip,
          name: data.name,
          employment_type: data.employmentType,
          agency_id: data.agencyId,
          unit_id: data.unitId,
          position_title: data.positionTitle,
          registered_at: data.registeredAt,
          stream_revision: String(event.revision),
        })
        // The NIP is the stream: a replayed registration changes nothing.
        .onConflict((oc) => oc.column('nip').doNothing())
        .execute();
    }
  },
};
