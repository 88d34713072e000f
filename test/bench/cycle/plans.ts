// Set-up of the rush, not measured: every appraisal of a cycle gets an approved SKP plan (one RHK with one
// quantitative IKI, cascading from the rater's RHK), decided by the API's own pure deciders and appended straight
// through the hash-chaining store, as `seed-demo` does (cheaper than ~3 HTTP calls per appraisal). Raters' plans
// come first, wave by wave down the reporting lines, so every cascade points at an RHK that exists. A plan
// nobody can approve (no rater: the head of the agency) stays submitted; the rush leaves that appraisal out.
import { randomUUID } from 'node:crypto';
import { Role } from '../../../libs/auth/src/index.js';
import type { EventStore } from '../../../libs/event-store/src/port.js';
import type { RaterPlanFact } from '../../../libs/appraisal/src/appraisal/appraisal-commands.js';
import {
  appraisalStreamName,
  type AppraisalEvent,
  type RhkContent,
} from '../../../libs/appraisal/src/appraisal/appraisal-events.js';
import {
  evolveAppraisal,
  initialAppraisalState,
  type ActiveAppraisal,
  type AppraisalState,
} from '../../../libs/appraisal/src/appraisal/appraisal-state.js';
import { approvePlanDecider } from '../../../libs/appraisal/src/approve-plan/approve-plan.js';
import { draftRhkDecider } from '../../../libs/appraisal/src/draft-rhk/draft-rhk.js';
import { submitPlanDecider } from '../../../libs/appraisal/src/submit-plan/submit-plan.js';
import { toNewEvents } from '../../../libs/organization-import/src/engine/import-context.js';
import { forEachBounded } from '../../../libs/organization-import/src/engine/bounded-pool.js';
import { formatPolicyRef } from '../../../libs/policy/src/versions/policy-events.js';

export const RHK_ID = 'rhk-1';
export const IKI_ID = 'iki-1';
const APPENDS_IN_FLIGHT = 32;

/** Who one appraisal names: what the rush needs to act as the employee and as the rater. */
export interface PlannedAppraisal {
  nip: string;
  raterNip: string | null;
  planApproved: boolean;
}

export async function approveAllPlans(store: EventStore, cycleId: string, nips: string[]): Promise<PlannedAppraisal[]> {
  const loaded = new Map<string, { state: ActiveAppraisal; revision: bigint; hash: string | undefined }>();
  await forEachBounded(nips, APPENDS_IN_FLIGHT, async (nip) => {
    const history = await store.readStream(appraisalStreamName(cycleId, nip));
    const state = history.reduce(
      (s: AppraisalState, e) => evolveAppraisal(s, { type: e.type, data: e.data } as unknown as AppraisalEvent),
      initialAppraisalState(),
    );
    const last = history.at(-1);
    if (state.status !== 'active' || !last) throw new Error(`appraisal of ${nip} in ${cycleId} is not active`);
    loaded.set(nip, { state, revision: last.revision, hash: last.metadata.hash });
  });
  const planned = new Set<string>();
  let pending = [...loaded.values()];
  while (pending.length > 0) {
    // Whose rater has no appraisal here, or a plan already: their RHK has something to cascade from.
    const wave = pending.filter(({ state }) => !loaded.has(state.raterNip ?? '') || planned.has(state.raterNip ?? ''));
    if (wave.length === 0) throw new Error('the reporting lines of the cycle form a loop');
    await forEachBounded(wave, APPENDS_IN_FLIGHT, async ({ state, revision, hash }) => {
      const raterPlan = loaded.has(state.raterNip ?? '')
        ? { raterNip: state.raterNip as string, rhkIds: [RHK_ID] }
        : null;
      const events = approvedPlan(state, raterPlan);
      const context = { actor: { id: 'bench-cycle', role: Role.ADMIN }, correlationId: randomUUID(), now: now() };
      const newEvents = toNewEvents({ ...context, store }, events).map((e) => ({
        ...e,
        metadata: { ...e.metadata, policyVersion: formatPolicyRef(state.policyRef), reason: 'bench set-up' },
      }));
      await store.appendToStream(appraisalStreamName(cycleId, state.nip), newEvents, {
        expected: revision,
        prevHash: hash,
      });
    });
    for (const { state } of wave) planned.add(state.nip);
    pending = pending.filter(({ state }) => !planned.has(state.nip));
  }
  return nips.map((nip) => {
    const { raterNip } = (loaded.get(nip) as { state: ActiveAppraisal }).state;
    return { nip, raterNip, planApproved: raterNip !== null };
  });
}

/** Draft one RHK, submit, approve: the events the plan routes would write, decided in PLANNING. */
function approvedPlan(start: ActiveAppraisal, raterPlan: RaterPlanFact | null): AppraisalEvent[] {
  const base = { now: now(), cyclePhase: 'PLANNING' as const };
  const events: AppraisalEvent[] = [];
  let state: AppraisalState = start;
  const apply = (decided: AppraisalEvent[]) => {
    events.push(...decided);
    state = decided.reduce(evolveAppraisal, state);
  };
  const cascades = raterPlan !== null && start.jobType !== 'JPT';
  const rhk: RhkContent = {
    rhkId: RHK_ID,
    kind: 'UTAMA',
    title: 'Meningkatnya ketuntasan belajar peserta didik',
    cascadesFrom: cascades ? { raterNip: raterPlan.raterNip, rhkId: RHK_ID } : null,
    perjanjianKinerjaRef: cascades ? null : 'Perjanjian Kinerja 2026, Sasaran Strategis 1',
    iki: [
      {
        ikiId: IKI_ID,
        description: 'Persentase peserta didik yang tuntas KKTP',
        type: 'QUANTITATIVE',
        aspect: 'KUANTITAS',
        target: 85,
        unit: '%',
      },
    ],
  };
  apply(draftRhkDecider.decide({ type: 'DraftRhk', ...base, actorNip: start.nip, data: rhk, raterPlan }, state));
  apply(submitPlanDecider.decide({ type: 'SubmitPlan', ...base, actorNip: start.nip, data: {} }, state));
  if (start.raterNip !== null) {
    apply(approvePlanDecider.decide({ type: 'ApprovePlan', ...base, actorNip: start.raterNip, data: {} }, state));
  }
  return events;
}

const now = () => new Date().toISOString();
