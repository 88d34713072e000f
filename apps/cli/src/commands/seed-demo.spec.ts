// seed-demo as a real child process against a fresh database: loads the demo agency, publishes its framework,
// opens the demo cycle with an appraisal for everyone in its bidang, approves their plans (two left as drafts), moves
// it to ASSESSMENT and rates (the walk-through's people left), prints dev tokens the API would accept (with NIP and
// roles), and a second run writes nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTokenVerifier, loadOrCreateDevKey } from '../../../../libs/auth/src/index.js';
import { verifyStreamChain } from '../../../../libs/audit/src/hash-chain.js';
import { generateDemoAgency, type DemoPerson } from '../../../../libs/organization-import/src/demo/demo-agency.js';
import { agencyStreamName } from '../../../../libs/organization/src/agency/agency-events.js';
import {
  openImportTestInfrastructure,
  type ImportTestInfrastructure,
} from '../../../../libs/organization-import/src/testing/import-test-infrastructure.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', './libs/runtime/loader/register-ts.mjs', 'apps/cli/src/main.ts', ...args],
      { cwd: REPO_ROOT, env: { ...process.env, AUTH_JWKS_URL: '', AUTH_ISSUER: '', AUTH_AUDIENCE: '', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }),
    );
  });
}

const demo = generateDemoAgency();
const headOf = (unitId: string) => demo.people.find((p) => p.head && p.unitId === unitId)!;
const parentOf = (unitId: string) => demo.units.find((u) => u.id === unitId)!.parent;
/** From the org chart (every unit has a head): a member is rated by their unit's head, a head by the parent's. */
function raterOf(person: DemoPerson): DemoPerson | null {
  const unitId = person.head ? parentOf(person.unitId) : person.unitId;
  return unitId === null ? null : headOf(unitId);
}
/** The demo cycle's scope: the Bidang Pembinaan Sekolah Dasar, its seksi and its schools. */
const cycleUnits = demo.units.filter((u) => u.id === 'bid-sd' || u.parent === 'bid-sd').map((u) => u.id);
const appraisalStream = (nip: string) => `appraisal-skp-2026-disdik-manokwari-${nip}`;
/** The two teachers of SD Negeri 02 whose plans the seed leaves as drafts (the highest NIPs there). */
const stranded = demo.people
  .filter((p) => !p.head && p.unitId === 'sdn-02-manokwari' && p.jobType === 'FUNGSIONAL')
  .map((p) => p.nip)
  .sort()
  .slice(-2);

describe('cli seed-demo', () => {
  let t: ImportTestInfrastructure;
  let firstRun: { code: number; stdout: string; stderr: string };
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await openImportTestInfrastructure();
    dir = await mkdtemp(join(tmpdir(), 'kinerja-seed-'));
    env = { DATABASE_URL: t.infrastructure.databaseUrl, AUTH_DEV_KEY_FILE: join(dir, 'dev-key.json') };
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('loads the agency, its units and employees with their heads, and prints working dev tokens', async () => {
    const run = (firstRun = await cli(['seed-demo', '--write-csv', join(dir, 'csv')], env));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'disdik-manokwari: agency registered (Dinas Pendidikan Kota Manokwari, Asia/Jayapura)',
    );
    expect(run.stdout).toMatch(/units: (\d+) rows, \1 imported, 0 unchanged, 0 failed/);
    expect(run.stdout).toMatch(/employees: (\d+) rows, \1 imported, 0 unchanged, 0 failed/);
    expect(run.stdout).toContain('framework disdik-manokwari-kompetensi published (version 1');
    const framework = await t.infrastructure.rawEventStore.readStream('framework-disdik-manokwari-kompetensi');
    expect(framework.map((e) => e.type)).toEqual([
      'FrameworkDrafted.v1',
      'FrameworkDraftOpenedForComment.v1',
      'FrameworkVersionPublished.v1',
    ]);
    const agency = await t.infrastructure.rawEventStore.readStream(agencyStreamName('disdik-manokwari'));
    const created = agency.filter((e) => e.type === 'UnitCreated.v1').length;
    expect(agency.filter((e) => e.type === 'UnitHeadAssigned.v1')).toHaveLength(created);
    expect(await readFile(join(dir, 'csv', 'employees.csv'), 'utf8')).toMatch(/^\uFEFFNIP;NAMA;JENIS_PEGAWAI/);

    const tokens = [...run.stdout.matchAll(/^ {4}(ey\S+)$/gm)].map((m) => m[1]);
    expect(tokens).toHaveLength(5);
    const kepalaBidang = demo.people.find((p) => p.head && p.unitId === 'bid-sd')!;
    expect(run.stdout).toContain(
      `  Kepala Bidang ${kepalaBidang.name} (cycle skp-2026-disdik-manokwari): NIP ${kepalaBidang.nip}, ` +
        'roles EMPLOYEE, RATER, RATER_SUPERVISOR\n',
    );
    expect(run.stdout).toContain('  HR (kepegawaian): no NIP, roles HR\n');
    expect(run.stdout).toMatch(/^ {2}Guru .+: NIP \d{18}, roles EMPLOYEE$/m);
    const bidangHeads = demo.people.filter(
      (p) => p.head && demo.units.find((u) => u.id === p.unitId)?.kind === 'bidang',
    );
    expect(new Set(bidangHeads.map((p) => p.name)).size).toBe(bidangHeads.length);
    const verifier = createTokenVerifier({ mode: 'dev', key: await loadOrCreateDevKey(env.AUTH_DEV_KEY_FILE) });
    await expect(verifier.verify(tokens[0])).resolves.toMatchObject({ roles: ['HR'], agencyId: 'disdik-manokwari' });
    await expect(verifier.verify(tokens[2])).resolves.toMatchObject({
      roles: ['EMPLOYEE', 'RATER', 'RATER_SUPERVISOR'],
      nip: demo.people.find((p) => p.head && p.unitId === 'bid-sd')!.nip,
    });
    await expect(verifier.verify(tokens[4])).resolves.toMatchObject({
      roles: ['EMPLOYEE'],
      nip: expect.stringMatching(/^\d{18}$/),
    });
  });

  it('opens the demo cycle for one bidang: everyone appraised with their raters, plans approved, moved on, rated', async () => {
    const read = (stream: string) => t.infrastructure.rawEventStore.readStream(stream);
    const inScope = demo.people.filter((p) => cycleUnits.includes(p.unitId));
    expect(cycleUnits).toHaveLength(11);
    expect(inScope).toHaveLength(97);
    expect(firstRun.stdout).toContain(
      'cycle skp-2026-disdik-manokwari opened (SKP Tahunan 2026 Bidang Pembinaan Sekolah Dasar, 11 units, 97 people): ' +
        "97 appraisals started (1 without a rater's supervisor), 95 plans approved, " +
        'moved to ASSESSMENT (2 plans not approved, confirmed), 94 ratings submitted, 93 approved',
    );
    const cycle = await read('cycle-skp-2026-disdik-manokwari');
    expect(cycle).toHaveLength(3);
    // Moved on as HR would, confirming past the readiness report: the two stranded plans are on the record.
    for (const [i, to] of [
      [1, 'IN_PROGRESS'],
      [2, 'ASSESSMENT'],
    ] as const) {
      expect(cycle[i]).toMatchObject({
        type: 'CyclePhaseAdvanced.v1',
        data: {
          to,
          notReady: { requirement: 'PLAN_APPROVED', notReady: 2, byStatus: [{ status: 'DRAFT', count: 2 }] },
        },
        metadata: { actor: { id: 'seed-demo' } },
      });
    }
    expect(cycle[0]).toMatchObject({
      type: 'CycleOpened.v1',
      data: {
        agencyId: 'disdik-manokwari',
        kind: 'ANNUAL',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        timeZone: 'Asia/Jayapura',
        rootUnitId: 'bid-sd',
        frameworkRef: { frameworkId: 'disdik-manokwari-kompetensi', version: 1 },
        policyRef: { scope: 'national', version: 1 },
      },
      metadata: { actor: { id: 'seed-demo' }, policyVersion: 'national@1' },
    });
    expect([...(cycle[0].data.unitIds as string[])].sort()).toEqual([...cycleUnits].sort());

    for (const person of inScope) {
      const [started, ...rest] = await read(appraisalStream(person.nip));
      const rater = raterOf(person);
      expect({ nip: person.nip, type: started?.type, ...started?.data }).toMatchObject({
        nip: person.nip,
        type: 'AppraisalStarted.v1',
        unitId: person.unitId,
        raterNip: rater?.nip ?? null,
        raterSupervisorNip: (rater && raterOf(rater)?.nip) ?? null,
      });
      // Everyone's plan is approved but the two stranded teachers' (left for the walk-through to exclude).
      expect([person.nip, rest.length > 0]).toEqual([person.nip, !stranded.includes(person.nip)]);
    }
    const kepalaDinas = headOf('disdik');
    const kepalaBidang = headOf('bid-sd');
    const kepalaSekolah = headOf('sdn-01-manokwari');
    const guru = demo.people.find((p) => !p.head && p.unitId === 'sdn-01-manokwari' && p.jobType === 'FUNGSIONAL')!;
    expect((await read(appraisalStream(kepalaBidang.nip)))[0].data).toMatchObject({
      raterNip: kepalaDinas.nip,
      raterSupervisorNip: null, // the Kepala Dinas heads the root unit: nobody above in the agency
    });
    expect((await read(appraisalStream(guru.nip)))[0].data).toMatchObject({
      raterNip: kepalaSekolah.nip,
      raterSupervisorNip: kepalaBidang.nip,
    });
    expect(await read(appraisalStream(kepalaDinas.nip))).toEqual([]);
    expect(await read(appraisalStream(headOf('smpn-01-manokwari').nip))).toEqual([]);

    const bidangPlan = await read(appraisalStream(kepalaBidang.nip));
    expect(bidangPlan.map((e) => e.type)).toEqual([
      'AppraisalStarted.v1',
      ...Array<string>(3).fill('RhkDrafted.v1'),
      'PlanSubmitted.v1',
      ...Array<string>(2).fill('BehaviourExpectationSet.v1'),
      'PlanApproved.v1',
      // Rated by the Kepala Dinas; nobody in the agency can approve it (no atasan pejabat penilai).
      'SupervisorRatingSubmitted.v1',
    ]);
    expect(verifyStreamChain(bidangPlan)).toEqual({ ok: true });
    expect(bidangPlan.find((e) => e.type === 'PlanApproved.v1')!.data).toMatchObject({
      approvedByNip: kepalaDinas.nip,
    });
    const bidangRhk = bidangPlan.filter((e) => e.type === 'RhkDrafted.v1').map((e) => e.data);
    expect(bidangRhk[0]).toMatchObject({
      title: 'Meningkatnya mutu pembelajaran SD di Kota Manokwari',
      cascadesFrom: null,
      perjanjianKinerjaRef: expect.stringMatching(/^Perjanjian Kinerja 2026/),
      iki: expect.arrayContaining([
        expect.objectContaining({ description: 'Persentase sekolah terakreditasi minimal B', target: 85, unit: '%' }),
      ]),
    });

    const schoolPlan = await read(appraisalStream(kepalaSekolah.nip));
    expect(schoolPlan.find((e) => e.type === 'PlanApproved.v1')).toMatchObject({
      data: { approvedByNip: kepalaBidang.nip },
    });
    expect(schoolPlan.at(-1)).toMatchObject({
      type: 'RatingApproved.v1',
      data: { version: 1, predikat: 'BAIK', approvedByNip: kepalaDinas.nip },
    });
    // The printed teacher: plan approved (cascading from the school head's), not rated: the walk-through rates them.
    const guruStream = await read(appraisalStream(guru.nip));
    expect(guruStream.map((e) => e.type)).toEqual([
      'AppraisalStarted.v1',
      'RhkDrafted.v1',
      'PlanSubmitted.v1',
      'PlanApproved.v1',
    ]);
    expect(guruStream[1].data).toMatchObject({
      rhkId: 'rhk-2026-1',
      cascadesFrom: { raterNip: kepalaSekolah.nip },
      iki: [expect.objectContaining({ ikiId: 'iki-2026-1', target: 100 })],
    });
    const cascades = schoolPlan.filter((e) => e.type === 'RhkDrafted.v1').map((e) => e.data.cascadesFrom);
    expect(cascades).toHaveLength(2);
    for (const from of cascades) {
      expect(from).toEqual({ raterNip: kepalaBidang.nip, rhkId: expect.any(String) });
      expect(bidangRhk.map((r) => r.rhkId)).toContain((from as { rhkId: string }).rhkId);
    }
    for (const event of [...bidangPlan, ...schoolPlan].slice(1)) {
      expect(event.metadata).toMatchObject({ actor: { id: 'seed-demo' }, policyVersion: 'national@1' });
    }
  });

  it('a second run writes nothing', async () => {
    const before = await t.countEvents();
    const run = await cli(['seed-demo'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('agency already registered');
    expect(run.stdout).toContain('framework disdik-manokwari-kompetensi already there');
    expect(run.stdout).toMatch(/employees: (\d+) rows, 0 imported, \1 unchanged, 0 failed/);
    expect(run.stdout).toMatch(
      /cycle skp-2026-disdik-manokwari already open \(.*, 11 units, 97 people\): 0 appraisals started \(1 without a rater's supervisor\), 0 plans approved, in ASSESSMENT, 0 ratings submitted, 0 approved/,
    );
    expect(await t.countEvents()).toBe(before);
  });
});
