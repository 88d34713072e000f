// Property (README "Auditor's replay"): for random histories of one appraisal, driven through the HTTP API (every
// command may be refused; a refusal writes nothing, so what is stored is always a valid history), the replay's
// final state equals the appraisal view and the `appraisals` read model's row, and the replay up to any revision
// equals the state after that step. Phases and publication are the cycle's acts: appended as the cycle would.
// REPLAY_PROPERTY_RUNS and REPLAY_PROPERTY_SEED vary the runs.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Role } from '../../libs/auth/src/index.js';
import { appraisalStreamName } from '../../libs/appraisal/src/appraisal/appraisal-events.js';
import { CYCLE_PHASES, type CyclePhase } from '../../libs/appraisal/src/cycle/cycle-events.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import {
  NIPS,
  advancePhase,
  allValues,
  appraisalUrl,
  buildOrganization,
  guruRhk,
  kepsekRhk,
  openCycle,
  send,
  tokensFor,
  type Tokens,
} from './appraisals.support.js';

const RUNS = Number(process.env.REPLAY_PROPERTY_RUNS ?? 8);
const SEED = process.env.REPLAY_PROPERTY_SEED === undefined ? undefined : Number(process.env.REPLAY_PROPERTY_SEED);

type RatingChoice = 'SESUAI_EKSPEKTASI' | 'DI_ATAS_EKSPEKTASI' | 'DI_BAWAH_EKSPEKTASI';
type Action =
  | { kind: 'draft' }
  | { kind: 'submitPlan' }
  | { kind: 'returnPlan' }
  | { kind: 'approvePlan' }
  | { kind: 'evidence' }
  | { kind: 'nextPhase' }
  | { kind: 'selfAssess'; rating: RatingChoice }
  | { kind: 'rate'; hasilKerja: RatingChoice; perilaku: RatingChoice }
  | { kind: 'approveRating' }
  | { kind: 'returnRating' }
  | { kind: 'dialogue' }
  | { kind: 'publish' }
  | { kind: 'receipt' };

const rating = fc.constantFrom<RatingChoice>('SESUAI_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI');
/** Weighted towards what moves an appraisal on, so random walks get past planning. */
const action: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'draft' as const }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'submitPlan' as const }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'returnPlan' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'approvePlan' as const }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'evidence' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'nextPhase' as const }), weight: 3 },
  { arbitrary: rating.map((r) => ({ kind: 'selfAssess' as const, rating: r })), weight: 2 },
  {
    arbitrary: fc.record({ hasilKerja: rating, perilaku: rating }).map((r) => ({ kind: 'rate' as const, ...r })),
    weight: 3,
  },
  { arbitrary: fc.constant({ kind: 'approveRating' as const }), weight: 3 },
  { arbitrary: fc.constant({ kind: 'returnRating' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'dialogue' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'publish' as const }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'receipt' as const }), weight: 1 },
);

const step = (kind: 'draft' | 'submitPlan' | 'approvePlan' | 'returnPlan' | 'nextPhase' | 'evidence'): Action => ({
  kind,
});
/** A whole history, to a received result with a return and a dialogue: always run (fast-check `examples`). */
const WHOLE_HISTORY: Action[] = [
  step('draft'),
  step('submitPlan'),
  step('returnPlan'),
  step('submitPlan'),
  step('approvePlan'),
  step('nextPhase'),
  step('evidence'),
  step('nextPhase'),
  { kind: 'selfAssess', rating: 'DI_ATAS_EKSPEKTASI' },
  { kind: 'rate', hasilKerja: 'DI_BAWAH_EKSPEKTASI', perilaku: 'SESUAI_EKSPEKTASI' },
  { kind: 'approveRating' },
  { kind: 'dialogue' },
  { kind: 'returnRating' },
  { kind: 'rate', hasilKerja: 'DI_ATAS_EKSPEKTASI', perilaku: 'SESUAI_EKSPEKTASI' },
  { kind: 'approveRating' },
  step('nextPhase'),
  step('nextPhase'),
  { kind: 'publish' },
  { kind: 'receipt' },
];
const EXAMPLES: [Action[], number][] = [[WHOLE_HISTORY, 3]];

/** A prefix of the whole history (so random walks start from every stage of it), then random actions. */
const history: fc.Arbitrary<Action[]> = fc
  .tuple(fc.nat({ max: WHOLE_HISTORY.length }), fc.array(action, { minLength: 1, maxLength: 30 }))
  .map(([prefix, rest]) => [...WHOLE_HISTORY.slice(0, prefix), ...rest]);

interface ReplayedState {
  phase: string | null;
  plan: { status: string; rhkIds: string[] };
  ratings: { version: number; status: string; predikat: string; hasilKerja: string; perilaku: string }[];
  approved: { version: number; predikat: string } | null;
  result: { ratingVersion: number; predikat: string } | null;
  receipt: { receivedAt: string } | null;
}
interface Replay {
  streamRevision: string;
  state: ReplayedState;
  steps: { revision: string; stateAfter: ReplayedState }[];
}
interface View {
  plan: { status: string; rhk: { rhkId: string }[] };
  ratings: { version: number; status: string; rating: { predikat: string } }[];
  approved: { version: number; predikat: string } | null;
  result: { ratingVersion: number; predikat: string } | null;
  receipt: { receivedAt: string } | null;
}
interface Row {
  nip: string;
  planStatus: string;
  ratingVersion: number | null;
  ratingStatus: string | null;
  predikat: string | null;
  publishedPredikat: string | null;
  receivedAt: string | null;
  revision: string;
}

describe('replay property: the final state equals the view and the read model', () => {
  let h: ApiHarness;
  let t: Tokens;
  let run = 0;
  let published = 0;

  beforeAll(async () => {
    h = await startApiHarness();
    t = await tokensFor(h);
    await buildOrganization(h, t);
  });
  afterAll(async () => {
    await h.close();
  });

  /** Plays the actions on GURU1's appraisal in a fresh cycle; any refusal is fine, a 5xx never is. */
  async function play(cycleId: string, actions: Action[]): Promise<{ phase: CyclePhase }> {
    const url = appraisalUrl(NIPS.GURU1, cycleId);
    const counter = { rhk: 0, ratings: 0, notes: 0 };
    const drafted: string[] = [];
    let phase: CyclePhase = 'PLANNING';
    const go = async (method: 'POST' | 'PUT', path: string, token: string, body?: unknown) => {
      const sent = await send(h, method, `${url}${path}`, token, body);
      if (sent.status >= 500)
        throw new Error(`${method} ${path} answered ${sent.status}: ${JSON.stringify(sent.body)}`);
      return sent.status < 300;
    };
    await openCycle(h, cycleId);
    await send(h, 'POST', `${appraisalUrl(NIPS.KEPSEK, cycleId)}/plan/rhk`, t.kepsek, kepsekRhk);
    for (const a of actions) {
      switch (a.kind) {
        case 'draft': {
          const id = `rhk-${++counter.rhk}`;
          if (await go('POST', '/plan/rhk', t.guru1, guruRhk(id, `iki-${counter.rhk}`))) drafted.push(id);
          break;
        }
        case 'submitPlan':
          await go('POST', '/plan/submission', t.guru1);
          break;
        case 'returnPlan':
          await go('POST', '/plan/return', t.kepsek, { comments: 'Lengkapi target' });
          break;
        case 'approvePlan':
          await go('POST', '/plan/approval', t.kepsek);
          break;
        case 'evidence':
          await go('POST', '/evidence', t.guru1, {
            evidenceId: 'bukti-1',
            kind: 'LINK',
            url: 'https://drive.example.go.id/bukti-1.pdf',
            description: 'Bukti dukung',
          });
          break;
        case 'nextPhase': {
          const next: CyclePhase | undefined = CYCLE_PHASES[CYCLE_PHASES.indexOf(phase) + 1];
          if (next === undefined || next === 'CLOSED') break;
          await advancePhase(h, phase, next, cycleId);
          phase = next;
          break;
        }
        case 'selfAssess':
          await go('POST', '/self-assessment', t.guru1, {
            rhk: drafted.map((rhkId) => ({ rhkId, rating: a.rating, note: '', evidenceIds: [] })),
            values: allValues(a.rating),
            hasilKerja: a.rating,
            perilaku: a.rating,
          });
          break;
        case 'rate': {
          const plain = a.hasilKerja === 'SESUAI_EKSPEKTASI' && a.perilaku === 'SESUAI_EKSPEKTASI';
          const realisations = drafted.flatMap((rhkId, i) => [
            { rhkId, ikiId: `iki-${rhkId.slice(4)}-1`, value: 80 + i },
            { rhkId, ikiId: `iki-${rhkId.slice(4)}-2`, narrative: 'Modul ajar lengkap' },
          ]);
          const body = {
            realisations,
            hasilKerja: a.hasilKerja,
            perilaku: a.perilaku,
            valueNotes: [],
            competencyLevels: [],
            ...(plain ? {} : { justification: 'Didukung rekap nilai.', evidenceIds: ['bukti-1'] }),
          };
          if (await go('POST', '/ratings', t.kepsek, body)) counter.ratings++;
          break;
        }
        case 'approveRating':
          await go('POST', `/ratings/${Math.max(1, counter.ratings)}/approval`, t.kabid);
          break;
        case 'returnRating':
          await go('POST', `/ratings/${Math.max(1, counter.ratings)}/return`, t.kabid, { reasons: 'Tinjau ulang' });
          break;
        case 'dialogue': {
          const noteId = `dialog-${++counter.notes}`;
          if (await go('POST', '/dialogue-notes', t.kepsek, { noteId, heldOn: '2025-12-10', text: 'Membahas.' })) {
            await go('POST', `/dialogue-notes/${noteId}/acknowledgement`, t.guru1, { comment: 'Sudah dibahas.' });
          }
          break;
        }
        case 'publish':
          if (phase === 'PUBLISHED') await publishIfApproved(cycleId);
          break;
        case 'receipt':
          await go('POST', '/receipt', t.guru1);
          break;
      }
    }
    return { phase };
  }

  /** As the cycle's publication would: the approved rating becomes the result (nothing when none, or already). */
  async function publishIfApproved(cycleId: string): Promise<void> {
    const view = (await send(h, 'GET', appraisalUrl(NIPS.GURU1, cycleId), t.hrA)).body as unknown as Omit<
      View,
      'ratings'
    > & {
      ratings: { version: number; rating: { hasilKerja: string; perilaku: string; predikat: string } }[];
    };
    if (view.approved === null || view.result !== null) return;
    const approved = view.ratings.find((r) => r.version === view.approved!.version)!;
    const stream = appraisalStreamName(cycleId, NIPS.GURU1);
    const at = new Date().toISOString();
    await h.api.infrastructure.eventStore.appendToStream(stream, [
      {
        id: randomUUID(),
        type: 'ResultPublished.v1',
        data: {
          ratingVersion: approved.version,
          hasilKerja: approved.rating.hasilKerja,
          perilaku: approved.rating.perilaku,
          predikat: approved.rating.predikat,
          recommendations: [],
          publishedAt: at,
        },
        metadata: {
          actor: { id: 'system', role: Role.HR },
          correlationId: randomUUID(),
          causationId: randomUUID(),
          occurredAt: at,
        },
      },
    ]);
  }

  it('holds for random histories', async () => {
    await fc.assert(
      fc.asyncProperty(history, fc.nat(), async (actions, pick) => {
        const cycleId = `replay-prop-${++run}`;
        const { phase } = await play(cycleId, actions);
        const url = appraisalUrl(NIPS.GURU1, cycleId);
        const replay = (await send(h, 'GET', `${url}/replay`, t.auditor)).body as unknown as Replay;
        const { state } = replay;
        const view = (await send(h, 'GET', url, t.auditor)).body as unknown as View;

        if (state.receipt !== null) published++;
        expect(state.phase).toBe(phase);
        expect(state.plan.status).toBe(view.plan.status);
        expect(state.plan.rhkIds).toEqual(view.plan.rhk.map((r) => r.rhkId).sort());
        expect(state.ratings.map((r) => [r.version, r.status, r.predikat])).toEqual(
          view.ratings.map((r) => [r.version, r.status, r.rating.predikat]),
        );
        expect(state.approved).toEqual(view.approved);
        expect(state.result?.predikat ?? null).toBe(view.result?.predikat ?? null);
        expect(state.receipt?.receivedAt ?? null).toBe(view.receipt?.receivedAt ?? null);

        const row = await h.eventually(async () => {
          const list = await send(h, 'GET', `/api/v1/cycles/${cycleId}/appraisals?limit=50`, t.auditor);
          const found = (list.body.items as Row[] | undefined)?.find((r) => r.nip === NIPS.GURU1);
          return found?.revision === replay.streamRevision ? found : undefined;
        });
        const latest = state.ratings.at(-1);
        expect(row).toMatchObject({
          planStatus: state.plan.status,
          ratingVersion: latest?.version ?? null,
          ratingStatus: latest?.status ?? null,
          predikat: state.approved?.predikat ?? null,
          publishedPredikat: state.result?.predikat ?? null,
          receivedAt: state.receipt?.receivedAt ?? null,
        });

        // Up to any revision: exactly the state after that step of the whole replay.
        const k = pick % replay.steps.length;
        const cut = (await send(h, 'GET', `${url}/replay?revision=${k}`, t.auditor)).body as unknown as Replay;
        expect(cut.state).toEqual(replay.steps[k].stateAfter);
        expect(cut.steps).toEqual(replay.steps.slice(0, k + 1));
      }),
      { numRuns: RUNS, examples: EXAMPLES, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    // The worked examples reach a published, received result: the comparison covered whole histories.
    expect(published).toBeGreaterThan(0);
  }, 300_000);
});
