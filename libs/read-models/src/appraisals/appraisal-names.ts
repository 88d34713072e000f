// Names for appraisal reads. An appraisal keeps NIPs only (a rename is an event of the employee's stream, not of
// the appraisal's); the names shown beside them come from the employee directory when the page is read, so a
// rename shows at once and rebuilding either read model cannot leave a stale name behind.
import type { Kysely } from 'kysely';
import { findActiveSchema } from '../../../projections/src/projection.js';
import { EMPLOYEE_DIRECTORY } from '../employee-directory/employee-directory.projection.js';
import type { EmployeeDirectoryTables } from '../employee-directory/employee-directory.tables.js';

/** The employee's, the rater's and the rater's supervisor's names; null when absent or not in the directory. */
export interface AppraisalNames {
  name: string | null;
  raterName: string | null;
  raterSupervisorName: string | null;
}

/** Directory names of these NIPs (nulls ignored); empty when the directory read model is not built yet. */
export async function directoryNames(
  db: Kysely<unknown>,
  nips: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(nips.filter((n): n is string => n !== null))];
  const schema = wanted.length === 0 ? undefined : await findActiveSchema(db, EMPLOYEE_DIRECTORY);
  if (schema === undefined) return new Map();
  const rows = await (db as Kysely<EmployeeDirectoryTables>)
    .withSchema(schema)
    .selectFrom('employees')
    .select(['nip', 'name'])
    .where('nip', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.nip, r.name]));
}

/** The names of one appraisal's people, looked up in `names`. */
export function appraisalNames(
  names: ReadonlyMap<string, string>,
  people: { nip: string; raterNip: string | null; raterSupervisorNip: string | null },
): AppraisalNames {
  const of = (nip: string | null) => (nip === null ? null : (names.get(nip) ?? null));
  return { name: of(people.nip), raterName: of(people.raterNip), raterSupervisorName: of(people.raterSupervisorNip) };
}
