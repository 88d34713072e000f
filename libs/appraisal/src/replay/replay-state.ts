// The compact "state after this step" an auditor reads next to each event of an appraisal's replay (README
// "Auditor's replay"). Folded with the domain's own evolveAppraisal, so the replay can never tell a different
// story from the one the deciders and the view were folded from.
import type { Predikat, Rating } from '../../../policy/src/policy.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import {
  approvedRating,
  evolveAppraisal,
  initialAppraisalState,
  type AppraisalState,
  type PlanStatus,
} from '../appraisal/appraisal-state.js';
import type { CyclePhase } from '../cycle/cycle-events.js';

export interface ReplayedState {
  status: 'ACTIVE' | 'ENDED';
  /** The cycle's phase at the step's time (null when the cycle's history is not known). */
  phase: CyclePhase | null;
  unitId: string;
  raterNip: string | null;
  raterSupervisorNip: string | null;
  excluded: boolean;
  plan: { status: PlanStatus; rhkIds: string[]; submissions: number };
  selfAssessmentVersion: number | null;
  ratings: {
    version: number;
    status: 'SUBMITTED' | 'APPROVED' | 'RETURNED';
    hasilKerja: Rating;
    perilaku: Rating;
    predikat: Predikat;
    forDialogue: boolean;
  }[];
  /** The latest version when it is approved (a revision during determination awaits approval again). */
  approved: { version: number; predikat: Predikat } | null;
  result: { ratingVersion: number; predikat: Predikat; hasilKerja: Rating; perilaku: Rating } | null;
  receipt: { receivedAt: string; objectionLastDay: string } | null;
  objections: {
    objectionId: string;
    status: 'OPEN' | 'DECIDED' | 'WITHDRAWN';
    outcome: 'UPHELD' | 'CHANGED' | null;
    predikatAfter: Predikat | null;
  }[];
}

/** The summary of a folded state; null before the appraisal was started. */
export function summarizeAppraisal(state: AppraisalState, phase: CyclePhase | null): ReplayedState | null {
  if (state.status === 'none') return null;
  const approved = approvedRating(state);
  return {
    status: state.status === 'ended' ? 'ENDED' : 'ACTIVE',
    phase,
    unitId: state.unitId,
    raterNip: state.raterNip,
    raterSupervisorNip: state.raterSupervisorNip,
    excluded: state.exclusion != null,
    plan: {
      status: state.plan.status,
      rhkIds: Object.keys(state.plan.rhk).sort(),
      submissions: state.plan.submissions,
    },
    selfAssessmentVersion: state.selfAssessment?.version ?? null,
    ratings: state.ratings.map((r) => ({
      version: r.version,
      status: r.status,
      hasilKerja: r.hasilKerja,
      perilaku: r.perilaku,
      predikat: r.predikat,
      forDialogue: r.forDialogue,
    })),
    approved: approved ? { version: approved.version, predikat: approved.predikat } : null,
    result: state.publication
      ? {
          ratingVersion: state.publication.ratingVersion,
          predikat: state.publication.predikat,
          hasilKerja: state.publication.hasilKerja,
          perilaku: state.publication.perilaku,
        }
      : null,
    receipt: state.receipt
      ? { receivedAt: state.receipt.receivedAt, objectionLastDay: state.receipt.objectionDeadline.lastDay }
      : null,
    objections: state.objections.map((o) => ({
      objectionId: o.objectionId,
      status: o.status,
      outcome: o.decision?.outcome ?? null,
      predikatAfter: o.decision?.after.predikat ?? null,
    })),
  };
}

/** One event of the stream with the time it happened (metadata.occurredAt). */
export interface TimedAppraisalEvent {
  event: AppraisalEvent;
  occurredAt: string;
}

/**
 * The state after each step, in order: element i is the state folded from events 0..i. `phaseAt` says the
 * cycle's phase at an instant (phaseTimeline); without it every phase is null.
 */
export function replayAppraisal(
  events: readonly TimedAppraisalEvent[],
  phaseAt: (instant: string) => CyclePhase | null = () => null,
): (ReplayedState | null)[] {
  let state = initialAppraisalState();
  return events.map(({ event, occurredAt }) => {
    state = evolveAppraisal(state, event);
    return summarizeAppraisal(state, phaseAt(occurredAt));
  });
}
