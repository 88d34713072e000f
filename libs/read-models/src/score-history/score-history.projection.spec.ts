// The score history over score-history.test-history.ts, projected by the real runner from the PostgreSQL event
// store: each change with who, when, why and the values before and after; a revision in DETERMINATION; a
// keberatan's change; the trend across cycles with the competency gaps; rebuilt == live, and a direct replay in
// other batch sizes (each batch twice) gives the same tables.
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
import { scoreHistoryProjection } from './score-history.projection.js';
import { scoreHistory, scoreTrend } from './score-history.queries.js';
import {
  AGENCY,
  buildScoreHistory,
  CYCLE,
  G3A,
  G3D,
  G4A,
  G4B,
  KABID,
  KEPSEK3,
  KEPSEK4,
  Q1,
  Q1_REVISED_AT,
} from './score-history.test-history.js';

const TABLES = [
  { table: 'appraisal_parties', key: 'stream_id' },
  { table: 'score_entries', key: 'stream_id, stream_revision' },
  { table: 'score_current', key: 'stream_id' },
  { table: 'score_cycles', key: 'cycle_id' },
  { table: 'score_results', key: 'stream_id' },
];

describe('score history read model', () => {
  let t: TestStores;
  let running: LiveProjections | undefined;

  beforeAll(async () => {
    t = await openTestStores('rm_score_history');
    running = await projectLive(t, buildScoreHistory(), [scoreHistoryProjection]);
  });
  afterAll(async () => {
    await running?.stop();
    await t?.close();
  });

  const all = async (cycleId: string, nip: string) => (await scoreHistory(t.db, cycleId, nip, { limit: 100 })).items;

  it('shows a returned rating, its reason and the revised version, with who and the values before', async () => {
    const items = await all(CYCLE, G3D);
    expect(items.map((i) => i.change)).toEqual(['RATED', 'RETURNED', 'REVISED', 'APPROVED', 'PUBLISHED']);
    const [rated, returned, revised, approved] = items;
    expect(rated).toMatchObject({
      phase: 'ASSESSMENT',
      ratingVersion: 1,
      predikat: 'SANGAT_BAIK',
      by: { nip: KEPSEK3, role: 'HR' },
      reason: 'Bukti dukung terlampir',
    });
    expect(rated.scores).toEqual([
      { item: { kind: 'HASIL_KERJA' }, value: 'DI_ATAS_EKSPEKTASI', previous: null },
      { item: { kind: 'PERILAKU' }, value: 'DI_ATAS_EKSPEKTASI', previous: null },
      { item: { kind: 'PREDIKAT' }, value: 'SANGAT_BAIK', previous: null },
    ]);
    expect(returned).toMatchObject({
      ratingVersion: 1,
      scores: [],
      by: { nip: KABID },
      reason: 'Tanpa bukti dukung',
      predikat: 'SANGAT_BAIK',
    });
    expect(revised).toMatchObject({ ratingVersion: 2, predikat: 'BAIK', reason: null });
    expect(revised.scores).toEqual([
      { item: { kind: 'HASIL_KERJA' }, value: 'SESUAI_EKSPEKTASI', previous: 'DI_ATAS_EKSPEKTASI' },
      { item: { kind: 'PERILAKU' }, value: 'SESUAI_EKSPEKTASI', previous: 'DI_ATAS_EKSPEKTASI' },
      { item: { kind: 'PREDIKAT' }, value: 'BAIK', previous: 'SANGAT_BAIK' },
    ]);
    expect(approved).toMatchObject({ ratingVersion: 2, by: { nip: KABID }, predikat: 'BAIK' });
    expect(Number(revised.revision)).toBeGreaterThan(Number(returned.revision));
  });

  it('shows a realisation the employee recorded, with their role', async () => {
    const [realisation] = await all(CYCLE, G3A);
    expect(realisation).toMatchObject({
      change: 'REALISATION_RECORDED',
      phase: 'IN_PROGRESS',
      scores: [{ item: { kind: 'REALISATION', rhkId: 'rhk-1', ikiId: 'iki-1' }, value: 78, previous: null }],
      by: { nip: G3A, role: 'EMPLOYEE' },
      predikat: null,
    });
  });

  it('shows a keberatan decided CHANGED with the decider, the reasons and the result before and after', async () => {
    const items = await all(CYCLE, G4A);
    expect(items.map((i) => i.change)).toEqual(['RATED', 'APPROVED', 'PUBLISHED', 'OBJECTION_CHANGED']);
    expect(items[3]).toMatchObject({
      phase: 'PUBLISHED',
      by: { nip: KABID },
      reason: 'Bukti realisasi sah',
      predikat: 'BAIK',
      scores: [
        { item: { kind: 'HASIL_KERJA' }, value: 'SESUAI_EKSPEKTASI', previous: 'DI_BAWAH_EKSPEKTASI' },
        { item: { kind: 'PERILAKU' }, value: 'SESUAI_EKSPEKTASI', previous: 'SESUAI_EKSPEKTASI' },
        { item: { kind: 'PREDIKAT' }, value: 'BAIK', previous: 'BUTUH_PERBAIKAN' },
      ],
    });
  });

  it('marks a revision of an approved rating in DETERMINATION (to fit the curve), with realisations and competencies', async () => {
    const items = await all(Q1, G4A);
    expect(items.map((i) => i.change)).toEqual([
      'RATED',
      'APPROVED',
      'REVISED_IN_DETERMINATION',
      'APPROVED',
      'PUBLISHED',
    ]);
    expect(items[2]).toMatchObject({
      phase: 'DETERMINATION',
      ratingVersion: 2,
      by: { nip: KEPSEK4, role: 'RATER' },
      reason: 'Disesuaikan dengan kurva unit',
      at: Q1_REVISED_AT,
    });
    expect(items[2].scores).toEqual([
      { item: { kind: 'HASIL_KERJA' }, value: 'DI_ATAS_EKSPEKTASI', previous: 'SESUAI_EKSPEKTASI' },
      { item: { kind: 'PERILAKU' }, value: 'SESUAI_EKSPEKTASI', previous: 'SESUAI_EKSPEKTASI' },
      { item: { kind: 'PREDIKAT' }, value: 'BAIK', previous: 'BAIK' },
      { item: { kind: 'REALISATION', rhkId: 'rhk-1', ikiId: 'iki-1' }, value: 90, previous: null },
      { item: { kind: 'COMPETENCY', code: 'INTEGRITAS' }, value: 2, previous: null },
    ]);
    expect(items[4]).toMatchObject({ phase: 'PUBLISHED', by: { nip: null, role: 'HR' } });
  });

  it('calls a return and revision in DETERMINATION of a never-approved rating a revision, not one to fit the curve', async () => {
    const items = await all(Q1, G4B);
    expect(items.map((i) => [i.change, i.phase, i.ratingVersion])).toEqual([
      ['RATED', 'ASSESSMENT', 1],
      ['RETURNED', 'DETERMINATION', 1],
      ['REVISED', 'DETERMINATION', 2],
    ]);
    expect(items[2].scores.find((m) => m.item.kind === 'PREDIKAT')).toEqual({
      item: { kind: 'PREDIKAT' },
      value: 'BAIK',
      previous: 'BUTUH_PERBAIKAN',
    });
  });

  it('pages by revision, then a null cursor', async () => {
    const first = await scoreHistory(t.db, CYCLE, G3D, { limit: 2 });
    expect(first.items.map((i) => i.change)).toEqual(['RATED', 'RETURNED']);
    const second = await scoreHistory(t.db, CYCLE, G3D, { limit: 2, after: first.nextCursor! });
    const third = await scoreHistory(t.db, CYCLE, G3D, { limit: 2, after: second.nextCursor! });
    expect([...second.items, ...third.items].map((i) => i.change)).toEqual(['REVISED', 'APPROVED', 'PUBLISHED']);
    expect(third.nextCursor).toBeNull();
    expect((await scoreHistory(t.db, CYCLE, '199901012020011001', { limit: 5 })).items).toEqual([]);
  });

  it("gives an employee's trend across cycles: the result as the keberatan left it, the competency gaps", async () => {
    const trend = await scoreTrend(t.db, G4A, { limit: 10 });
    expect(trend.items).toEqual([
      {
        cycleId: CYCLE,
        agencyId: AGENCY,
        kind: 'ANNUAL',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        ratingVersion: 1,
        hasilKerja: 'SESUAI_EKSPEKTASI',
        perilaku: 'SESUAI_EKSPEKTASI',
        predikat: 'BAIK',
        publishedAt: expect.any(String),
        changedOnObjection: true,
        competencyLevels: [],
        competencyGaps: [],
      },
      {
        cycleId: Q1,
        agencyId: AGENCY,
        kind: 'QUARTERLY',
        periodStart: '2026-01-01',
        periodEnd: '2026-03-31',
        ratingVersion: 2,
        hasilKerja: 'DI_ATAS_EKSPEKTASI',
        perilaku: 'SESUAI_EKSPEKTASI',
        predikat: 'BAIK',
        publishedAt: '2027-02-02T02:00:00.000Z',
        changedOnObjection: false,
        competencyLevels: [{ code: 'INTEGRITAS', level: 2 }],
        competencyGaps: [
          { competencyCode: 'INTEGRITAS', requiredLevel: 3, observedLevel: 2, gap: 1, recommendation: 'TRAINING' },
        ],
      },
    ]);
    expect(trend.nextCursor).toBeNull();
    const first = await scoreTrend(t.db, G4A, { limit: 1 });
    expect(first.items.map((i) => i.cycleId)).toEqual([CYCLE]);
    const second = await scoreTrend(t.db, G4A, { limit: 1, after: first.nextCursor! });
    expect(second.items.map((i) => i.cycleId)).toEqual([Q1]);
    expect((await scoreTrend(t.db, G4A, { limit: 10, agencyId: 'kab-sorong' })).items).toEqual([]);
  });

  describe('replay', () => {
    let schemaNo = 0;
    const snapshot = (schema: string) => snapshotTables(t.db, schema, TABLES);

    it('a rebuild equals the live read model, whatever its batch size', async () => {
      const live = await snapshot(await activeSchema(t.db, scoreHistoryProjection.name));
      expect(live.score_entries.length).toBeGreaterThan(40);
      for (const batchSize of [1, 1000]) {
        const before = await activeSchema(t.db, scoreHistoryProjection.name);
        await rebuildProjection({
          projection: scoreHistoryProjection,
          store: t.store,
          db: t.db,
          connectionString: t.url,
          batchSize,
          idleMs: 50,
        });
        const rebuilt = await activeSchema(t.db, scoreHistoryProjection.name);
        expect(rebuilt).not.toBe(before);
        expect(await snapshot(rebuilt)).toEqual(live);
      }
      await running!.caughtUp();
    });

    it('a direct replay in other batch sizes, each batch applied twice, gives the same tables', async () => {
      const events = await t.store.readAll();
      const live = await snapshot(await activeSchema(t.db, scoreHistoryProjection.name));
      for (const batchSize of [1, 5, events.length]) {
        const schema = await replayInto(
          t.db,
          `score_history_replay_${schemaNo++}`,
          scoreHistoryProjection,
          events,
          batchSize,
          true,
        );
        expect(await snapshot(schema)).toEqual(live);
      }
    });
  });
});
