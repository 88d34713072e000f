import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  generateSigningKey,
  parsePublicKey,
  parseSigningKey,
  privateKeyPem,
  SigningKeyError,
  type SealPublicKey,
  type SealSigningKey,
} from './signing-key.js';

// Where the sealing key comes from: configuration (AUDIT_SIGNING_KEY inline, or AUDIT_SIGNING_KEY_FILE),
// never the database, so whoever can rewrite the events cannot re-sign them.

export interface SigningKeySource {
  /** Inline PEM or JWK (AUDIT_SIGNING_KEY); wins over the file. */
  inline?: string;
  /** PEM or JWK file (AUDIT_SIGNING_KEY_FILE). */
  file: string;
}

/** The configured key, or undefined when there is none (no inline key, no file). */
export async function readSigningKey(source: SigningKeySource): Promise<SealSigningKey | undefined> {
  if (source.inline !== undefined) return parseSigningKey(source.inline, 'AUDIT_SIGNING_KEY');
  const text = await readOptional(source.file);
  return text === undefined ? undefined : parseSigningKey(text, source.file);
}

/**
 * The configured key, creating the file on first use (PKCS#8 PEM, mode 0600). Created atomically (temp file,
 * then a hard link), so two processes starting together end up with the same key, never two.
 */
export async function loadOrCreateSigningKey(
  source: SigningKeySource,
): Promise<{ key: SealSigningKey; created: boolean }> {
  const existing = await readSigningKey(source);
  if (existing) return { key: existing, created: false };
  const file = source.file;
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const key = generateSigningKey();
  const temp = `${file}.${randomUUID()}.tmp`;
  await writeFile(temp, privateKeyPem(key), { mode: 0o600, flag: 'wx' });
  try {
    await link(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const theirs = await readSigningKey(source);
    if (theirs) return { key: theirs, created: false };
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  return { key, created: true };
}

export async function readPublicKeyFile(file: string): Promise<SealPublicKey> {
  const text = await readOptional(file);
  if (text === undefined) throw new SigningKeyError(`${file}: no such file`);
  return parsePublicKey(text, file);
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SigningKeyError(`${file}: cannot be read (${(error as Error).message})`, { cause: error });
  }
}
