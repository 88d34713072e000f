// Units file -> UnitCreated / UnitRenamed / UnitMoved on the agency's stream, parents first. The whole file is
// decided against one read of the agency and written in ONE append with the revision read: either the tree
// changes as the file says, or (someone else wrote meanwhile) the run re-reads and decides again.
import { fold } from '../../../shared-kernel/src/decider.js';
import { WrongExpectedVersionError } from '../../../event-store/src/errors.js';
import { agencyStreamName, type AgencyEvent } from '../../../organization/src/agency/agency-events.js';
import { requireAgency } from '../../../organization/src/agency/agency-errors.js';
import { evolveAgency, initialAgencyState, type AgencyState } from '../../../organization/src/agency/agency-state.js';
import { decideCreateUnit } from '../../../organization/src/create-unit/create-unit.js';
import { decideUpdateUnit } from '../../../organization/src/update-unit/update-unit.js';
import { readCsvTable, type TableRow } from '../csv/csv-table.js';
import { emptyReport, type ImportError, type ImportReport } from '../report.js';
import { planUnits, UNIT_COLUMNS, type UnitRow } from '../units/unit-rows.js';
import { rowErrorFrom } from './domain-error-to-row.js';
import { toNewEvents, type ImportContext } from './import-context.js';

type CsvSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

const COLUMN_OF: Record<string, string> = { unitId: 'ID_UNIT', name: 'NAMA_UNIT', parentUnitId: 'ID_INDUK' };
const ATTEMPTS = 3;

export async function importUnits(context: ImportContext, agencyId: string, source: CsvSource): Promise<ImportReport> {
  const rows: TableRow[] = [];
  for await (const row of readCsvTable(source, UNIT_COLUMNS)) rows.push(row);
  const stream = agencyStreamName(agencyId);
  for (let attempt = 1; ; attempt++) {
    const history = await context.store.readStream(stream);
    const state = fold(
      evolveAgency,
      initialAgencyState(),
      history.map((e) => ({ type: e.type, data: e.data }) as AgencyEvent),
    );
    const agency = requireAgency(state, agencyId);
    const outcome = decideUnits(agencyId, agency, rows);
    const last = history.at(-1);
    if (outcome.events.length > 0) {
      try {
        await context.store.appendToStream(stream, toNewEvents(context, outcome.events), {
          expected: last ? last.revision : 'no_stream',
          prevHash: last?.metadata.hash,
        });
      } catch (error) {
        if (error instanceof WrongExpectedVersionError && attempt < ATTEMPTS) continue;
        throw error;
      }
    }
    context.onProgress?.({ done: rows.length, total: rows.length });
    return outcome.report;
  }
}

function decideUnits(agencyId: string, agency: AgencyState, rows: TableRow[]) {
  const report = emptyReport('units', agencyId);
  report.rows = rows.length;
  const registered = requireAgency(agency, agencyId);
  const plan = planUnits(rows, new Set(Object.keys(registered.units)));
  const errors: ImportError[] = [...plan.errors];
  const failed = new Set(plan.failedLines);
  const failedUnits = new Set<string>();
  const events: AgencyEvent[] = [];
  let state = agency;
  for (const unit of plan.ordered) {
    const refusal = refuse(unit, state, failedUnits);
    if (refusal) {
      errors.push(refusal);
      failed.add(unit.line);
      failedUnits.add(unit.unitId);
      continue;
    }
    try {
      const decided = decideOne(agencyId, unit, state);
      if (decided.length === 0) report.unchanged++;
      else report.imported++;
      state = decided.reduce(evolveAgency, state);
      events.push(...decided);
    } catch (error) {
      errors.push(rowErrorFrom(error, unit.line, COLUMN_OF, (c) => valueOf(unit, c)));
      failed.add(unit.line);
      failedUnits.add(unit.unitId);
    }
  }
  report.failed = failed.size;
  report.errors = errors.sort((a, b) => a.line - b.line);
  return { report, events };
}

/** A row that cannot be decided on because of another row, or that would re-root an existing unit. */
function refuse(unit: UnitRow, state: AgencyState, failedUnits: Set<string>): ImportError | undefined {
  if (unit.parentUnitId !== null && failedUnits.has(unit.parentUnitId)) {
    const reason = `parent unit ${unit.parentUnitId} was not imported (see its row)`;
    return { line: unit.line, column: 'ID_INDUK', value: unit.parentUnitId, reason };
  }
  const existing = state.status === 'registered' ? state.units[unit.unitId] : undefined;
  if (existing && existing.parentUnitId !== null && unit.parentUnitId === null) {
    const reason = `ID_INDUK is empty but unit ${unit.unitId} already sits under ${existing.parentUnitId}; an agency has one root unit`;
    return { line: unit.line, column: 'ID_INDUK', value: '', reason };
  }
  return undefined;
}

function decideOne(agencyId: string, unit: UnitRow, state: AgencyState): AgencyEvent[] {
  const existing = state.status === 'registered' ? state.units[unit.unitId] : undefined;
  if (!existing) {
    return decideCreateUnit(
      { type: 'CreateUnit', data: { agencyId, unitId: unit.unitId, name: unit.name, parentUnitId: unit.parentUnitId } },
      state,
    );
  }
  // Already there: same data is a no-op; a new name or parent is what the HR system says now.
  return decideUpdateUnit(
    {
      type: 'UpdateUnit',
      data: {
        agencyId,
        unitId: unit.unitId,
        name: unit.name,
        ...(unit.parentUnitId !== null ? { parentUnitId: unit.parentUnitId } : {}),
      },
    },
    state,
  );
}

function valueOf(unit: UnitRow, column: string): string | null {
  if (column === 'ID_UNIT') return unit.unitId;
  if (column === 'NAMA_UNIT') return unit.name;
  return unit.parentUnitId ?? '';
}
