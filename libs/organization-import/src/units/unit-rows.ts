// Units file rows -> units in parents-first order, or errors by line and column. Pure: the agency's existing
// units come in as an argument. Order in the file does not matter: a child may come before its parent.
import type { ImportError } from '../report.js';
import type { TableRow } from '../csv/csv-table.js';

export const UNIT_COLUMNS = { required: ['ID_UNIT', 'NAMA_UNIT', 'ID_INDUK'] } as const;

export interface UnitRow {
  line: number;
  unitId: string;
  name: string;
  /** null: the agency's root unit. */
  parentUnitId: string | null;
}

export interface PlannedUnits {
  /** Every parent comes before its children (or already exists in the agency). */
  ordered: UnitRow[];
  errors: ImportError[];
  /** Lines of rows that failed (a row may have several errors). */
  failedLines: Set<number>;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** HR systems often export upper-case codes (`DISDIK-01`): ids are compared and stored in lower case. */
export const normaliseUnitId = (raw: string): string => raw.trim().toLowerCase();

export function planUnits(rows: readonly TableRow[], existingUnitIds: ReadonlySet<string>): PlannedUnits {
  const errors: ImportError[] = [];
  const failedLines = new Set<number>();
  const fail = (line: number, column: string | null, value: string | null, reason: string) => {
    errors.push({ line, column, value, reason });
    failedLines.add(line);
  };

  const byId = new Map<string, UnitRow>();
  for (const row of rows) {
    if (row.problem) {
      fail(row.line, null, null, row.problem);
      continue;
    }
    const unitId = normaliseUnitId(row.values.ID_UNIT);
    const parent = normaliseUnitId(row.values.ID_INDUK);
    const name = row.values.NAMA_UNIT;
    const before = errors.length;
    if (unitId === '') fail(row.line, 'ID_UNIT', row.values.ID_UNIT, 'ID_UNIT is required');
    else if (!SLUG.test(unitId)) {
      fail(row.line, 'ID_UNIT', row.values.ID_UNIT, 'ID_UNIT must be letters, digits and dashes (max 64)');
    }
    if (name === '') fail(row.line, 'NAMA_UNIT', name, 'NAMA_UNIT is required');
    else if (name.length > 200) fail(row.line, 'NAMA_UNIT', name, 'NAMA_UNIT is longer than 200 characters');
    if (parent !== '' && !SLUG.test(parent)) {
      fail(row.line, 'ID_INDUK', row.values.ID_INDUK, 'ID_INDUK must be letters, digits and dashes (max 64)');
    } else if (parent !== '' && parent === unitId) {
      fail(row.line, 'ID_INDUK', row.values.ID_INDUK, 'a unit cannot be its own parent');
    }
    const first = byId.get(unitId);
    if (unitId !== '' && first) {
      fail(row.line, 'ID_UNIT', row.values.ID_UNIT, `duplicate ID_UNIT: already on line ${first.line}`);
    }
    if (errors.length > before) continue;
    byId.set(unitId, { line: row.line, unitId, name, parentUnitId: parent === '' ? null : parent });
  }

  // Depth-first from each row to its parent: parents are emitted first; a cycle or a failed/unknown
  // ancestor fails every row that depends on it.
  const ordered: UnitRow[] = [];
  const done = new Map<string, boolean>(); // unitId -> emitted ok
  const visiting = new Set<string>();
  const visit = (unit: UnitRow, path: string[]): boolean => {
    const known = done.get(unit.unitId);
    if (known !== undefined) return known;
    if (visiting.has(unit.unitId)) {
      const members = path.slice(path.indexOf(unit.unitId));
      const cycle = [...members, unit.unitId].join(' -> ');
      for (const id of members) {
        const member = byId.get(id)!;
        fail(member.line, 'ID_INDUK', member.parentUnitId, `ID_INDUK forms a cycle: ${cycle}`);
        done.set(id, false);
      }
      return false;
    }
    visiting.add(unit.unitId);
    let ok = true;
    const parentId = unit.parentUnitId;
    if (parentId !== null) {
      const parentRow = byId.get(parentId);
      if (parentRow) {
        if (!visit(parentRow, [...path, unit.unitId])) {
          ok = false;
          if (!failedLines.has(unit.line)) {
            fail(unit.line, 'ID_INDUK', parentId, `parent unit ${parentId} (line ${parentRow.line}) was not imported`);
          }
        }
      } else if (!existingUnitIds.has(parentId)) {
        ok = false;
        fail(unit.line, 'ID_INDUK', parentId, `unknown parent unit ${parentId}: not in this file nor in the agency`);
      }
    }
    visiting.delete(unit.unitId);
    if (done.get(unit.unitId) === false) ok = false; // marked by the cycle check while visiting
    done.set(unit.unitId, ok);
    if (ok) ordered.push(unit);
    return ok;
  };
  for (const unit of byId.values()) visit(unit, []);
  return { ordered, errors: errors.sort((a, b) => a.line - b.line), failedLines };
}
