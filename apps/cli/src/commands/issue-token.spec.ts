// Runs the CLI as a real child process and checks its token with the auth library, as the API would.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTokenVerifier, loadOrCreateDevKey } from '../../../../libs/auth/src/index.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', './libs/runtime/loader/register-ts.mjs', 'apps/cli/src/main.ts', ...args],
      // Blank the auth variables the test runner may have, so each case states its own mode.
      { cwd: REPO_ROOT, env: { ...process.env, AUTH_JWKS_URL: '', AUTH_ISSUER: '', AUTH_AUDIENCE: '', ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('cli issue-token', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kinerja-issue-token-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints a token that the API-side verifier accepts with the same key file', async () => {
    const keyFile = join(dir, 'keys', 'dev-auth-key.json');
    const run = await cli(
      [
        'issue-token',
        '--sub',
        'hr-1',
        '--role',
        'HR',
        '--role',
        'EMPLOYEE,RATER',
        '--agency',
        'bkn',
        '--nip',
        '198001012005011001',
        '--name',
        'Siti Rahma',
        '--expires',
        '30m',
      ],
      { AUTH_DEV_KEY_FILE: keyFile, AUTH_AUDIENCE: 'kinerja-api' },
    );
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('');
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);

    const verifier = createTokenVerifier({
      mode: 'dev',
      key: await loadOrCreateDevKey(keyFile),
      audience: 'kinerja-api',
    });
    await expect(verifier.verify(lines[0])).resolves.toEqual({
      id: 'hr-1',
      roles: ['HR', 'EMPLOYEE', 'RATER'],
      agencyId: 'bkn',
      nip: '198001012005011001',
      name: 'Siti Rahma',
    });
    const [, payload] = lines[0].split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as {
      iat: number;
      exp: number;
      iss: string;
    };
    expect(claims.exp - claims.iat).toBe(30 * 60);
    expect(claims.iss).toBe('kinerja-ledger-dev');
  });

  it('refuses in production mode (AUTH_JWKS_URL set) and touches no key file', async () => {
    const keyFile = join(dir, 'prod', 'dev-auth-key.json');
    const run = await cli(['issue-token', '--sub', 'x', '--role', 'ADMIN'], {
      AUTH_DEV_KEY_FILE: keyFile,
      AUTH_JWKS_URL: 'https://sso.example.go.id/jwks',
      AUTH_ISSUER: 'https://sso.example.go.id',
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('refused in production mode: AUTH_JWKS_URL is set');
    await expect(stat(keyFile)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('names an unknown role in a usage error (exit 2)', async () => {
    const run = await cli(['issue-token', '--sub', 'x', '--role', 'HR,KEPALA'], {
      AUTH_DEV_KEY_FILE: join(dir, 'k.json'),
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('unknown role: KEPALA');
    expect(run.stderr).toContain('usage: npm run cli -- issue-token --sub ID --role ROLE');
  });

  it('requires --sub and a role', async () => {
    const noSub = await cli(['issue-token', '--role', 'HR'], { AUTH_DEV_KEY_FILE: join(dir, 'k.json') });
    expect(noSub.code).toBe(2);
    expect(noSub.stderr).toContain('--sub is required');
    const noRole = await cli(['issue-token', '--sub', 'x'], { AUTH_DEV_KEY_FILE: join(dir, 'k.json') });
    expect(noRole.code).toBe(2);
    expect(noRole.stderr).toContain('at least one --role is required');
  });
});
