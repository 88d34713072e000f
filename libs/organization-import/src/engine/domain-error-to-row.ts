import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { ImportError } from '../report.js';

/**
 * A decider's refusal as a row error: the detail's field is mapped to the file's column name, so the
 * report points at the cell to fix. Anything other than a DomainError is a fault, not a bad row: rethrown.
 */
export function rowErrorFrom(
  error: unknown,
  line: number,
  columnOf: Record<string, string>,
  valueOf: (column: string) => string | null,
): ImportError {
  if (!(error instanceof DomainError)) throw error;
  const field = error.details.find((d) => d.field !== undefined && columnOf[d.field] !== undefined)?.field;
  const column = field ? columnOf[field] : null;
  return { line, column, value: column ? valueOf(column) : null, reason: `${error.code}: ${error.message}` };
}
