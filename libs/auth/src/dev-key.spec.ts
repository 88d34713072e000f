import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadOrCreateDevKey } from './dev-key.js';
import { issueDevToken } from './dev-token.js';
import { DevKeyError } from './errors.js';
import { Role } from './role.js';
import { tempDir } from './test-tokens.js';
import { createTokenVerifier } from './token-verifier.js';

describe('loadOrCreateDevKey', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;

  beforeAll(async () => {
    dir = await tempDir('dev-key');
  });
  afterAll(async () => {
    await dir.remove();
  });

  it('creates an Ed25519 JWK file readable only by its owner, creating directories', async () => {
    const file = join(dir.path, 'nested', 'deeper', 'dev-auth-key.json');
    const key = await loadOrCreateDevKey(file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const jwk = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', kid: key.kid });
    expect(typeof jwk.d).toBe('string');
    expect(key.publicJwk).not.toHaveProperty('d');
    expect(await readdir(join(dir.path, 'nested', 'deeper'))).toEqual(['dev-auth-key.json']);
  });

  it('reuses the stored key, so a token issued by one process verifies in another', async () => {
    const file = join(dir.path, 'shared.json');
    const issuer = await loadOrCreateDevKey(file);
    const api = await loadOrCreateDevKey(file);
    expect(api.kid).toBe(issuer.kid);
    const token = await issueDevToken(issuer, { sub: 'u', roles: [Role.HR] });
    await expect(createTokenVerifier({ mode: 'dev', key: api }).verify(token)).resolves.toMatchObject({ id: 'u' });
  });

  it('ends with one key when several callers create it at once', async () => {
    const file = join(dir.path, 'race', 'key.json');
    const keys = await Promise.all(Array.from({ length: 6 }, () => loadOrCreateDevKey(file)));
    expect(new Set(keys.map((k) => k.kid)).size).toBe(1);
    const stored = JSON.parse(await readFile(file, 'utf8')) as { kid: string };
    expect(stored.kid).toBe(keys[0].kid);
    expect(await readdir(join(dir.path, 'race'))).toEqual(['key.json']);
  });

  it('refuses a file that is not an Ed25519 private JWK, naming the file', async () => {
    const notJson = join(dir.path, 'not-json.json');
    await writeFile(notJson, 'hello');
    const error = await loadOrCreateDevKey(notJson).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DevKeyError);
    expect((error as DevKeyError).message).toBe(`dev auth key ${notJson}: is not valid JSON`);
    const publicOnly = join(dir.path, 'public-only.json');
    const { publicJwk } = await loadOrCreateDevKey(join(dir.path, 'source.json'));
    await writeFile(publicOnly, JSON.stringify(publicJwk));
    await expect(loadOrCreateDevKey(publicOnly)).rejects.toBeInstanceOf(DevKeyError);
    expect(await readFile(publicOnly, 'utf8')).toBe(JSON.stringify(publicJwk));
  });
});
