// The keberatan queue and inbox fed by the real commands (not a hand-made history): a published cycle, GURU1
// files, the decider asks both parties, they answer, the decider decides; each step shows in HR's queue and in
// the inbox of those it concerns. The API's clock is set by the test.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../libs/auth/src/index.js';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { buildOrganization, tokensFor, type Tokens } from './organization.fixtures.js';
import { A, NIPS, appendApprovedRating, cycleClient, openBody } from './cycles.support.js';

const { KADIS, KABID, KEPSEK, GURU1, GURU2 } = NIPS;
const CYCLE = 'keb-rm-2026';
const BASE = `/api/v1/cycles/${CYCLE}`;
const objection = `${BASE}/appraisals/${GURU1}/objections`;

type Page<T> = { items: T[] };
type QueueItem = { objectionId: string; status: string; deciderNip: string | null; outcome: string | null };
type InboxItem = { id: string; kind: string; objectionId: string | null; due: { pending: boolean } | null };

describe('keberatan read models follow the real commands', () => {
  let h: ApiHarness;
  let t: Tokens;
  let c: ReturnType<typeof cycleClient>;
  let kabid: string;
  let now = new Date('2027-01-04T01:00:00.000Z');

  const queue = (ready: (items: QueueItem[]) => boolean) =>
    c.eventually<Page<QueueItem>>(`/api/v1/objections?cycleId=${CYCLE}`, t.hrA, (p) => ready(p.items));
  const inbox = (token: string, ready: (items: InboxItem[]) => boolean) =>
    c.eventually<Page<InboxItem>>('/api/v1/me/inbox', token, (p) => ready(p.items));
  const kinds = (items: InboxItem[]) => items.filter((i) => i.objectionId === 'obj-rm').map((i) => i.kind);

  beforeAll(async () => {
    h = await startApiHarness({}, { clock: { now: () => now } });
    t = await tokensFor(h);
    c = cycleClient(h);
    await buildOrganization(h, t);
    kabid = await h.token({
      sub: 'kabid',
      roles: [Role.EMPLOYEE, Role.RATER, Role.RATER_SUPERVISOR],
      agencyId: A,
      nip: KABID,
    });
    await c.ok('POST', '/api/v1/cycles', t.hrA, openBody(CYCLE, { rootUnitId: 'sd-3' }));
    await c.eventually<{ items: unknown[] }>(`${BASE}/appraisals`, t.hrA, (p) => p.items.length === 3);
    await c.advance(CYCLE, t.hrA, 'IN_PROGRESS', 'ASSESSMENT');
    await appendApprovedRating(h, CYCLE, KEPSEK, 'BAIK', KABID, KADIS);
    await appendApprovedRating(h, CYCLE, GURU1, 'BAIK', KEPSEK, KABID);
    await appendApprovedRating(h, CYCLE, GURU2, 'BUTUH_PERBAIKAN', KEPSEK, KABID);
    await c.advance(CYCLE, t.hrA, 'DETERMINATION');
    await c.ok(
      'PUT',
      `${BASE}/populations/sd-3/unit-predikat`,
      kabid,
      { unitPredikat: 'BAIK', reason: 'capaian' },
      200,
    );
    await c.eventually<{ population: { approved: number } }>(
      `${BASE}/populations/sd-3/distribution-check`,
      t.hrA,
      (v) => v.population.approved === 3,
    );
    await c.ok('POST', `${BASE}/populations/sd-3/determination`, kabid, {});
    await c.ok('POST', `${BASE}/phase`, t.hrA, { to: 'PUBLISHED', reason: 'penetapan selesai' });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('filing, statements and the decision reach the queue and the inboxes', async () => {
    now = new Date('2027-01-05T02:00:00.000Z');
    await c.ok('POST', objection, t.guru1, {
      objectionId: 'obj-rm',
      reasons: 'Realisasi IKI melampaui target.',
      items: [{ kind: 'HASIL_KERJA_RATING' }],
      evidence: [],
    });
    const [filed] = (await queue((items) => items.length === 1)).items;
    expect(filed).toMatchObject({ objectionId: 'obj-rm', status: 'OPEN', deciderNip: KABID, outcome: null });
    await inbox(kabid, (items) => kinds(items).join() === 'OBJECTION_ASSIGNED');
    await inbox(t.kepsek, (items) => kinds(items).join() === 'OBJECTION_FILED');

    for (const party of ['RATER', 'EMPLOYEE']) {
      await c.ok('POST', `${objection}/obj-rm/statement-requests`, kabid, { party });
    }
    const asked = await inbox(t.guru1, (items) => kinds(items).join() === 'STATEMENT_REQUESTED');
    expect(asked.items[0].due).toMatchObject({ pending: true });
    await c.ok('POST', `${objection}/obj-rm/statements`, t.kepsek, { statement: 'Sesuai rekap bukti.' });
    await c.ok('POST', `${objection}/obj-rm/statements`, t.guru1, { statement: 'Laporan terlampir.' });
    const answered = await inbox(
      t.guru1,
      (items) => items.find((i) => i.kind === 'STATEMENT_REQUESTED')?.due?.pending === false,
    );
    expect(kinds(answered.items)).toEqual(['STATEMENT_REQUESTED']);
    await inbox(kabid, (items) => kinds(items).join() === 'STATEMENT_GIVEN,STATEMENT_GIVEN,OBJECTION_ASSIGNED');

    await c.ok('POST', `${objection}/obj-rm/decision`, kabid, { outcome: 'UPHELD', reasons: 'Capaian tetap.' });
    const [decided] = (await queue((items) => items[0]?.status === 'DECIDED')).items;
    expect(decided).toMatchObject({ outcome: 'UPHELD', deciderNip: KABID });
    await inbox(t.guru1, (items) => kinds(items)[0] === 'OBJECTION_DECIDED');
    await inbox(t.kepsek, (items) => kinds(items).join() === 'OBJECTION_DECIDED,STATEMENT_REQUESTED,OBJECTION_FILED');
    const assigned = (await inbox(kabid, () => true)).items.find((i) => i.kind === 'OBJECTION_ASSIGNED');
    expect(assigned?.due).toMatchObject({ pending: false });
  });
});
