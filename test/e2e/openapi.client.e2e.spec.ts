// A client generated from the served document types real calls (README "OpenAPI"): openapi-typescript writes
// the types of /docs/openapi.json next to test/openapi-client/calls.mts in a scratch directory, and tsc checks
// the calls, the `@ts-expect-error` ones included (a field typed `{}` or `any` would leave one unused: an error).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';

describe('a client generated from the served document', () => {
  let h: ApiHarness;
  let dir: string;

  beforeAll(async () => {
    h = await startApiHarness();
    dir = await mkdtemp(join(tmpdir(), 'kinerja-openapi-client-'));
  });
  afterAll(async () => {
    await h.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('type-checks real calls, and refuses wrong ones', async () => {
    const doc = (await h.request({ method: 'GET', url: '/docs/openapi.json' })).body;
    await writeFile(join(dir, 'openapi-types.d.ts'), astToString(await openapiTS(doc)));
    await copyFile('test/openapi-client/calls.mts', join(dir, 'calls.mts'));
    const tsc = spawnSync(
      process.execPath,
      [
        'node_modules/typescript/bin/tsc',
        '--noEmit',
        '--strict',
        '--skipLibCheck',
        '--target',
        'es2022',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--types',
        'node',
        '--typeRoots',
        join(process.cwd(), 'node_modules/@types'),
        join(dir, 'calls.mts'),
      ],
      { encoding: 'utf8' },
    );
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 120_000);
});
