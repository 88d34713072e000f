import { SignJWT, type CryptoKey } from 'jose';
import { InvalidTokenRequestError } from './errors.js';
import { isRole, type Role } from './role.js';

/** Issuer of every dev token; the dev verifier accepts no other. */
export const DEV_ISSUER = 'kinerja-ledger-dev';
export const DEV_ALGORITHM = 'EdDSA';
export const DEFAULT_DEV_TOKEN_LIFETIME = '8h';

export interface DevTokenClaims {
  sub: string;
  roles: readonly Role[];
  agencyId?: string;
  nip?: string;
  name?: string;
  /** A whole number and a unit: '90s', '30m', '8h', '7d'. Default 8h. */
  expiresIn?: string;
  /** Sets `aud`; needed when the API is configured with AUTH_AUDIENCE. */
  audience?: string;
  /** Issue time; defaults to now. Lets tests mint already-expired or not-yet-valid tokens. */
  now?: Date;
  /** Sets `nbf` to this instant. */
  notBefore?: Date;
}

export interface DevSigningKey {
  kid: string;
  privateKey: CryptoKey;
}

export async function issueDevToken(key: DevSigningKey, claims: DevTokenClaims): Promise<string> {
  if (claims.sub.trim() === '') throw new InvalidTokenRequestError('sub must not be empty');
  for (const role of claims.roles) {
    if (!isRole(role)) throw new InvalidTokenRequestError(`unknown role: ${String(role)}`);
  }
  const issuedAt = Math.floor((claims.now ?? new Date()).getTime() / 1000);
  const payload: Record<string, unknown> = { roles: [...claims.roles] };
  if (claims.agencyId !== undefined) payload.agency_id = claims.agencyId;
  if (claims.nip !== undefined) payload.nip = claims.nip;
  if (claims.name !== undefined) payload.name = claims.name;
  const jwt = new SignJWT(payload)
    .setProtectedHeader({ alg: DEV_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(DEV_ISSUER)
    .setIssuedAt(issuedAt);
  // Counted from the issue time, not the wall clock, so `now` backdates the expiry too.
  jwt.setExpirationTime(issuedAt + lifetimeSeconds(claims.expiresIn ?? DEFAULT_DEV_TOKEN_LIFETIME));
  if (claims.audience !== undefined) jwt.setAudience(claims.audience);
  if (claims.notBefore !== undefined) jwt.setNotBefore(Math.floor(claims.notBefore.getTime() / 1000));
  return jwt.sign(key.privateKey);
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** '90s', '30m', '8h', '7d': a positive whole number and a unit. */
export function lifetimeSeconds(span: string): number {
  const match = /^(\d+)\s*([smhd])$/.exec(span.trim());
  const seconds = match ? Number(match[1]) * UNIT_SECONDS[match[2]] : NaN;
  if (!Number.isSafeInteger(seconds) || seconds <= 0) {
    throw new InvalidTokenRequestError(`invalid lifetime "${span}": use e.g. 30m, 8h, 7d`);
  }
  return seconds;
}
