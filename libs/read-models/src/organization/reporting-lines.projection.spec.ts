// The reporting_lines read model follows unit-head changes, moves and overrides, and does not depend on how
// the events were batched. Real PostgreSQL; events applied through the projection's own apply().
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import type { RecordedEvent } from '../../../event-store/src/port.js';
import type { ReadModelDb } from '../../../projections/src/projection.js';
import { reportingLinesProjection } from './reporting-lines.projection.js';

const A = 'kota-manokwari';
// Employees: KADIS heads dinas; KABID heads bidang-sd; KEPSEK heads sd-3; GURU1, GURU2 teach at sd-3.
const [KADIS, KABID, KEPSEK, GURU1, GURU2, PLT] = [
  '197001012000011001',
  '197501012000011001',
  '198001012005011001',
  '198503152010011002',
  '199001012015031001',
  '198201012006011001',
];

let revision = 0n;
const event = (type: string, data: Record<string, unknown>): RecordedEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: {
    actor: { id: 't', role: 'HR' },
    correlationId: 'c',
    causationId: 'c',
    occurredAt: '2026-01-01T00:00:00Z',
  },
  streamName: 's',
  revision: revision++,
  position: { commit: revision, prepare: 0n },
  createdAt: new Date(),
});
const unit = (unitId: string, parentUnitId: string | null) =>
  event('UnitCreated.v1', { agencyId: A, unitId, name: unitId, parentUnitId });
const head = (unitId: string, nip: string, previousNip: string | null = null) =>
  event('UnitHeadAssigned.v1', { agencyId: A, unitId, nip, previousNip });
const vacated = (unitId: string, previousNip: string, reason = 'pensiun') =>
  event('UnitHeadVacated.v1', { agencyId: A, unitId, previousNip, reason });
const employee = (nip: string, unitId: string) =>
  event('EmployeeRegistered.v2', { nip, name: `name-${nip.slice(-4)}`, agencyId: A, unitId, employmentType: 'PNS' });

const history: RecordedEvent[] = [
  unit('dinas', null),
  unit('bidang-sd', 'dinas'),
  unit('bidang-smp', 'dinas'),
  unit('sd-3', 'bidang-sd'),
  employee(KADIS, 'dinas'),
  employee(KABID, 'bidang-sd'),
  employee(KEPSEK, 'sd-3'),
  employee(GURU1, 'sd-3'),
  employee(GURU2, 'sd-3'),
  employee(PLT, 'bidang-smp'),
  head('dinas', KADIS),
  head('bidang-sd', KABID),
  head('sd-3', KEPSEK),
];

describe('reporting_lines projection', () => {
  let database: TestDatabase;
  let db: ReadModelDb;
  let schemaNo = 0;

  beforeAll(async () => {
    database = await createTestDatabase('rl');
    db = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url }) }) });
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  /** A fresh schema with the events applied in batches of `batchSize`. */
  async function project(events: RecordedEvent[], batchSize = events.length): Promise<string> {
    const schema = `rl_test_${schemaNo++}`;
    await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(db);
    await reportingLinesProjection.migrate(db, schema);
    for (let i = 0; i < events.length; i += batchSize) {
      const batch = events.slice(i, i + batchSize).filter((e) => reportingLinesProjection.handles.includes(e.type));
      await db.transaction().execute((trx) => reportingLinesProjection.apply(trx, schema, batch));
    }
    return schema;
  }
  const lines = async (schema: string) =>
    Object.fromEntries(
      (
        await db
          .withSchema(schema)
          .selectFrom('lines')
          .select(['nip', 'rater_nip', 'supervisor_nip', 'source', 'reason'])
          .orderBy('nip')
          .execute()
      ).map((r) => [r.nip, [r.rater_nip, r.supervisor_nip, r.source, r.reason]]),
    );

  it('derives rater and atasan from unit heads; the head of the root unit has none', async () => {
    const result = await lines(await project(history));
    expect(result[GURU1]).toEqual([KEPSEK, KABID, 'derived', null]);
    expect(result[KEPSEK]).toEqual([KABID, KADIS, 'derived', null]);
    expect(result[KABID]).toEqual([KADIS, null, 'derived', null]);
    expect(result[KADIS]).toEqual([null, null, 'derived', null]);
    expect(result[PLT]).toEqual([KADIS, null, 'derived', null]); // bidang-smp is vacant
  });

  it('follows a unit-head change: members, the new head and the heads below are recomputed', async () => {
    const schema = await project([...history, head('bidang-sd', PLT, KABID)], 1);
    const result = await lines(schema);
    expect(result[KEPSEK]).toEqual([PLT, KADIS, 'derived', null]);
    expect(result[GURU1]).toEqual([KEPSEK, PLT, 'derived', null]); // atasan follows the rater's new rater
    expect(result[KABID]).toEqual([PLT, KADIS, 'derived', null]); // the former head is now a member
  });

  it("follows a vacated head: the unit's people defer to the nearest head above, and so do their reports' atasan", async () => {
    for (const batchSize of [1, 100]) {
      const result = await lines(await project([...history, vacated('sd-3', KEPSEK)], batchSize));
      expect(result[GURU1]).toEqual([KABID, KADIS, 'derived', null]);
      expect(result[GURU2]).toEqual([KABID, KADIS, 'derived', null]);
      expect(result[KEPSEK]).toEqual([KABID, KADIS, 'derived', null]); // the former head, now a plain member
      expect(result[KABID]).toEqual([KADIS, null, 'derived', null]);
    }
  });

  it('a vacated head in the middle of the tree: the units below keep their heads, whose rater moves up', async () => {
    const result = await lines(await project([...history, vacated('bidang-sd', KABID)], 1));
    expect(result[KEPSEK]).toEqual([KADIS, null, 'derived', null]);
    expect(result[GURU1]).toEqual([KEPSEK, KADIS, 'derived', null]); // atasan = the rater's new rater
    expect(result[KABID]).toEqual([KADIS, null, 'derived', null]);
    // a new head ends the vacancy
    const refilled = await lines(await project([...history, vacated('bidang-sd', KABID), head('bidang-sd', PLT)], 1));
    expect(refilled[KEPSEK]).toEqual([PLT, KADIS, 'derived', null]);
    expect(refilled[GURU1]).toEqual([KEPSEK, PLT, 'derived', null]);
    expect(refilled[KABID]).toEqual([PLT, KADIS, 'derived', null]);
  });

  it('vacating the head of the root unit leaves its people without a rater; an override is untouched', async () => {
    const override = event('RaterOverridden.v1', { nip: KABID, raterNip: PLT, reason: 'Plt. kepala dinas' });
    const result = await lines(await project([...history, override, vacated('dinas', KADIS)], 2));
    expect(result[KADIS]).toEqual([null, null, 'derived', null]);
    expect(result[PLT]).toEqual([null, null, 'derived', null]); // bidang-smp and dinas are both vacant now
    expect(result[KABID]).toEqual([PLT, null, 'override', 'Plt. kepala dinas']);
    expect(result[KEPSEK]).toEqual([KABID, PLT, 'derived', null]);
  });

  it('keeps the names beside the lines current after a rename, without changing any line', async () => {
    const rename = event('EmployeeRenamed.v1', {
      nip: KEPSEK,
      name: 'Yohanis Mandacan',
      previousName: 'x',
      reason: 'r',
    });
    const schema = await project([...history, rename], 1);
    const names = await db.withSchema(schema).selectFrom('members').select(['nip', 'name']).orderBy('nip').execute();
    expect(names.find((m) => m.nip === KEPSEK)?.name).toBe('Yohanis Mandacan');
    expect(names.find((m) => m.nip === GURU1)?.name).toBe(`name-${GURU1.slice(-4)}`);
    expect(await lines(schema)).toEqual(await lines(await project(history)));
  });

  it('follows an override and its clearing; the override reason is kept', async () => {
    const override = event('RaterOverridden.v1', { nip: GURU1, raterNip: PLT, reason: 'Plt. kepala sekolah' });
    const overridden = await lines(await project([...history, override]));
    expect(overridden[GURU1]).toEqual([PLT, KADIS, 'override', 'Plt. kepala sekolah']);
    expect(overridden[GURU2]).toEqual([KEPSEK, KABID, 'derived', null]);
    const cleared = event('RaterOverrideCleared.v1', { nip: GURU1, previousRaterNip: PLT, reason: 'back' });
    expect((await lines(await project([...history, override, cleared])))[GURU1]).toEqual([
      KEPSEK,
      KABID,
      'derived',
      null,
    ]);
  });

  it("an override of a rater changes the atasan of the rater's reports", async () => {
    const override = event('RaterOverridden.v1', { nip: KEPSEK, raterNip: PLT, reason: 'acting' });
    const result = await lines(await project([...history, override], 1));
    expect(result[KEPSEK]).toEqual([PLT, KADIS, 'override', 'acting']);
    expect(result[GURU1]).toEqual([KEPSEK, PLT, 'derived', null]);
  });

  it('follows moves of employees and of units', async () => {
    const moved = event('EmployeeMoved.v1', {
      nip: GURU2,
      agencyId: A,
      fromUnitId: 'sd-3',
      toUnitId: 'bidang-smp',
      effectiveDate: '2026-07-01',
    });
    const unitMoved = event('UnitMoved.v1', {
      agencyId: A,
      unitId: 'sd-3',
      fromParentUnitId: 'bidang-sd',
      toParentUnitId: 'bidang-smp',
    });
    const result = await lines(await project([...history, moved, head('bidang-smp', PLT), unitMoved], 2));
    expect(result[GURU2]).toEqual([PLT, KADIS, 'derived', null]);
    expect(result[KEPSEK]).toEqual([PLT, KADIS, 'derived', null]);
    expect(result[GURU1]).toEqual([KEPSEK, PLT, 'derived', null]);
  });

  it('gives the same tables whatever the batching (as a rebuild would)', async () => {
    const all = [
      ...history,
      event('RaterOverridden.v1', { nip: GURU1, raterNip: PLT, reason: 'Plt.' }),
      head('bidang-sd', PLT, KABID),
      head('sd-3', GURU2, KEPSEK),
      vacated('dinas', KADIS),
      head('dinas', KADIS),
      vacated('bidang-sd', PLT),
      event('EmployeeMoved.v1', {
        nip: KEPSEK,
        agencyId: A,
        fromUnitId: 'sd-3',
        toUnitId: 'bidang-smp',
        effectiveDate: '2026-07-01',
      }),
    ];
    const oneByOne = await lines(await project(all, 1));
    expect(await lines(await project(all, 3))).toEqual(oneByOne);
    expect(await lines(await project(all))).toEqual(oneByOne);
    expect(oneByOne[GURU1]).toEqual([PLT, KADIS, 'override', 'Plt.']);
    expect(oneByOne[KEPSEK]).toEqual([KADIS, null, 'derived', null]);
  });
});
