// What an import tells its caller: counts, and one entry per problem found, by line and column, so HR can
// fix the file in their spreadsheet and run it again (rows already imported then count as unchanged).

export interface ImportError {
  /** Physical line of the file (the header is line 1). */
  line: number;
  /** Column name as documented (NIP, ID_UNIT, ...); null when the whole row or file is concerned. */
  column: string | null;
  value: string | null;
  reason: string;
}

export type ImportKind = 'units' | 'employees';

export interface ImportReport {
  kind: ImportKind;
  agencyId: string;
  /** Data rows read (blank lines not counted). */
  rows: number;
  /** Rows that produced new events. */
  imported: number;
  /** Rows already recorded with the same data: nothing written. */
  unchanged: number;
  /** Rows not imported; each has at least one entry in `errors`. */
  failed: number;
  errors: ImportError[];
}

export interface ImportProgress {
  done: number;
  total: number;
}

export function emptyReport(kind: ImportKind, agencyId: string): ImportReport {
  return { kind, agencyId, rows: 0, imported: 0, unchanged: 0, failed: 0, errors: [] };
}
