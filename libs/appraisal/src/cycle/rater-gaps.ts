// Who nobody can rate or approve. Only the assigned pejabat penilai rates and only the assigned atasan pejabat
// penilai approves (the deciders require them), so an active appraisal without one of them would block the
// cycle's determination. The open and reconcile routes report them, so HR sees the gap the moment it exists and
// can fix the reporting line (a rater override) before reconciling again.
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import type { AppraisalState } from '../appraisal/appraisal-state.js';

/** Who an active appraisal names as rater and rater's supervisor. */
export interface RaterAssignment {
  nip: string;
  raterNip: string | null;
  raterSupervisorNip: string | null;
}

export interface RaterGaps {
  /** NIPs (sorted) of active appraisals without a pejabat penilai. */
  withoutRater: string[];
  /** NIPs (sorted) of active appraisals without an atasan pejabat penilai. */
  withoutRaterSupervisor: string[];
}

/** The assignment of an appraisal as folded from its stream; null unless it is active. */
export function assignmentOf(state: AppraisalState): RaterAssignment | null {
  if (state.status !== 'active') return null;
  return { nip: state.nip, raterNip: state.raterNip, raterSupervisorNip: state.raterSupervisorNip };
}

/** The assignment an AppraisalStarted among `events` records (the appraisal was just started). */
export function startedAssignment(events: readonly AppraisalEvent[]): RaterAssignment | null {
  const started = events.find((e) => e.type === 'AppraisalStarted.v1');
  if (started?.type !== 'AppraisalStarted.v1') return null;
  const { nip, raterNip, raterSupervisorNip } = started.data;
  return { nip, raterNip, raterSupervisorNip };
}

/** `assignments` holds one entry per appraisal (null: not active, ignored). */
export function raterGaps(assignments: readonly (RaterAssignment | null)[]): RaterGaps {
  const active = assignments.filter((a): a is RaterAssignment => a !== null);
  const nips = (missing: (a: RaterAssignment) => boolean) =>
    [...new Set(active.filter(missing).map((a) => a.nip))].sort();
  return {
    withoutRater: nips((a) => a.raterNip === null),
    withoutRaterSupervisor: nips((a) => a.raterSupervisorNip === null),
  };
}
