// `seal`, `audit-key` and `verify` as a user runs them: real child processes on a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningKey, parsePublicKey, publicKeyPem } from '../../libs/audit/src/seal/signing-key.js';
import { loadConfig } from '../../libs/config/src/config.js';
import { UsageError, type CliCommand } from '../../apps/cli/src/command.js';
import { sealCommand } from '../../apps/cli/src/commands/seal.js';
import { verifyCommand } from '../../apps/cli/src/commands/verify.js';
import {
  appendAppraisals,
  appraisalStream,
  cli,
  NIPS,
  openTamperStore,
  tamper,
  type TamperStore,
} from './tamper-support.js';

let dir: string;
let keyFile: string;
let t: TamperStore;
let env: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kinerja-audit-cli-'));
  keyFile = join(dir, 'keys', 'audit-signing-key.pem');
  t = await openTamperStore();
  await appendAppraisals(t.store);
  env = { DATABASE_URL: t.db.url, AUDIT_SIGNING_KEY_FILE: keyFile };
});

afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

describe('audit-key', () => {
  it('creates the signing key on first use and prints its public half, as PEM or JWK, with the same key id', async () => {
    const first = await cli(['audit-key'], env);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/created signing key (\S+) in .*audit-signing-key\.pem/);
    const published = parsePublicKey(first.stdout);
    expect(first.stdout).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(await readFile(keyFile, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);

    const again = await cli(['audit-key', '--jwk'], env);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe(`signing key ${published.keyId}\n`);
    expect(JSON.parse(again.stdout)).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: published.keyId });
    expect(JSON.parse(again.stdout)).not.toHaveProperty('d');
  });
});

describe('seal and verify', () => {
  it('seals the events, then verifies clean (exit 0) with a readable report', async () => {
    const seal = await cli(['seal'], env);
    expect(seal.stderr).toBe('');
    expect(seal.code).toBe(0);
    expect(seal.stdout).toMatch(/^seal #0: 17 events \(start \.\. \d+\/\d+\], root [0-9a-f]{64}, key \S+\n$/);
    expect((await cli(['seal'], env)).stdout).toBe('nothing to seal: no events since the last seal\n');

    const verify = await cli(['verify', '--all'], env);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(
      /^verified the whole store: 17 events in 5 streams, 1 seals \(signatures checked\), sealed up to \d+\/\d+\nlast seal: --expect-seal 0:[0-9a-f]{64} \(keep it outside the database\)\nno problems found\n$/,
    );
  });

  it('checks signatures against a published key given with --public-key, and says when none is available', async () => {
    const published = join(dir, 'published.pem');
    await writeFile(published, (await cli(['audit-key'], env)).stdout);
    expect(
      (await cli(['verify', '--public-key', published], { ...env, AUDIT_SIGNING_KEY_FILE: '/nonexistent/key.pem' }))
        .code,
    ).toBe(0);

    const stranger = join(dir, 'stranger.pem');
    await writeFile(stranger, publicKeyPem(generateSigningKey()));
    const wrongKey = await cli(['verify', '--json', '--public-key', stranger], env);
    expect(wrongKey.code).toBe(1);
    expect(JSON.parse(wrongKey.stdout).findings).toEqual([
      expect.objectContaining({ kind: 'seal_invalid', detail: expect.stringMatching(/not among the public keys/) }),
    ]);

    const noKey = await cli(['verify', '--stream', appraisalStream(NIPS[0])], {
      ...env,
      AUDIT_SIGNING_KEY_FILE: join(dir, 'absent.pem'),
    });
    expect(noKey.code).toBe(0);
    expect(noKey.stderr).toMatch(/warning: no public key .* seal signatures are not checked/);
    expect(noKey.stdout).toMatch(/signatures NOT checked/);
  });

  it('names each problem on its own line and exits 1', async () => {
    await tamper(
      t.pool,
      `UPDATE event_store.events SET data = '{"score": 1}' WHERE stream_name = $1 AND stream_revision = 1`,
      [appraisalStream(NIPS[0])],
    );
    const verify = await cli(['verify', '--cycle', 'kota-manokwari-2026'], env);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(
      new RegExp(
        `1 problem\\(s\\):\\n {2}altered {16}${appraisalStream(NIPS[0])}@1 \\(id [0-9a-f-]{36}, position \\d+/\\d+\\): `,
      ),
    );
  });

  it('refuses bad arguments with exit 2 and the usage line, before touching the database', async () => {
    const run = await cli(['verify', '--stream', 'a', '--all'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'choose one of --stream, --cycle and --all (got stream, all)\n' +
        'usage: npm run cli -- verify [--stream S | --cycle C | --all] [--json] [--public-key FILE] [--expect-seal INDEX:HASH]\n',
    );
    expect(run.stdout).toBe('');
    // The same refusals in-process (each would be exit 2 with the usage line, as above).
    const config = loadConfig(env);
    const refuse = (command: CliCommand, args: string[]) =>
      expect(command.run(args, config)).rejects.toThrow(UsageError);
    for (const args of [
      ['--bogus'],
      ['--stream'],
      ['--public-key', join(dir, 'missing.pem')],
      ['--expect-seal', '0:abc'],
    ]) {
      await refuse(verifyCommand, args);
    }
    await refuse(sealCommand, ['--max-events', '0']);
  });
});
