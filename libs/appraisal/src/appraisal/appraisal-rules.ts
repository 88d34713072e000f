// Guards every appraisal decision shares: the appraisal exists and is open, the cycle is in a phase that allows
// the act, the actor is the person the act is assigned to, free text is present and bounded.
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import type { CyclePhase } from '../cycle/cycle-events.js';
import type { ActiveAppraisal, AppraisalState } from './appraisal-state.js';

/** The appraisal exists and has not ended (an ended one keeps its history but takes no new acts). */
export function requireOpenAppraisal(state: AppraisalState): ActiveAppraisal {
  if (state.status === 'none') throw new DomainError('not_found', 'APPRAISAL_NOT_FOUND', 'no such appraisal');
  if (state.status === 'ended') {
    throw new DomainError('conflict', 'APPRAISAL_ENDED', `the appraisal of ${state.nip} in ${state.cycleId} has ended`);
  }
  return state;
}

/** `action` in words for the message, e.g. "submit a self-assessment". */
export function requirePhase(phase: CyclePhase, allowed: readonly CyclePhase[], action: string): void {
  if (!allowed.includes(phase)) {
    throw new DomainError(
      'conflict',
      'WRONG_CYCLE_PHASE',
      `cannot ${action} while the cycle is in ${phase}; allowed in ${allowed.join(', ')}`,
      [{ field: 'cyclePhase', message: phase, allowed }],
    );
  }
}

/** Only the assigned person may act; `role` names them in the message ("the employee", "the rater"). */
export function requireActor(actorNip: string | null, assignedNip: string | null, role: string, action: string): void {
  if (actorNip === null || assignedNip === null || actorNip !== assignedNip) {
    throw new DomainError(
      'forbidden',
      'NOT_ASSIGNED',
      `only ${role} (${assignedNip ?? 'none assigned'}) may ${action}`,
    );
  }
}

/** Trimmed text of 1..max characters, or an 'invalid' error naming the field. */
export function requireText(field: string, value: string | null | undefined, max = 4000): string {
  const text = (value ?? '').trim();
  if (text.length === 0 || text.length > max) {
    throw new DomainError('invalid', 'TEXT_REQUIRED', `${field} is required (1-${max} characters)`, [
      { field, message: text.length === 0 ? 'blank' : 'too long' },
    ]);
  }
  return text;
}
