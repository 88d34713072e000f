// training_jp over a small history (three teachers of one agency, one of another, trainings across two years),
// projected by the real runner with the employee directory: who is short of the yearly target, paginated;
// rebuilt == live, and a direct replay in other batch sizes (each batch twice) gives the same table.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { activeSchema } from '../../../projections/src/projection.js';
import { rebuildProjection } from '../../../projections/src/rebuild.js';
import {
  projectLive,
  replayInto,
  snapshotTables,
  type HistoryEvent,
  type LiveProjections,
} from '../../../projections/src/testing/read-model-checks.js';
import { openTestStores, type TestStores } from '../../../projections/src/testing/test-stores.js';
import { employeeStreamName } from '../../../organization/src/employee/employee-events.js';
import { trainingStreamName, type TrainingEvent } from '../../../competency/src/training/training-events.js';
import { employeeDirectoryProjection } from '../employee-directory/employee-directory.projection.js';
import { trainingJpProjection } from './training-jp.projection.js';
import { allShortfall, jpByYear, trainingShortfall, trainingsOf } from './training-jp.queries.js';

const AGENCY = 'kota-manokwari';
const [ANI, BUDI, CITRA] = ['198503152010012001', '198601012011011002', '198702022012012003'];
const OTHER = '198801012013011004';

function register(nip: string, name: string, agencyId: string, unitId: string): HistoryEvent {
  return {
    stream: employeeStreamName(nip),
    event: {
      type: 'EmployeeRegistered.v2',
      data: {
        nip,
        name,
        employmentType: 'PNS',
        agencyId,
        unitId,
        positionTitle: 'Guru Ahli Pertama',
        birthDate: '1985-03-15',
        gender: 'FEMALE',
        appointmentMonth: '2010-01',
        golongan: 'III/a',
        jobType: 'FUNGSIONAL',
        registeredAt: '2026-01-02T00:00:00.000Z',
      },
    },
    occurredAt: '2026-01-02T00:00:00.000Z',
  };
}

function training(nip: string, trainingId: string, jp: number, completedOn: string): HistoryEvent {
  const event: TrainingEvent = {
    type: 'TrainingRecorded.v1',
    data: {
      trainingId,
      nip,
      agencyId: AGENCY,
      title: `Pelatihan ${trainingId}`,
      provider: 'BPSDM Papua Barat',
      jp,
      completedOn,
      competencyCodes: [],
      evidenceSha256: null,
      recordedByNip: null,
      recordedAt: `${completedOn}T05:00:00.000Z`,
    },
  };
  return { stream: trainingStreamName(nip), event, occurredAt: event.data.recordedAt };
}

const HISTORY: HistoryEvent[] = [
  register(ANI, 'Ani Rumbekwan', AGENCY, 'sd-3'),
  register(BUDI, 'Budi Mandacan', AGENCY, 'sd-3'),
  register(CITRA, 'Citra Kambu', AGENCY, 'sd-4'),
  register(OTHER, 'Dewi Sorong', 'kab-sorong', 'dinas-sorong'),
  training(ANI, 'tr-1', 12, '2026-03-10'),
  training(ANI, 'tr-2', 8, '2026-09-01'), // Ani: 20 JP in 2026, on target
  training(BUDI, 'tr-1', 16, '2026-05-05'), // Budi: 16 JP in 2026
  training(BUDI, 'tr-2', 30, '2025-12-31'), // 2025's, not 2026's
  training(CITRA, 'tr-1', 40, '2025-07-01'), // Citra: nothing in 2026
];

describe('training JP read model', () => {
  let t: TestStores;
  let running: LiveProjections | undefined;

  beforeAll(async () => {
    t = await openTestStores('rm_training_jp');
    running = await projectLive(t, HISTORY, [employeeDirectoryProjection, trainingJpProjection]);
  });
  afterAll(async () => {
    await running?.stop();
    await t?.close();
  });

  it("lists an agency's people short of the target in a year, with their JP, by NIP", async () => {
    const page = await trainingShortfall(t.db, { agencyId: AGENCY, year: 2026, target: 20, limit: 10 });
    expect(page).toEqual({
      items: [
        {
          nip: BUDI,
          name: 'Budi Mandacan',
          unitId: 'sd-3',
          positionTitle: 'Guru Ahli Pertama',
          year: 2026,
          jp: 16,
          target: 20,
          shortfall: 4,
          trainings: 1,
        },
        {
          nip: CITRA,
          name: 'Citra Kambu',
          unitId: 'sd-4',
          positionTitle: 'Guru Ahli Pertama',
          year: 2026,
          jp: 0,
          target: 20,
          shortfall: 20,
          trainings: 0,
        },
      ],
      nextCursor: null,
    });
  });

  it('follows the target, the year and the unit; pages by NIP', async () => {
    const nips = async (filter: { year: number; target: number; unitId?: string }) =>
      (await trainingShortfall(t.db, { agencyId: AGENCY, limit: 10, ...filter })).items.map((i) => i.nip);
    expect(await nips({ year: 2026, target: 16 })).toEqual([CITRA]);
    expect(await nips({ year: 2026, target: 21 })).toEqual([ANI, BUDI, CITRA]);
    expect(await nips({ year: 2025, target: 20 })).toEqual([ANI]);
    expect(await nips({ year: 2026, target: 20, unitId: 'sd-3' })).toEqual([BUDI]);
    const first = await trainingShortfall(t.db, { agencyId: AGENCY, year: 2026, target: 21, limit: 2 });
    expect(first.items.map((i) => i.nip)).toEqual([ANI, BUDI]);
    const second = await trainingShortfall(t.db, {
      agencyId: AGENCY,
      year: 2026,
      target: 21,
      limit: 2,
      after: first.nextCursor!,
    });
    expect(second).toMatchObject({ items: [{ nip: CITRA }], nextCursor: null });
    const all: string[] = [];
    for await (const item of allShortfall(t.db, { agencyId: AGENCY, year: 2026, target: 21 }, 1)) all.push(item.nip);
    expect(all).toEqual([ANI, BUDI, CITRA]);
    expect(await jpByYear(t.db, BUDI)).toEqual([
      { year: 2025, jp: 30 },
      { year: 2026, jp: 16 },
    ]);
  });

  it("pages an employee's trainings by completion date, optionally of one year", async () => {
    const first = await trainingsOf(t.db, ANI, { limit: 1 });
    expect(first.items.map((i) => [i.trainingId, i.completedOn, i.jp])).toEqual([['tr-1', '2026-03-10', 12]]);
    const second = await trainingsOf(t.db, ANI, { limit: 1, after: first.nextCursor! });
    expect(second).toMatchObject({ items: [{ trainingId: 'tr-2', year: 2026 }], nextCursor: null });
    expect((await trainingsOf(t.db, BUDI, { year: 2025, limit: 5 })).items.map((i) => i.trainingId)).toEqual(['tr-2']);
  });

  describe('replay', () => {
    const TABLES = [{ table: 'trainings', key: 'nip, training_id' }];
    const snapshot = (schema: string) => snapshotTables(t.db, schema, TABLES);

    it('a rebuild equals the live read model', async () => {
      const live = await snapshot(await activeSchema(t.db, trainingJpProjection.name));
      expect(live.trainings).toHaveLength(5);
      await rebuildProjection({
        projection: trainingJpProjection,
        store: t.store,
        db: t.db,
        connectionString: t.url,
        batchSize: 1,
        idleMs: 50,
      });
      expect(await snapshot(await activeSchema(t.db, trainingJpProjection.name))).toEqual(live);
      await running!.caughtUp();
    });

    it('a direct replay in other batch sizes, each batch applied twice, gives the same table', async () => {
      const events = await t.store.readAll();
      const live = await snapshot(await activeSchema(t.db, trainingJpProjection.name));
      let n = 0;
      for (const batchSize of [1, 5, events.length]) {
        const schema = await replayInto(
          t.db,
          `training_jp_replay_${n++}`,
          trainingJpProjection,
          events,
          batchSize,
          true,
        );
        expect(await snapshot(schema)).toEqual(live);
      }
    });
  });
});
