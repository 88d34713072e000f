import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { DEV_ALGORITHM, type DevSigningKey } from './dev-token.js';
import { DevKeyError } from './errors.js';

/** The dev signing key shared by the API (dev mode) and `npm run cli -- issue-token`. */
export interface DevKey extends DevSigningKey {
  publicKey: CryptoKey;
  /** Public half as JWK (with kid), e.g. to verify dev tokens elsewhere. */
  publicJwk: JWK;
}

/**
 * Reads the Ed25519 dev key from `file` (JWK JSON), creating it on first use (mode 0600, directories
 * created). Creation is atomic (write a temp file, then hard-link it into place), so an API and a CLI
 * starting together end up with the same key instead of each writing its own.
 */
export async function loadOrCreateDevKey(file: string): Promise<DevKey> {
  const existing = await readKeyFile(file);
  if (existing !== undefined) return parseDevKey(file, existing);
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const created = await generateDevJwk();
  const text = `${JSON.stringify(created, null, 2)}\n`;
  const temp = `${file}.${randomUUID()}.tmp`;
  await writeFile(temp, text, { mode: 0o600, flag: 'wx' });
  try {
    await link(temp, file);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') {
      // Someone else created it first: use theirs.
      const theirs = await readKeyFile(file);
      if (theirs !== undefined) return parseDevKey(file, theirs);
    }
    // Filesystems without hard links: exclusive create, still never overwriting a key.
    else await writeFile(file, text, { mode: 0o600, flag: 'wx' });
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  return parseDevKey(file, text);
}

async function readKeyFile(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw new DevKeyError(file, 'cannot be read', { cause: error });
  }
}

async function generateDevJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(DEV_ALGORITHM, { crv: 'Ed25519', extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x });
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, d: jwk.d, kid, alg: DEV_ALGORITHM, use: 'sig' };
}

async function parseDevKey(file: string, text: string): Promise<DevKey> {
  let jwk: JWK;
  try {
    jwk = JSON.parse(text) as JWK;
  } catch (error) {
    throw new DevKeyError(file, 'is not valid JSON', { cause: error });
  }
  if (jwk?.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string' || typeof jwk.d !== 'string') {
    throw new DevKeyError(file, 'is not an Ed25519 private key in JWK form (kty OKP, crv Ed25519, x, d)');
  }
  const publicJwk: JWK = { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
  try {
    const kid = jwk.kid ?? (await calculateJwkThumbprint(publicJwk));
    const privateKey = (await importJWK({ ...publicJwk, d: jwk.d }, DEV_ALGORITHM)) as CryptoKey;
    const publicKey = (await importJWK(publicJwk, DEV_ALGORITHM)) as CryptoKey;
    return { kid, privateKey, publicKey, publicJwk: { ...publicJwk, kid, alg: DEV_ALGORITHM, use: 'sig' } };
  } catch (error) {
    throw new DevKeyError(file, 'holds a key that cannot be imported', { cause: error });
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
