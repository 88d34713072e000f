// The per-person inbox over the keberatan season of objections.test-history.ts (plan and rating returns and
// approvals of the appraisal year, then five objections), projected by the real runner: who is told what,
// what still awaits them by the clock, read marks (idempotent, one's own only, kept across a rebuild); a
// rebuild and a direct replay in other batch sizes (each batch twice) give the same tables.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { activeSchema } from '../../../projections/src/projection.js';
import { rebuildProjection } from '../../../projections/src/rebuild.js';
import {
  projectLive,
  replayInto,
  snapshotTables,
  type LiveProjections,
} from '../../../projections/src/testing/read-model-checks.js';
import { openTestStores, type TestStores } from '../../../projections/src/testing/test-stores.js';
import {
  buildObjectionHistory,
  CYCLE,
  G3A,
  G3B,
  G3D,
  G4A,
  KABID,
  KADIS,
  KEPSEK3,
  KEPSEK4,
  SORONG_NIP,
  type HistoryEntry,
} from '../objections/objections.test-history.js';
import { inboxProjection } from './inbox.projection.js';
import { listInbox, markInboxItemRead } from './inbox.queries.js';

const TABLES = [
  { table: 'appraisal_parties', key: 'stream_id' },
  { table: 'inbox_items', key: 'item_id' },
  { table: 'inbox_objections', key: 'stream_id, objection_id' },
];
const JAN_20 = new Date('2027-01-20T00:00:00.000Z');

describe('inbox read model', () => {
  let t: TestStores;
  let running: LiveProjections | undefined;
  let history: HistoryEntry[];

  beforeAll(async () => {
    t = await openTestStores('rm_inbox');
    history = buildObjectionHistory();
    running = await projectLive(t, history, [inboxProjection]);
  });
  afterAll(async () => {
    await running?.stop();
    await t?.close();
  });

  const inbox = async (nip: string, now = JAN_20) =>
    (await listInbox(t.db, { recipientNip: nip, limit: 100 }, now)).items;
  const kinds = async (nip: string) => (await inbox(nip)).map((i) => [i.kind, i.objectionId ?? '-']);

  it('tells the decider of assignments, statements, withdrawals and decisions; the rater of objections to their rating', async () => {
    expect(await kinds(KABID)).toEqual([
      ['OBJECTION_DECIDED', 'keb-5'], // as the rater of KEPSEK4
      ['OBJECTION_WITHDRAWN', 'keb-3'],
      ['STATEMENT_GIVEN', 'keb-2'],
      ['OBJECTION_ASSIGNED', 'keb-3'],
      ['OBJECTION_ASSIGNED', 'keb-2'],
      ['STATEMENT_REQUESTED', 'keb-5'],
      ['OBJECTION_FILED', 'keb-5'],
      ['OBJECTION_ASSIGNED', 'keb-1'],
      ['RATING_APPROVED', '-'],
    ]);
    expect(await kinds(KEPSEK3)).toEqual([
      ['OBJECTION_WITHDRAWN', 'keb-3'],
      ['STATEMENT_REQUESTED', 'keb-2'],
      ['OBJECTION_FILED', 'keb-3'],
      ['OBJECTION_FILED', 'keb-2'],
      ['RATING_APPROVED', '-'],
      ['RATING_RETURNED', '-'], // G3D's first rating, returned to its rater
    ]);
    expect((await kinds(KADIS)).slice(0, 2)).toEqual([
      ['OBJECTION_FILED', 'keb-4'], // KABID's objection: unassigned, but KADIS is his rater
      ['OBJECTION_ASSIGNED', 'keb-5'],
    ]);
    expect(await kinds(SORONG_NIP)).toEqual([]);
  });

  it("tells the employee of their plan's return, their rating, statements asked of them and the decision", async () => {
    expect(await kinds(G3B)).toEqual([
      ['OBJECTION_RECORDED_BY_HR', 'keb-3'],
      ['RATING_APPROVED', '-'],
      ['PLAN_RETURNED', '-'],
    ]);
    expect(await kinds(G4A)).toEqual([
      ['RATING_APPROVED', '-'], // the quarterly cycle's, approved after the annual keberatan
      ['OBJECTION_DECIDED', 'keb-1'],
      ['RATING_APPROVED', '-'],
    ]);
    const decided = (await inbox(G4A))[1];
    expect(decided).toMatchObject({
      cycleId: CYCLE,
      appraisalNip: G4A,
      outcome: 'CHANGED',
      predikat: 'BAIK',
      read: false,
      due: null,
      message: {
        id: 'Keberatan Anda diputuskan: penilaian diubah, predikat Baik.',
        en: 'Decision on your objection: the rating was changed, predikat Baik.',
      },
    });
    expect((await kinds(G3D)).map(([kind]) => kind)).toEqual(['RATING_APPROVED']);
    expect((await kinds(KEPSEK4)).slice(0, 2)).toEqual([
      ['OBJECTION_DECIDED', 'keb-5'],
      ['STATEMENT_REQUESTED', 'keb-5'],
    ]);
  });

  it('computes at read time what still awaits: due soon, overdue, no longer pending once decided or given', async () => {
    const [g3aRequest] = await inbox(G3A);
    expect(g3aRequest).toMatchObject({
      kind: 'STATEMENT_REQUESTED',
      party: 'EMPLOYEE',
      objectionId: 'keb-2',
      due: { lastDay: '2027-01-18', timeZone: 'Asia/Jayapura', pending: true, overdue: true, dueSoon: false },
      message: {
        id: 'Anda diminta memberikan tanggapan atas keberatan Anda paling lambat 2027-01-18.',
        en: 'You are asked for a statement on your objection by 2027-01-18.',
      },
    });
    const kabid = await inbox(KABID);
    const assigned = (id: string) => kabid.find((i) => i.kind === 'OBJECTION_ASSIGNED' && i.objectionId === id)!;
    expect(assigned('keb-2').due).toEqual({
      lastDay: '2027-01-22',
      closesAt: '2027-01-22T15:00:00.000Z',
      timeZone: 'Asia/Jayapura',
      pending: true,
      overdue: false,
      dueSoon: true,
    });
    expect(assigned('keb-2').message.en).toMatch(/^The objection of .* awaits your decision by 2027-01-22\.$/);
    expect(assigned('keb-3').due).toMatchObject({ pending: false, overdue: false, dueSoon: false }); // withdrawn
    expect(assigned('keb-1').due).toMatchObject({ pending: false }); // decided
    const past = await inbox(KABID, new Date('2027-01-22T15:00:00.000Z'));
    expect(past.find((i) => i.kind === 'OBJECTION_ASSIGNED' && i.objectionId === 'keb-2')!.due).toMatchObject({
      pending: true,
      overdue: true,
      dueSoon: false,
    });
    // The rater's statement was given: their request no longer awaits them.
    const [kepsekRequest] = (await inbox(KEPSEK3)).filter((i) => i.kind === 'STATEMENT_REQUESTED');
    expect(kepsekRequest.due).toMatchObject({ pending: false, overdue: false });
  });

  it('pages newest first; marks read idempotently, one’s own items only; unread filters', async () => {
    const first = await listInbox(t.db, { recipientNip: KABID, limit: 4 }, JAN_20);
    const second = await listInbox(t.db, { recipientNip: KABID, limit: 4, after: first.nextCursor! }, JAN_20);
    const third = await listInbox(t.db, { recipientNip: KABID, limit: 4, after: second.nextCursor! }, JAN_20);
    expect([first.items.length, second.items.length, third.items.length, third.nextCursor]).toEqual([4, 4, 1, null]);
    expect([...first.items, ...second.items, ...third.items].map((i) => i.id)).toEqual(
      (await inbox(KABID)).map((i) => i.id),
    );

    const item = first.items[1];
    expect(await markInboxItemRead(t.db, G3A, item.id, JAN_20)).toBeUndefined(); // not G3A's
    expect(await markInboxItemRead(t.db, KABID, 'no-such-item', JAN_20)).toBeUndefined();
    const read = await markInboxItemRead(t.db, KABID, item.id, JAN_20);
    expect(read).toEqual({ readAt: JAN_20.toISOString() });
    expect(await markInboxItemRead(t.db, KABID, item.id, new Date('2027-01-21T00:00:00.000Z'))).toEqual(read);
    expect((await inbox(KABID)).filter((i) => i.read).map((i) => i.id)).toEqual([item.id]);
    const unread = await listInbox(t.db, { recipientNip: KABID, unread: true, limit: 100 }, JAN_20);
    expect(unread.items.map((i) => i.id)).not.toContain(item.id);
    expect(unread.items).toHaveLength(8);
  });

  describe('replay', () => {
    let schemaNo = 0;
    const snapshot = (schema: string) => snapshotTables(t.db, schema, TABLES);

    it('a rebuild equals the live read model, whatever its batch size, and keeps what was read', async () => {
      const [item] = await inbox(G3A);
      await markInboxItemRead(t.db, G3A, item.id, JAN_20);
      const live = await snapshot(await activeSchema(t.db, inboxProjection.name));
      expect(live.inbox_items.length).toBeGreaterThan(30);
      for (const batchSize of [1, 1000]) {
        const schemaBefore = await activeSchema(t.db, inboxProjection.name);
        await rebuildProjection({
          projection: inboxProjection,
          store: t.store,
          db: t.db,
          connectionString: t.url,
          batchSize,
          idleMs: 50,
        });
        const rebuilt = await activeSchema(t.db, inboxProjection.name);
        expect(rebuilt).not.toBe(schemaBefore);
        expect(await snapshot(rebuilt)).toEqual(live);
      }
      await running!.caughtUp();
      expect((await inbox(G3A)).find((i) => i.id === item.id)?.read).toBe(true);
    });

    it('a direct replay in other batch sizes, each batch applied twice, gives the same tables', async () => {
      const events = await t.store.readAll();
      const live = await snapshot(await activeSchema(t.db, inboxProjection.name));
      for (const batchSize of [1, 5, events.length]) {
        const schema = await replayInto(t.db, `inbox_replay_${schemaNo++}`, inboxProjection, events, batchSize, true);
        expect(await snapshot(schema)).toEqual(live);
      }
    });
  });
});
