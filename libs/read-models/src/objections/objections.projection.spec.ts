// The objections queue over a hand-made keberatan season (objections.test-history.ts), projected by the real
// runner from the PostgreSQL event store: filters, overdue by the given clock (at the WIT edge), keyset pages;
// a rebuild and a direct replay in other batch sizes (each batch twice) give the same tables.
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
import { objectionsProjection } from './objections.projection.js';
import { listObjections, type ObjectionQueueFilter } from './objections.queries.js';
import {
  AGENCY,
  buildObjectionHistory,
  CYCLE,
  G3A,
  KABID,
  KADIS,
  KEPSEK3,
  SORONG,
  SORONG_AGENCY,
  SORONG_NIP,
  type HistoryEntry,
} from './objections.test-history.js';

const TABLES = [
  { table: 'appraisal_parties', key: 'stream_id' },
  { table: 'objections', key: 'stream_id, objection_id' },
];
/** Before any open objection's decision deadline; keb-5 was decided late. */
const JAN_20 = new Date('2027-01-20T00:00:00.000Z');

describe('objections queue read model', () => {
  let t: TestStores;
  let running: LiveProjections | undefined;
  let history: HistoryEntry[];

  beforeAll(async () => {
    t = await openTestStores('rm_objections');
    history = buildObjectionHistory();
    running = await projectLive(t, history, [objectionsProjection]);
  });
  afterAll(async () => {
    await running?.stop();
    await t?.close();
  });

  const ids = async (filter: Omit<ObjectionQueueFilter, 'limit'>, now = JAN_20) =>
    (await listObjections(t.db, { limit: 50, ...filter }, now)).items.map((o) => o.objectionId);

  it('lists an agency in filing order, keyset-paginated, then a null cursor', async () => {
    const pages: string[][] = [];
    let after: string | undefined;
    do {
      const page = await listObjections(t.db, { agencyId: AGENCY, limit: 2, after }, JAN_20);
      pages.push(page.items.map((o) => o.objectionId));
      after = page.nextCursor ?? undefined;
    } while (after !== undefined);
    expect(pages).toEqual([['keb-1', 'keb-5'], ['keb-2', 'keb-3'], ['keb-4']]);
    expect(await ids({})).toEqual(['keb-1', 'keb-5', 'keb-2', 'keb-3', 'keb-4', 'keb-s1']);
  });

  it('shows state, people, deadlines and statement dates, never texts', async () => {
    const [keb2] = (
      await listObjections(t.db, { agencyId: AGENCY, limit: 1, after: undefined, status: 'OPEN' }, JAN_20)
    ).items;
    expect(keb2).toEqual({
      objectionId: 'keb-2',
      cycleId: CYCLE,
      nip: G3A,
      name: null,
      agencyId: AGENCY,
      unitId: 'sd-3',
      status: 'OPEN',
      filedAt: '2027-01-08T02:00:00.000Z',
      recordedByHr: false,
      deciderNip: KABID,
      deciderName: null,
      // 14 calendar days from filing, on the WIT calendar: closes at local midnight after the last day
      decisionDue: { lastDay: '2027-01-22', closesAt: '2027-01-22T15:00:00.000Z', timeZone: 'Asia/Jayapura' },
      overdue: false,
      statements: {
        rater: {
          requestedAt: '2027-01-11T02:00:00.000Z',
          dueLastDay: '2027-01-18',
          givenAt: '2027-01-12T02:00:00.000Z',
          lapsed: false,
        },
        employee: { requestedAt: '2027-01-11T02:05:00.000Z', dueLastDay: '2027-01-18', givenAt: null, lapsed: true },
      },
      outcome: null,
      beforePredikat: null,
      afterPredikat: null,
      decidedAt: null,
      withdrawnAt: null,
    });
    expect(JSON.stringify(keb2)).not.toContain('Penilaian sesuai bukti');
    const [keb1] = (await listObjections(t.db, { agencyId: AGENCY, limit: 1 }, JAN_20)).items;
    expect(keb1).toMatchObject({
      status: 'DECIDED',
      outcome: 'CHANGED',
      beforePredikat: 'BUTUH_PERBAIKAN',
      afterPredikat: 'BAIK',
      overdue: false,
      deciderNip: KABID,
    });
    const all = (await listObjections(t.db, { limit: 50 }, JAN_20)).items;
    expect(all.find((o) => o.objectionId === 'keb-3')).toMatchObject({
      status: 'WITHDRAWN',
      recordedByHr: true,
      withdrawnAt: '2027-01-13T01:00:00.000Z',
    });
    expect(all.find((o) => o.objectionId === 'keb-5')).toMatchObject({
      status: 'DECIDED',
      outcome: 'UPHELD',
      overdue: true,
    });
    expect(all.find((o) => o.objectionId === 'keb-s1')).toMatchObject({
      cycleId: SORONG,
      nip: SORONG_NIP,
      agencyId: SORONG_AGENCY,
      deciderNip: null,
    });
  });

  it('filters by cycle, status, decider, unit, unassigned and agency', async () => {
    expect(await ids({ agencyId: AGENCY, status: 'DECIDED' })).toEqual(['keb-1', 'keb-5']);
    expect(await ids({ agencyId: AGENCY, status: 'WITHDRAWN' })).toEqual(['keb-3']);
    expect(await ids({ agencyId: AGENCY, deciderNip: KABID })).toEqual(['keb-1', 'keb-2', 'keb-3']);
    expect(await ids({ agencyId: AGENCY, deciderNip: KADIS })).toEqual(['keb-5']);
    expect(await ids({ agencyId: AGENCY, deciderNip: KEPSEK3 })).toEqual([]);
    expect(await ids({ agencyId: AGENCY, unitId: 'sd-3' })).toEqual(['keb-2', 'keb-3']);
    expect(await ids({ agencyId: AGENCY, unitId: 'dinas' })).toEqual(['keb-4']); // transferred after filing
    expect(await ids({ agencyId: AGENCY, unitId: 'bidang-sd' })).toEqual([]);
    expect(await ids({ agencyId: AGENCY, unassigned: true })).toEqual(['keb-4']);
    expect(await ids({ unassigned: true })).toEqual(['keb-4', 'keb-s1']);
    expect(await ids({ agencyId: AGENCY, unassigned: false })).toEqual(['keb-1', 'keb-5', 'keb-2', 'keb-3']);
    expect(await ids({ cycleId: SORONG })).toEqual(['keb-s1']);
    expect(await ids({ agencyId: SORONG_AGENCY, cycleId: CYCLE })).toEqual([]);
  });

  it('computes overdue from the clock: an open objection is overdue from local midnight after its last day (WIT)', async () => {
    const edge = new Date('2027-01-22T15:00:00.000Z'); // 00:00 on 23 January in Manokwari; still the 22nd in UTC
    const before = new Date(edge.getTime() - 1000);
    expect(await ids({ agencyId: AGENCY, overdue: true })).toEqual(['keb-5']);
    expect(await ids({ agencyId: AGENCY, overdue: true }, before)).toEqual(['keb-5']);
    expect(await ids({ agencyId: AGENCY, overdue: true }, edge)).toEqual(['keb-5', 'keb-2']);
    expect(await ids({ agencyId: AGENCY, overdue: false }, edge)).toEqual(['keb-1', 'keb-3', 'keb-4']);
    const [keb2] = (await listObjections(t.db, { agencyId: AGENCY, overdue: true, limit: 5 }, edge)).items.slice(1);
    expect(keb2).toMatchObject({ objectionId: 'keb-2', overdue: true });
  });

  describe('replay', () => {
    let schemaNo = 0;
    const snapshot = (schema: string) => snapshotTables(t.db, schema, TABLES);

    it('a rebuild equals the live read model, whatever its batch size', async () => {
      const live = await snapshot(await activeSchema(t.db, objectionsProjection.name));
      expect(live.objections).toHaveLength(6);
      for (const batchSize of [1, 1000]) {
        const schemaBefore = await activeSchema(t.db, objectionsProjection.name);
        await rebuildProjection({
          projection: objectionsProjection,
          store: t.store,
          db: t.db,
          connectionString: t.url,
          batchSize,
          idleMs: 50,
        });
        const rebuilt = await activeSchema(t.db, objectionsProjection.name);
        expect(rebuilt).not.toBe(schemaBefore);
        expect(await snapshot(rebuilt)).toEqual(live);
      }
      await running!.caughtUp();
    });

    it('a direct replay in other batch sizes, each batch applied twice, gives the same tables', async () => {
      const events = await t.store.readAll();
      const live = await snapshot(await activeSchema(t.db, objectionsProjection.name));
      for (const batchSize of [1, 5, events.length]) {
        const schema = await replayInto(
          t.db,
          `objections_replay_${schemaNo++}`,
          objectionsProjection,
          events,
          batchSize,
          true,
        );
        expect(await snapshot(schema)).toEqual(live);
      }
    });
  });
});
