// The real entry point (`npm start` runs apps/api/src/main.ts) stops on a bad configuration value with a
// message naming the variable, before starting anything.
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';

const start = (env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', './libs/runtime/loader/register-ts.mjs', 'apps/api/src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });

describe('service start-up with a bad configuration', () => {
  it.each([
    ['PORT', 'eighty'],
    ['DATABASE_URL', 'mysql://db/kinerja'],
    ['EVENTSTORE_URL', 'http://localhost:2113'],
  ])('%s=%s stops the service with exit code 2 and a message naming the variable', (variable, value) => {
    const result = start({ [variable]: value });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`configuration error: ${variable}:`);
    expect(result.stdout).not.toContain('listening');
  });
});
