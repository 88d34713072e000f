// Helpers for the auth specs: throwaway keys and hand-made tokens that issueDevToken would refuse to produce.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, type CryptoKey, type JWTPayload } from 'jose';

export async function tempDir(prefix: string): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `kinerja-${prefix}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export interface HandMadeToken {
  key: CryptoKey | Uint8Array;
  alg: string;
  kid?: string;
  claims: JWTPayload;
  issuer?: string;
  /** Seconds from now; default +3600. */
  expiresIn?: number;
}

export function signToken(t: HandMadeToken): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT(t.claims)
    .setProtectedHeader({ alg: t.alg, ...(t.kid !== undefined ? { kid: t.kid } : {}) })
    .setIssuedAt(now)
    .setExpirationTime(now + (t.expiresIn ?? 3600));
  if (t.issuer !== undefined) jwt.setIssuer(t.issuer);
  return jwt.sign(t.key);
}
