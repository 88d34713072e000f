// The agency the cycle is opened for: registered, then its units and N employees loaded through the import engine
// (the CLI's path: hash-chained appends, group-committed), from the import bench's generated files (an office,
// bidang and schools, one head per unit, so every employee but the office head gets a derived rater).
import { randomUUID } from 'node:crypto';
import { Role } from '../../../libs/auth/src/index.js';
import type { EventStore } from '../../../libs/event-store/src/port.js';
import { agencyStreamName } from '../../../libs/organization/src/agency/agency-events.js';
import { initialAgencyState } from '../../../libs/organization/src/agency/agency-state.js';
import { decideRegisterAgency } from '../../../libs/organization/src/register-agency/register-agency.js';
import { toNewEvents, type ImportContext } from '../../../libs/organization-import/src/engine/import-context.js';
import { importEmployees } from '../../../libs/organization-import/src/engine/import-employees.js';
import { importUnits } from '../../../libs/organization-import/src/engine/import-units.js';
import { generateBenchFiles } from '../import/generate.js';

export const BENCH_AGENCY = { agencyId: 'bench-agency', name: 'Dinas Pendidikan Bench', timeZone: 'Asia/Jayapura' };
/** The generated tree's root unit: a cycle rooted here covers the whole agency. */
export const ROOT_UNIT_ID = 'dinas';

export interface LoadedAgency {
  employees: number;
  units: number;
}

export async function loadAgency(store: EventStore, employees: number): Promise<LoadedAgency> {
  const context: ImportContext = {
    store,
    actor: { id: 'bench-cycle', role: Role.ADMIN },
    correlationId: randomUUID(),
    now: new Date().toISOString(),
    concurrency: 64,
  };
  const registered = decideRegisterAgency(
    { type: 'RegisterAgency', data: { ...BENCH_AGENCY, timeZone: 'Asia/Jayapura' }, now: context.now },
    initialAgencyState(),
  );
  await store.appendToStream(agencyStreamName(BENCH_AGENCY.agencyId), toNewEvents(context, registered), {
    expected: 'no_stream',
  });
  const files = generateBenchFiles(employees);
  const reports = [
    await importUnits(context, BENCH_AGENCY.agencyId, [files.unitsCsv]),
    await importEmployees(context, BENCH_AGENCY.agencyId, [files.employeesCsv]),
  ];
  for (const report of reports) {
    if (report.failed > 0 || report.imported !== report.rows) {
      throw new Error(`${report.kind} import: ${report.failed} of ${report.rows} rows failed`);
    }
  }
  return { employees, units: files.units };
}
