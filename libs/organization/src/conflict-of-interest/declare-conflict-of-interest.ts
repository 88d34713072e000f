// A conflict of interest between a rater and a ratee, declared by either of them or by HR. It lives in the
// ratee's stream so that an audit of the ratee's appraisal finds it; later audits flag ratings made under one.
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import {
  CONFLICT_OF_INTEREST_KINDS,
  type ConflictOfInterestKind,
  type DeclaredBy,
  type EmployeeEvent,
} from '../employee/employee-events.js';
import { requireRegistered, type OtherEmployeeFact } from '../employee/employee-rules.js';
import { evolveEmployee, initialEmployeeState, type EmployeeState } from '../employee/employee-state.js';

export interface DeclareConflictOfInterest {
  type: 'DeclareConflictOfInterest';
  data: {
    /** The ratee. */
    nip: string;
    raterNip: string;
    kind: ConflictOfInterestKind;
    description: string;
  };
  /** Chosen by the caller (a UUID), so that decide stays deterministic. */
  declarationId: string;
  /** Who declares, as established by the caller from the principal. */
  declaredBy: DeclaredBy;
  /** Cross-stream fact: the rater's employee record. */
  rater: OtherEmployeeFact;
  now: string;
}

export function decideDeclareConflictOfInterest(
  command: DeclareConflictOfInterest,
  state: EmployeeState,
): EmployeeEvent[] {
  const { nip, raterNip, kind } = command.data;
  const employee = requireRegistered(state, nip);
  if (raterNip === nip) {
    throw new DomainError('invalid', 'CONFLICT_WITH_SELF', 'a conflict of interest needs two different people', [
      { field: 'raterNip', message: 'same as the ratee' },
    ]);
  }
  if (!CONFLICT_OF_INTEREST_KINDS.includes(kind)) {
    throw new DomainError('invalid', 'INVALID_KIND', `kind must be one of ${CONFLICT_OF_INTEREST_KINDS.join(', ')}`, [
      { field: 'kind', message: `got ${String(kind)}` },
    ]);
  }
  const description = command.data.description.trim();
  if (description.length === 0 || description.length > 2000) {
    throw new DomainError('invalid', 'DESCRIPTION_REQUIRED', 'description is required (1-2000 characters)', [
      { field: 'description', message: 'blank or too long' },
    ]);
  }
  if (command.rater === null) {
    throw new DomainError('not_found', 'RATER_NOT_FOUND', `no employee ${raterNip}`, [
      { field: 'raterNip', message: 'not registered' },
    ]);
  }
  if (employee.conflictsOfInterest[command.declarationId]) {
    throw new DomainError('conflict', 'DECLARATION_ID_TAKEN', `declaration ${command.declarationId} exists`);
  }
  const duplicate = Object.entries(employee.conflictsOfInterest).find(
    ([, d]) => d.active && d.raterNip === raterNip && d.kind === kind,
  );
  if (duplicate) {
    throw new DomainError(
      'conflict',
      'CONFLICT_OF_INTEREST_ALREADY_DECLARED',
      `an active ${kind} declaration between ${nip} and ${raterNip} exists (${duplicate[0]})`,
      [{ field: 'raterNip', message: `declaration ${duplicate[0]}` }],
    );
  }
  return [
    {
      type: 'ConflictOfInterestDeclared.v1',
      data: {
        nip,
        declarationId: command.declarationId,
        raterNip,
        kind,
        description,
        declaredBy: command.declaredBy,
        declaredAt: command.now,
      },
    },
  ];
}

export const declareConflictOfInterestDecider: Decider<DeclareConflictOfInterest, EmployeeState, EmployeeEvent> = {
  initialState: initialEmployeeState,
  decide: decideDeclareConflictOfInterest,
  evolve: evolveEmployee,
};
