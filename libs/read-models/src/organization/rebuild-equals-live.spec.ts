// Rebuilt == live for the read models of the organization issue: organization, reporting_lines,
// conflicts_of_interest, employee_directory, policy_versions and frameworks. A history from the real deciders
// (organization.test-history.ts, policy-versions.test-history.ts, frameworks.test-history.ts) is appended to the
// PostgreSQL event store and projected live by the real runners (batches of 7); a rebuild in batches of 1 and of
// 1000, and a direct replay through migrate/apply in batches of 1, 5 and all, must give the same tables.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import type { RecordedEvent } from '../../../event-store/src/port.js';
import { activeSchema, type Projection } from '../../../projections/src/projection.js';
import { rebuildProjection } from '../../../projections/src/rebuild.js';
import {
  projectLive,
  replayInto,
  snapshotTables,
  type LiveProjections,
} from '../../../projections/src/testing/read-model-checks.js';
import { openTestStores, type TestStores } from '../../../projections/src/testing/test-stores.js';
import { employeeDirectoryProjection } from '../employee-directory/employee-directory.projection.js';
import { buildFrameworkHistory } from '../frameworks/frameworks.test-history.js';
import { frameworksProjection } from '../frameworks/frameworks.projection.js';
import { buildPolicyHistory } from '../policies/policy-versions.test-history.js';
import { policyVersionsProjection } from '../policies/policy-versions.projection.js';
import { conflictsOfInterestProjection } from './conflicts-of-interest.projection.js';
import type { HistoryEntry } from './history-builder.js';
import {
  A,
  B,
  buildOrganizationHistory,
  KABID,
  KADIS,
  KEPSEK3,
  KEPSEK4,
  LEGACY,
  PLT,
  TEACHERS,
} from './organization.test-history.js';
import { organizationProjection } from './organization.projection.js';
import { reportingLinesProjection } from './reporting-lines.projection.js';

/** Each read model's tables with a total order (their keys), so that two snapshots compare row by row. */
const TABLES = new Map<Projection, { table: string; key: string; minRows: number }[]>([
  [
    organizationProjection,
    [
      { table: 'agencies', key: 'agency_id', minRows: 2 },
      { table: 'units', key: 'agency_id, unit_id', minRows: 7 },
    ],
  ],
  [
    reportingLinesProjection,
    [
      { table: 'units', key: 'agency_id, unit_id', minRows: 7 },
      { table: 'members', key: 'nip', minRows: 13 },
      { table: 'lines', key: 'nip', minRows: 13 },
    ],
  ],
  [conflictsOfInterestProjection, [{ table: 'declarations', key: 'declaration_id', minRows: 3 }]],
  [employeeDirectoryProjection, [{ table: 'employees', key: 'nip', minRows: 13 }]],
  [policyVersionsProjection, [{ table: 'policy_versions', key: 'scope, version', minRows: 3 }]],
  [
    frameworksProjection,
    [
      { table: 'frameworks', key: 'framework_id', minRows: 2 },
      { table: 'framework_versions', key: 'framework_id, version', minRows: 3 },
      { table: 'framework_comments', key: 'comment_id', minRows: 4 },
    ],
  ],
]);
const PROJECTIONS = [...TABLES.keys()];

describe('organization-issue read models: rebuilt == live, whatever the batch size', () => {
  let t: TestStores;
  let running: LiveProjections | undefined;
  let history: HistoryEntry[];

  beforeAll(async () => {
    t = await openTestStores('rm_org_rebuild');
    const builder = buildFrameworkHistory([A, B], buildPolicyHistory(A, buildOrganizationHistory()));
    history = builder.entries;
    running = await projectLive(t, history, PROJECTIONS);
  });

  afterAll(async () => {
    await running?.stop();
    await t?.close();
  });

  const snapshot = (projection: Projection, schema: string) => snapshotTables(t.db, schema, TABLES.get(projection)!);

  let replays = 0;
  /** Applies `events` straight through migrate/apply into a fresh schema, in batches of `batchSize`. */
  const replay = (projection: Projection, events: RecordedEvent[], batchSize: number) =>
    replayInto(t.db, `org_replay_${replays++}`, projection, events, batchSize);

  it('the history exercises every event type the six read models handle', () => {
    const recorded = new Set(history.map((e) => e.event.type));
    const handled = new Set(PROJECTIONS.flatMap((p) => p.handles));
    expect([...handled].filter((type) => !recorded.has(type))).toEqual([]);
  });

  it('the live read models hold what the history says (spot checks)', async () => {
    for (const projection of PROJECTIONS) {
      const live = await snapshot(projection, await activeSchema(t.db, projection.name));
      for (const { table, minRows } of TABLES.get(projection)!) {
        expect({ table, rows: live[table].length >= minRows }).toEqual({ table, rows: true });
      }
    }
    const rows = async (projection: Projection, table: string, where: string) =>
      (
        await sql`SELECT * FROM ${sql.table(`${await activeSchema(t.db, projection.name)}.${table}`)}
          WHERE ${sql.raw(where)}`.execute(t.db)
      ).rows as Record<string, unknown>[];
    const [G1, G2, , G4, G5, G6] = TEACHERS;
    expect(await rows(organizationProjection, 'units', `unit_id IN ('sd-3', 'sd-4') ORDER BY unit_id`)).toMatchObject([
      { parent_unit_id: 'bidang-smp', depth: 2, name: 'SD Negeri 3 Manokwari', head_nip: KEPSEK3 },
      { parent_unit_id: 'bidang-sd', head_nip: G6 },
    ]);
    const line = async (nip: string) =>
      (await rows(reportingLinesProjection, 'lines', `nip = '${nip}'`)).map((l) => [l.rater_nip, l.source])[0];
    expect(await line(LEGACY)).toEqual([PLT, 'derived']); // moved into smp-1 (vacant): the head of bidang-smp
    expect(await line(KEPSEK4)).toEqual([KADIS, 'derived']);
    expect(await line(G4)).toEqual([G6, 'derived']); // override cleared; sd-4 vacated, then G6 heads it
    expect(await line(G6)).toEqual([KABID, 'derived']);
    expect(await line(G5)).toEqual([KABID, 'override']);
    expect(
      await rows(employeeDirectoryProjection, 'employees', `nip IN ('${G1}', '${G2}', '${LEGACY}') ORDER BY nip`),
    ).toMatchObject([
      { nip: LEGACY, unit_id: 'smp-1', golongan: null },
      { nip: G1, name: 'Siti Rahayu Mandacan' },
      { nip: G2, golongan: 'III/c', position_title: 'Guru Ahli Muda' },
    ]);
    expect(await rows(conflictsOfInterestProjection, 'declarations', 'withdrawn_at IS NOT NULL')).toMatchObject([
      { ratee_nip: G5, withdrawal_reason: 'bukan kerabat' },
    ]);
    expect(
      (await rows(policyVersionsProjection, 'policy_versions', 'true ORDER BY scope, version')).map((v) => [
        v.scope,
        v.version,
        v.published_by,
      ]),
    ).toEqual([
      [A, 1, 'hr-1'],
      [A, 2, 'hr-1'],
      ['national', 2, 'admin-1'],
    ]);
    expect(await rows(frameworksProjection, 'frameworks', `agency_id = '${A}'`)).toMatchObject([
      { status: 'OPEN_FOR_COMMENT', draft_version: 2, latest_published_version: 1 },
    ]);
  });

  it('a rebuild equals the live read model, in batches of 1 and of 1000', async () => {
    for (const projection of PROJECTIONS) {
      const live = await snapshot(projection, await activeSchema(t.db, projection.name));
      for (const batchSize of [1, 1000]) {
        const schemaBefore = await activeSchema(t.db, projection.name);
        await rebuildProjection({
          projection,
          store: t.store,
          db: t.db,
          connectionString: t.url,
          batchSize,
          idleMs: 50,
        });
        const rebuilt = await activeSchema(t.db, projection.name);
        expect(rebuilt).not.toBe(schemaBefore);
        expect({ projection: projection.name, batchSize, tables: await snapshot(projection, rebuilt) }).toEqual({
          projection: projection.name,
          batchSize,
          tables: live,
        });
      }
    }
    await running!.caughtUp();
  }, 120_000);

  it('a direct replay in batches of 1, 5 and all gives the same tables', async () => {
    const events = await t.store.readAll();
    expect(events).toHaveLength(history.length);
    for (const projection of PROJECTIONS) {
      const live = await snapshot(projection, await activeSchema(t.db, projection.name));
      for (const batchSize of [1, 5, events.length]) {
        const replayed = await snapshot(projection, await replay(projection, events, batchSize));
        expect({ projection: projection.name, batchSize, tables: replayed }).toEqual({
          projection: projection.name,
          batchSize,
          tables: live,
        });
      }
    }
  });
});
