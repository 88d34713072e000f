// seed-demo as a real child process against a fresh database: loads the demo agency, prints dev tokens the
// API would accept, and a second run writes nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTokenVerifier, loadOrCreateDevKey } from '../../../../libs/auth/src/index.js';
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

describe('cli seed-demo', () => {
  let t: ImportTestInfrastructure;
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
    const run = await cli(['seed-demo', '--write-csv', join(dir, 'csv')], env);
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
    expect(tokens).toHaveLength(4);
    const verifier = createTokenVerifier({ mode: 'dev', key: await loadOrCreateDevKey(env.AUTH_DEV_KEY_FILE) });
    await expect(verifier.verify(tokens[0])).resolves.toMatchObject({ roles: ['HR'], agencyId: 'disdik-manokwari' });
    await expect(verifier.verify(tokens[3])).resolves.toMatchObject({
      roles: ['EMPLOYEE'],
      nip: expect.stringMatching(/^\d{18}$/),
    });
  });

  it('a second run writes nothing', async () => {
    const before = await t.countEvents();
    const run = await cli(['seed-demo'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('agency already registered');
    expect(run.stdout).toContain('framework disdik-manokwari-kompetensi already there');
    expect(run.stdout).toMatch(/employees: (\d+) rows, 0 imported, \1 unchanged, 0 failed/);
    expect(await t.countEvents()).toBe(before);
  });
});
