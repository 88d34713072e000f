// Employees file -> one stream per employee (employee-{nip}), then the unit heads on the agency stream.
// Speed: a new employee costs ONE append (expected revision no_stream, no read first), with a bounded pool
// of appends in flight so the store's group commit can coalesce them. Only when the stream already exists
// (a re-run, or an employee HR registered by hand) is it read, and compared: same data -> unchanged, a new
// unit or position -> EmployeeMoved / EmployeePositionChanged, anything else -> a row error.
import { fold } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import { WrongExpectedVersionError } from '../../../event-store/src/errors.js';
import { agencyStreamName, type AgencyEvent } from '../../../organization/src/agency/agency-events.js';
import { requireAgency, type RegisteredAgency } from '../../../organization/src/agency/agency-errors.js';
import { evolveAgency, initialAgencyState } from '../../../organization/src/agency/agency-state.js';
import { unitFactFrom } from '../../../organization/src/agency/unit-fact.js';
import { decideAssignUnitHead } from '../../../organization/src/assign-unit-head/assign-unit-head.js';
import { decideChangePosition } from '../../../organization/src/change-position/change-position.js';
import { employeeStreamName, type EmployeeEvent } from '../../../organization/src/employee/employee-events.js';
import { evolveEmployee, initialEmployeeState } from '../../../organization/src/employee/employee-state.js';
import { decideMoveEmployee } from '../../../organization/src/move-employee/move-employee.js';
import { decideRegisterEmployee } from '../../../organization/src/register-employee/register-employee.js';
import { readCsvTable, type TableRow } from '../csv/csv-table.js';
import { EMPLOYEE_COLUMNS, planEmployees, type EmployeeRow } from '../employees/employee-rows.js';
import { emptyReport, type ImportError, type ImportReport } from '../report.js';
import { forEachBounded } from './bounded-pool.js';
import { rowErrorFrom } from './domain-error-to-row.js';
import { toNewEvents, type ImportContext } from './import-context.js';

type CsvSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
type Outcome = 'imported' | 'unchanged' | 'failed';

const COLUMN_OF: Record<string, string> = {
  nip: 'NIP',
  name: 'NAMA',
  employmentType: 'JENIS_PEGAWAI',
  positionTitle: 'JABATAN',
  jobType: 'JENIS_JABATAN',
  golongan: 'GOLONGAN',
  unitId: 'ID_UNIT',
};
const ATTEMPTS = 3;

export async function importEmployees(
  context: ImportContext,
  agencyId: string,
  source: CsvSource,
): Promise<ImportReport> {
  const table: TableRow[] = [];
  for await (const row of readCsvTable(source, EMPLOYEE_COLUMNS)) table.push(row);
  const agency = await readAgency(context, agencyId);
  const today = localDate(context.now, agency.timeZone);
  const plan = planEmployees(table, new Set(Object.keys(agency.units)), today);

  const outcomes = new Map<number, Outcome>();
  const errors: ImportError[] = [...plan.errors];
  for (const line of plan.failedLines) outcomes.set(line, 'failed');
  const fail = (error: ImportError) => {
    errors.push(error);
    outcomes.set(error.line, 'failed');
  };
  let done = plan.failedLines.size;
  context.onProgress?.({ done, total: table.length });

  await forEachBounded(plan.rows, context.concurrency ?? 64, async (row) => {
    try {
      outcomes.set(row.line, await importOne(context, agency, row, today));
    } catch (error) {
      fail(rowErrorFrom(error, row.line, COLUMN_OF, (c) => cellOf(row, c)));
    }
    context.onProgress?.({ done: ++done, total: table.length });
  });

  const heads = plan.rows.filter((r) => r.headsUnit && outcomes.get(r.line) !== 'failed');
  if (heads.length > 0) {
    for (const [line, result] of await assignHeads(context, agencyId, heads)) {
      if (result === 'assigned') outcomes.set(line, 'imported');
      else if (result !== 'unchanged') fail(result);
    }
  }

  const report = emptyReport('employees', agencyId);
  report.rows = table.length;
  for (const outcome of outcomes.values()) report[outcome]++;
  report.errors = errors.sort((a, b) => a.line - b.line);
  return report;
}

async function readAgency(context: ImportContext, agencyId: string): Promise<RegisteredAgency> {
  const history = await context.store.readStream(agencyStreamName(agencyId));
  const events = history.map((e) => ({ type: e.type, data: e.data }) as AgencyEvent);
  return requireAgency(fold(evolveAgency, initialAgencyState(), events), agencyId);
}

async function importOne(
  context: ImportContext,
  agency: RegisteredAgency,
  row: EmployeeRow,
  today: string,
): Promise<Outcome> {
  const stream = employeeStreamName(row.nip);
  const registration = decideRegisterEmployee(
    {
      type: 'RegisterEmployee',
      data: {
        nip: row.nip,
        name: row.name,
        employmentType: row.employmentType,
        agencyId: agency.agencyId,
        unitId: row.unitId,
        positionTitle: row.positionTitle,
        golongan: row.golongan,
        jobType: row.jobType,
      },
      unit: unitFactFrom(agency, row.unitId),
      now: context.now,
    },
    initialEmployeeState(),
  );
  try {
    await context.store.appendToStream(stream, toNewEvents(context, registration), { expected: 'no_stream' });
    return 'imported';
  } catch (error) {
    if (!(error instanceof WrongExpectedVersionError)) throw error;
  }
  for (let attempt = 1; ; attempt++) {
    const history = await context.store.readStream(stream);
    const events = history.map((e) => ({ type: e.type, data: e.data }) as EmployeeEvent);
    const state = fold(evolveEmployee, initialEmployeeState(), events);
    const registeredName = state.status === 'registered' ? state.name : undefined;
    const changes = reconcile(agency, row, state, registeredName, today);
    if (changes.length === 0) return 'unchanged';
    const last = history.at(-1)!;
    try {
      await context.store.appendToStream(stream, toNewEvents(context, changes), {
        expected: last.revision,
        prevHash: last.metadata.hash,
      });
      return 'imported';
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || attempt >= ATTEMPTS) throw error;
    }
  }
}

/** The events that bring an existing employee to what the row says, or a DomainError for what cannot change. */
function reconcile(
  agency: RegisteredAgency,
  row: EmployeeRow,
  state: ReturnType<typeof evolveEmployee>,
  registeredName: string | undefined,
  today: string,
): EmployeeEvent[] {
  if (state.status !== 'registered') throw new Error(`stream of ${row.nip} exists but holds no registration`);
  if (state.agencyId !== agency.agencyId) {
    throw new DomainError(
      'conflict',
      'EMPLOYEE_IN_OTHER_AGENCY',
      `NIP ${row.nip} is an employee of ${state.agencyId}`,
      [{ field: 'nip', message: `registered in ${state.agencyId}` }],
    );
  }
  if (state.employmentType !== row.employmentType) {
    throw new DomainError(
      'conflict',
      'EMPLOYMENT_TYPE_DIFFERS',
      `NIP ${row.nip} is registered as ${state.employmentType}; the import does not change the employment type`,
      [{ field: 'employmentType', message: `registered as ${state.employmentType}` }],
    );
  }
  if (registeredName !== undefined && registeredName !== row.name.trim()) {
    throw new DomainError(
      'conflict',
      'NAME_DIFFERS',
      `NIP ${row.nip} is registered as "${registeredName}"; the import does not rename employees (PUT /employees/{nip}/name does)`,
      [{ field: 'name', message: `registered as ${registeredName}` }],
    );
  }
  const moved = decideMoveEmployee(
    {
      type: 'MoveEmployee',
      data: { nip: row.nip, unitId: row.unitId, effectiveDate: today },
      unit: unitFactFrom(agency, row.unitId),
    },
    state,
  );
  const afterMove = moved.reduce(evolveEmployee, state);
  const positionChanged = decideChangePosition(
    {
      type: 'ChangePosition',
      data: {
        nip: row.nip,
        positionTitle: row.positionTitle,
        golongan: row.golongan,
        jobType: row.jobType,
        effectiveDate: today,
      },
    },
    afterMove,
  );
  return [...moved, ...positionChanged];
}

/** KEPALA_UNIT = Y rows -> UnitHeadAssigned on the agency stream, all in one append. */
async function assignHeads(
  context: ImportContext,
  agencyId: string,
  heads: EmployeeRow[],
): Promise<Map<number, 'assigned' | 'unchanged' | ImportError>> {
  const stream = agencyStreamName(agencyId);
  for (let attempt = 1; ; attempt++) {
    const history = await context.store.readStream(stream);
    let state = fold(
      evolveAgency,
      initialAgencyState(),
      history.map((e) => ({ type: e.type, data: e.data }) as AgencyEvent),
    );
    const results = new Map<number, 'assigned' | 'unchanged' | ImportError>();
    const events: AgencyEvent[] = [];
    for (const head of heads) {
      try {
        const decided = decideAssignUnitHead(
          {
            type: 'AssignUnitHead',
            data: { agencyId, unitId: head.unitId, nip: head.nip },
            // The employee was registered in this agency just now (or already was): the row did not fail.
            headEmployee: { agencyId },
          },
          state,
        );
        state = decided.reduce(evolveAgency, state);
        events.push(...decided);
        results.set(head.line, decided.length > 0 ? 'assigned' : 'unchanged');
      } catch (error) {
        const rowError = rowErrorFrom(error, head.line, { unitId: 'ID_UNIT', nip: 'NIP' }, (c) => cellOf(head, c));
        results.set(head.line, { ...rowError, column: 'KEPALA_UNIT', value: 'Y' });
      }
    }
    if (events.length === 0) return results;
    const last = history.at(-1)!;
    try {
      await context.store.appendToStream(stream, toNewEvents(context, events), {
        expected: last.revision,
        prevHash: last.metadata.hash,
      });
      return results;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || attempt >= ATTEMPTS) throw error;
    }
  }
}

function cellOf(row: EmployeeRow, column: string): string | null {
  const values: Record<string, string> = {
    NIP: row.nip,
    NAMA: row.name,
    JENIS_PEGAWAI: row.employmentType,
    JABATAN: row.positionTitle,
    JENIS_JABATAN: row.jobType,
    GOLONGAN: row.golongan,
    ID_UNIT: row.unitId,
  };
  return values[column] ?? null;
}

/** The calendar date at the agency (WIB/WITA/WIT): effective date of moves and position changes. */
function localDate(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instant),
  );
}
