// Seed steps after the plans: the demo cycle moves to ASSESSMENT (confirmed past the readiness report, as HR would:
// two teachers never had their SKP approved) and every rater rates, every rater's supervisor approves. Left for
// the README's walk-through (README "Demo data"): the printed teacher's rating, the two stranded teachers (to be
// excluded) and the Kepala Bidang, whose rating nobody in the agency can approve. Idempotent: a moved cycle is not
// moved again, a rated appraisal not rated again.
import type { AppraisalEvent } from '../../../../libs/appraisal/src/appraisal/appraisal-events.js';
import {
  evolveAppraisal,
  latestRating,
  type AppraisalState,
} from '../../../../libs/appraisal/src/appraisal/appraisal-state.js';
import { advanceCyclePhaseDecider } from '../../../../libs/appraisal/src/advance-cycle-phase/advance-cycle-phase.js';
import { countUnready } from '../../../../libs/appraisal/src/advance-cycle-phase/cycle-readiness.js';
import { approveRatingDecider } from '../../../../libs/appraisal/src/approve-rating/approve-rating.js';
import {
  cycleStreamName,
  type CycleEvent,
  type CyclePhase,
} from '../../../../libs/appraisal/src/cycle/cycle-events.js';
import { evolveCycle, type CycleState, type OpenedCycle } from '../../../../libs/appraisal/src/cycle/cycle-state.js';
import { submitSupervisorRatingDecider } from '../../../../libs/appraisal/src/submit-supervisor-rating/submit-supervisor-rating.js';
import { appraisalStreamName } from '../../../../libs/appraisal/src/appraisal/appraisal-events.js';
import type { ImportContext } from '../../../../libs/organization-import/src/engine/import-context.js';
import { formatPolicyRef } from '../../../../libs/policy/src/versions/policy-events.js';

/** What the seed needs of seed-demo-cycle.ts's stream helpers (passed in: no import cycle). */
export interface SeedStreams {
  loadAppraisal(stream: string): Promise<{ state: AppraisalState; last: unknown }>;
  loadCycle(stream: string): Promise<{ state: CycleState; last: unknown }>;
  append(
    stream: string,
    last: unknown,
    events: (AppraisalEvent | CycleEvent)[],
    extra: { policyVersion?: string; reason?: string },
  ): Promise<void>;
}

export const PHASE_REASON =
  'demo: dua guru SD Negeri 02 belum memiliki SKP yang disetujui; dilanjutkan, untuk dikecualikan kemudian';

/** PLANNING / IN_PROGRESS → ASSESSMENT, one event per step, confirmed past the readiness report. */
export async function advanceToAssessment(
  context: ImportContext,
  streams: SeedStreams,
  cycleId: string,
  people: string[],
): Promise<{ phase: CyclePhase; summary: string }> {
  const stream = cycleStreamName(cycleId);
  const loaded = await streams.loadCycle(stream);
  let state = loaded.state as OpenedCycle;
  if (state.phase !== 'PLANNING' && state.phase !== 'IN_PROGRESS')
    return { phase: state.phase, summary: `in ${state.phase}` };
  const facts = [];
  for (const nip of people) {
    const { state: a } = await streams.loadAppraisal(appraisalStreamName(cycleId, nip));
    if (a.status === 'none') continue;
    facts.push({
      unitId: a.unitId,
      active: a.status === 'active',
      excluded: Boolean(a.exclusion),
      planStatus: a.plan.status,
      ratingStatus: latestRating(a)?.status ?? null,
      populationDetermined: false,
    });
  }
  const events: CycleEvent[] = [];
  let notReady = 0;
  for (const to of ['IN_PROGRESS', 'ASSESSMENT'] as const) {
    if (state.phase === to || (to === 'IN_PROGRESS' && state.phase !== 'PLANNING')) continue;
    const readiness = countUnready(to, facts);
    notReady = readiness.notReady;
    const decided = advanceCyclePhaseDecider.decide(
      {
        type: 'AdvanceCyclePhase',
        now: context.now,
        data: { to, reason: PHASE_REASON, confirmNotReady: true },
        populationIds: [],
        readiness,
      },
      state,
    );
    events.push(...decided);
    state = decided.reduce(evolveCycle, state as CycleState) as OpenedCycle;
  }
  await streams.append(stream, loaded.last, events, {
    reason: PHASE_REASON,
    policyVersion: formatPolicyRef(state.policyRef),
  });
  return { phase: state.phase, summary: `moved to ASSESSMENT (${notReady} plans not approved, confirmed)` };
}

/**
 * Every appraisal with an approved plan and no rating, but `skip`: its rater rates it as expected (SESUAI on both
 * axes: BAIK, every IKI realised at its target), its rater's supervisor approves (when it has one).
 */
export async function seedRatings(
  context: ImportContext,
  streams: SeedStreams,
  cycleId: string,
  phase: CyclePhase,
  people: string[],
  skip: ReadonlySet<string>,
): Promise<{ submitted: number; approved: number }> {
  const done = { submitted: 0, approved: 0 };
  if (phase !== 'ASSESSMENT') return done;
  for (const nip of people) {
    if (skip.has(nip)) continue;
    const stream = appraisalStreamName(cycleId, nip);
    const loaded = await streams.loadAppraisal(stream);
    const start = loaded.state;
    if (start.status !== 'active' || start.plan.status !== 'APPROVED' || start.ratings.length > 0) continue;
    if (start.raterNip === null) continue;
    const base = { now: context.now, cyclePhase: phase };
    const realisations = Object.values(start.plan.rhk).flatMap((rhk) =>
      rhk.iki.map((iki) =>
        iki.type === 'QUANTITATIVE'
          ? { rhkId: rhk.rhkId, ikiId: iki.ikiId, value: iki.target, narrative: null }
          : { rhkId: rhk.rhkId, ikiId: iki.ikiId, value: null, narrative: `Tercapai: ${iki.target}` },
      ),
    );
    const events: AppraisalEvent[] = submitSupervisorRatingDecider.decide(
      {
        type: 'SubmitSupervisorRating',
        ...base,
        actorNip: start.raterNip,
        data: {
          realisations,
          hasilKerja: 'SESUAI_EKSPEKTASI',
          perilaku: 'SESUAI_EKSPEKTASI',
          valueNotes: [],
          competencyLevels: [],
          justification: null,
          evidenceIds: [],
        },
        activeConflictOfInterestIds: [],
        populationDetermined: false,
        // The demo rates no competency levels, so no framework lookup is needed.
        knownCompetencyCodes: [],
      },
      start,
    );
    done.submitted++;
    if (start.raterSupervisorNip !== null) {
      const rated = events.reduce(evolveAppraisal, start as AppraisalState);
      events.push(
        ...approveRatingDecider.decide(
          { type: 'ApproveRating', ...base, actorNip: start.raterSupervisorNip, data: { version: 1 } },
          rated,
        ),
      );
      done.approved++;
    }
    await streams.append(stream, loaded.last, events, {
      policyVersion: formatPolicyRef(start.policyRef),
      reason: "demo data: seed-demo acted for the rater and the rater's supervisor",
    });
  }
  return done;
}
