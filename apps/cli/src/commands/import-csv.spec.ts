// import-units / import-employees as real child processes on the fixture files, against a real database.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  openImportTestInfrastructure,
  type ImportTestInfrastructure,
} from '../../../../libs/organization-import/src/testing/import-test-infrastructure.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const UNITS = 'test/fixtures/import/units.csv';
const EMPLOYEES = 'test/fixtures/import/employees.csv';

function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', './libs/runtime/loader/register-ts.mjs', 'apps/cli/src/main.ts', ...args],
      { cwd: REPO_ROOT, env: { ...process.env, LOG_LEVEL: 'error', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }),
    );
  });
}

describe('cli import-units / import-employees', () => {
  let t: ImportTestInfrastructure;
  let env: Record<string, string>;
  let dir: string;
  beforeAll(async () => {
    t = await openImportTestInfrastructure();
    await t.registerAgency('kota-manokwari');
    env = { DATABASE_URL: t.infrastructure.databaseUrl };
    dir = await mkdtemp(join(tmpdir(), 'kinerja-import-cli-'));
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports the units file (exit 0) and prints the summary', async () => {
    const run = await cli(['import-units', '--agency', 'kota-manokwari', UNITS], env);
    expect(run.stdout).toBe('import-units kota-manokwari: 4 rows, 4 imported, 0 unchanged, 0 failed\n');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('100.0%');
  });

  it('imports the valid employees, prints each bad row, writes --report, and exits 1', async () => {
    const reportFile = join(dir, 'report.json');
    const run = await cli(['import-employees', EMPLOYEES, '--agency', 'kota-manokwari', '--report', reportFile], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('import-employees kota-manokwari: 7 rows, 5 imported, 0 unchanged, 2 failed\n');
    expect(run.stdout).toContain('  line 7, NIP "199001012015033001": invalid NIP (gender: digit 15');
    expect(run.stdout).toContain('  line 8, ID_UNIT "smp-09-mkw": unknown unit smp-09-mkw');
    const report = JSON.parse(await readFile(reportFile, 'utf8')) as { errors: Array<{ line: number }> };
    expect(report).toMatchObject({ kind: 'employees', agencyId: 'kota-manokwari', imported: 5, failed: 2 });
    expect(report.errors.map((e) => e.line)).toEqual([7, 8]);
  });

  it('a second run of the same files writes nothing', async () => {
    const before = await t.countEvents();
    const units = await cli(['import-units', '--agency', 'kota-manokwari', UNITS], env);
    expect(units.stdout).toContain('4 rows, 0 imported, 4 unchanged, 0 failed');
    expect(units.code).toBe(0);
    const employees = await cli(['import-employees', '--agency', 'kota-manokwari', EMPLOYEES], env);
    expect(employees.stdout).toContain('7 rows, 0 imported, 5 unchanged, 2 failed');
    expect(await t.countEvents()).toBe(before);
  });

  it('exits 2 on usage errors: no --agency, no file, a file that does not exist', async () => {
    const noAgency = await cli(['import-units', UNITS], env);
    expect(noAgency.code).toBe(2);
    expect(noAgency.stderr).toContain('--agency is required');
    expect(noAgency.stderr).toContain('usage: npm run cli -- import-units --agency ID FILE [--report out.json]');
    const noFile = await cli(['import-units', '--agency', 'kota-manokwari'], env);
    expect(noFile.code).toBe(2);
    const missing = await cli(['import-units', '--agency', 'kota-manokwari', join(dir, 'nope.csv')], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
  });

  it('a file without the required columns: one file-level error, exit 1, nothing written', async () => {
    const before = await t.countEvents();
    const run = await cli(['import-units', '--agency', 'kota-manokwari', EMPLOYEES], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('the file cannot be imported, nothing was written');
    expect(run.stdout).toContain('required columns missing: NAMA_UNIT, ID_INDUK');
    expect(await t.countEvents()).toBe(before);
  });
});
