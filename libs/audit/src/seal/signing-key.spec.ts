import { describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateSigningKey, readPublicKeyFile, readSigningKey } from './key-file.js';
import {
  generateSigningKey,
  keyIdOf,
  parsePublicKey,
  parseSigningKey,
  privateKeyPem,
  publicKeyJwk,
  publicKeyPem,
  signBytes,
  SigningKeyError,
  verifyBytes,
} from './signing-key.js';

describe('seal signing keys', () => {
  it('reads a private key as PEM or JWK, and its public half as PEM or JWK, all with the same key id', () => {
    const key = generateSigningKey();
    const jwk = key.privateKey.export({ format: 'jwk' });
    const fromPem = parseSigningKey(privateKeyPem(key));
    const fromJwk = parseSigningKey(JSON.stringify(jwk));
    const publicFromPem = parsePublicKey(publicKeyPem(key));
    const publicFromJwk = parsePublicKey(JSON.stringify(publicKeyJwk(key)));
    for (const k of [fromPem, fromJwk, publicFromPem, publicFromJwk]) expect(k.keyId).toBe(key.keyId);
    const signature = signBytes(fromJwk, Buffer.from('seal'));
    expect(verifyBytes(publicFromPem, Buffer.from('seal'), signature)).toBe(true);
    expect(verifyBytes(publicFromPem, Buffer.from('seal!'), signature)).toBe(false);
    expect(verifyBytes(publicFromPem, Buffer.from('seal'), 'not base64 at all')).toBe(false);
  });

  it('uses the RFC 7638 thumbprint as key id', () => {
    // RFC 8037 appendix A.3: the thumbprint of its Ed25519 example key.
    const example = parsePublicKey(
      JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' }),
    );
    expect(example.keyId).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
    expect(keyIdOf(example.publicKey)).toBe(example.keyId);
  });

  it('refuses what is not an Ed25519 key, and a public key where a private one is needed', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' });
    expect(() => parseSigningKey(rsa.toString())).toThrow(/an rsa key, seals need Ed25519/);
    expect(() => parseSigningKey('hello')).toThrow(SigningKeyError);
    expect(() => parseSigningKey('{"kty":"EC"}')).toThrow(/not an Ed25519 JWK/);
    expect(() => parseSigningKey(publicKeyPem(generateSigningKey()))).toThrow(/holds no private key/);
  });

  describe('key file', () => {
    it('is created once (PEM, mode 0600), then read back; concurrent first uses agree on one key', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'kinerja-seal-key-'));
      try {
        const file = join(dir, 'nested', 'audit-signing-key.pem');
        expect(await readSigningKey({ file })).toBeUndefined();
        const results = await Promise.all([1, 2, 3].map(() => loadOrCreateSigningKey({ file })));
        expect(new Set(results.map((r) => r.key.keyId)).size).toBe(1);
        expect(results.filter((r) => r.created)).toHaveLength(1);
        expect((await stat(file)).mode & 0o777).toBe(0o600);
        expect(await readFile(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
        expect((await loadOrCreateSigningKey({ file })).created).toBe(false);
        expect((await readPublicKeyFile(file)).keyId).toBe(results[0].key.keyId);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('is overridden by an inline key (AUDIT_SIGNING_KEY), and a broken file is an error, not replaced', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'kinerja-seal-key-'));
      try {
        const inline = generateSigningKey();
        const file = join(dir, 'key.pem');
        const { key } = await loadOrCreateSigningKey({ file, inline: privateKeyPem(inline) });
        expect(key.keyId).toBe(inline.keyId);
        await writeFile(file, 'garbage');
        await expect(loadOrCreateSigningKey({ file })).rejects.toThrow(SigningKeyError);
        expect(await readFile(file, 'utf8')).toBe('garbage');
        await expect(readPublicKeyFile(join(dir, 'missing.pem'))).rejects.toThrow(/no such file/);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
});
