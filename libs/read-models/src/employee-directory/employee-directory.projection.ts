// HR's directory of employees: one row per registered employee, for lookups and paginated listings.
// Version 2 (issue 3): golongan and job type, moves and position changes, and the stream revision follows
// every event of the employee's stream (it is the ETag for commands on the employee). Renames (EmployeeRenamed,
// issue 4 follow-ups) replace the name; no rebuild was needed, as no earlier event carried one.
// Gender and birth date stay in the events only: they are kept for fairness audits, not for listings.
import type { Transaction } from 'kysely';
import type { RecordedEvent } from '../../../event-store/src/port.js';
import {
  EMPLOYEE_EVENT_TYPES,
  upcastRegistration,
  type EmployeeEvent,
} from '../../../organization/src/employee/employee-events.js';
import type { Projection } from '../../../projections/src/projection.js';
import type { EmployeeDirectoryTables, EmployeeRow } from './employee-directory.tables.js';

export const EMPLOYEE_DIRECTORY = 'employee_directory';

export const employeeDirectoryProjection: Projection = {
  name: EMPLOYEE_DIRECTORY,
  version: 2,
  handles: EMPLOYEE_EVENT_TYPES,

  async migrate(db, schema) {
    await db.schema
      .withSchema(schema)
      .createTable('employees')
      .addColumn('nip', 'char(18)', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('employment_type', 'text', (c) => c.notNull())
      .addColumn('agency_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text')
      .addColumn('position_title', 'text')
      .addColumn('golongan', 'text')
      .addColumn('job_type', 'text')
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

  async apply(trx, schema, events: RecordedEvent[]) {
    const db = (trx as Transaction<EmployeeDirectoryTables>).withSchema(schema);
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as EmployeeEvent;
      const revision = String(recorded.revision);
      let change: Partial<EmployeeRow> = {};
      if (event.type === 'EmployeeRegistered.v1' || event.type === 'EmployeeRegistered.v2') {
        const r = upcastRegistration(event);
        await db
          .insertInto('employees')
          .values({
            nip: r.nip,
            name: r.name,
            employment_type: r.employmentType,
            agency_id: r.agencyId,
            unit_id: r.unitId,
            position_title: r.positionTitle,
            golongan: r.golongan,
            job_type: r.jobType,
            registered_at: r.registeredAt,
            stream_revision: revision,
          })
          // The NIP is the stream: a replayed registration changes nothing.
          .onConflict((oc) => oc.column('nip').doNothing())
          .execute();
        continue;
      }
      if (event.type === 'EmployeeMoved.v1') change = { unit_id: event.data.toUnitId };
      if (event.type === 'EmployeeRenamed.v1') change = { name: event.data.name };
      if (event.type === 'EmployeePositionChanged.v1') {
        const { positionTitle, golongan, jobType } = event.data;
        change = { position_title: positionTitle, golongan, job_type: jobType };
      }
      await db
        .updateTable('employees')
        .set({ ...change, stream_revision: revision })
        .where('nip', '=', event.data.nip)
        .execute();
    }
  },
};
