import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { join } from 'node:path';
import { loadOrCreateDevKey, type DevKey } from './dev-key.js';
import { DEV_ISSUER, issueDevToken, lifetimeSeconds } from './dev-token.js';
import { InvalidTokenError, InvalidTokenRequestError, type TokenRejectionReason } from './errors.js';
import { Role, type Role as RoleName } from './role.js';
import { signToken, tempDir } from './test-tokens.js';
import { createTokenVerifier, type TokenVerifier } from './token-verifier.js';

const HOUR_MS = 3600_000;

async function rejection(verifier: TokenVerifier, token: string): Promise<TokenRejectionReason> {
  const error = await verifier.verify(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidTokenError);
  return (error as InvalidTokenError).reason;
}

describe('dev tokens', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let key: DevKey;
  let otherKey: DevKey;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    dir = await tempDir('dev-token');
    key = await loadOrCreateDevKey(join(dir.path, 'key.json'));
    otherKey = await loadOrCreateDevKey(join(dir.path, 'other-key.json'));
    verifier = createTokenVerifier({ mode: 'dev', key });
  });
  afterAll(async () => {
    await dir.remove();
  });

  it('round-trips every claim into the principal', async () => {
    const token = await issueDevToken(key, {
      sub: 'user-1',
      roles: [Role.RATER, Role.EMPLOYEE],
      agencyId: 'agency-7',
      nip: '198001012005011001',
      name: 'Siti Rahma',
    });
    expect(verifier.mode).toBe('dev');
    await expect(verifier.verify(token)).resolves.toEqual({
      id: 'user-1',
      roles: ['RATER', 'EMPLOYEE'],
      agencyId: 'agency-7',
      nip: '198001012005011001',
      name: 'Siti Rahma',
    });
  });

  it('leaves absent optional claims out of the principal', async () => {
    const token = await issueDevToken(key, { sub: 'auditor-1', roles: [Role.AUDITOR] });
    await expect(verifier.verify(token)).resolves.toEqual({ id: 'auditor-1', roles: ['AUDITOR'] });
  });

  it('rejects an expired token', async () => {
    const token = await issueDevToken(key, {
      sub: 'u',
      roles: [Role.HR],
      now: new Date(Date.now() - 2 * HOUR_MS),
      expiresIn: '1h',
    });
    expect(await rejection(verifier, token)).toBe('expired');
  });

  it('rejects a token that is not valid yet', async () => {
    const token = await issueDevToken(key, { sub: 'u', roles: [Role.HR], notBefore: new Date(Date.now() + HOUR_MS) });
    expect(await rejection(verifier, token)).toBe('not_yet_valid');
  });

  it('rejects a token signed with another key', async () => {
    const token = await issueDevToken(otherKey, { sub: 'u', roles: [Role.ADMIN] });
    expect(await rejection(verifier, token)).toBe('bad_signature');
  });

  it('rejects a token from another issuer, even when signed with the dev key', async () => {
    const token = await signToken({
      key: key.privateKey,
      alg: 'EdDSA',
      issuer: 'https://login.example.go.id',
      claims: { sub: 'u', roles: ['HR'] },
    });
    expect(await rejection(verifier, token)).toBe('wrong_issuer');
  });

  it('rejects a token claiming an unknown role', async () => {
    const token = await signToken({
      key: key.privateKey,
      alg: 'EdDSA',
      issuer: DEV_ISSUER,
      claims: { sub: 'u', roles: ['HR', 'SUPERUSER'] },
    });
    expect(await rejection(verifier, token)).toBe('unknown_role');
  });

  it('rejects malformed claims: roles not an array, empty sub, missing exp', async () => {
    const notArray = await signToken({
      key: key.privateKey,
      alg: 'EdDSA',
      issuer: DEV_ISSUER,
      claims: { sub: 'u', roles: 'HR' },
    });
    expect(await rejection(verifier, notArray)).toBe('invalid_claims');
    const emptySub = await signToken({
      key: key.privateKey,
      alg: 'EdDSA',
      issuer: DEV_ISSUER,
      claims: { sub: '', roles: [] },
    });
    expect(await rejection(verifier, emptySub)).toBe('invalid_claims');
    const noExp = await new SignJWT({ roles: ['HR'] })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('u')
      .setIssuer(DEV_ISSUER)
      .sign(key.privateKey);
    expect(await rejection(verifier, noExp)).toBe('invalid_claims');
  });

  it('accepts a token without roles as a principal with none (the guard then denies every role-gated route)', async () => {
    const token = await signToken({ key: key.privateKey, alg: 'EdDSA', issuer: DEV_ISSUER, claims: { sub: 'u' } });
    await expect(verifier.verify(token)).resolves.toEqual({ id: 'u', roles: [] });
  });

  it('rejects other algorithms: HMAC, ECDSA and unsigned tokens', async () => {
    const hmac = await signToken({
      key: new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!!'),
      alg: 'HS256',
      issuer: DEV_ISSUER,
      claims: { sub: 'u', roles: ['ADMIN'] },
    });
    expect(await rejection(verifier, hmac)).toBe('wrong_algorithm');
    const { privateKey } = await generateKeyPair('ES256');
    const ecdsa = await signToken({
      key: privateKey,
      alg: 'ES256',
      issuer: DEV_ISSUER,
      claims: { sub: 'u', roles: ['ADMIN'] },
    });
    expect(await rejection(verifier, ecdsa)).toBe('wrong_algorithm');
    const unsigned = new UnsecuredJWT({ roles: ['ADMIN'] })
      .setSubject('u')
      .setIssuer(DEV_ISSUER)
      .setExpirationTime('1h')
      .encode();
    expect(await rejection(verifier, unsigned)).toBe('wrong_algorithm');
  });

  it('rejects garbage as malformed', async () => {
    expect(await rejection(verifier, 'not-a-jwt')).toBe('malformed');
    expect(await rejection(verifier, '')).toBe('malformed');
  });

  it('checks the audience when one is configured', async () => {
    const withAudience = createTokenVerifier({ mode: 'dev', key, audience: 'kinerja-api' });
    const good = await issueDevToken(key, { sub: 'u', roles: [Role.HR], audience: 'kinerja-api' });
    const other = await issueDevToken(key, { sub: 'u', roles: [Role.HR], audience: 'another-api' });
    const none = await issueDevToken(key, { sub: 'u', roles: [Role.HR] });
    await expect(withAudience.verify(good)).resolves.toMatchObject({ id: 'u' });
    expect(await rejection(withAudience, other)).toBe('wrong_audience');
    expect(await rejection(withAudience, none)).toBe('wrong_audience');
  });

  it('refuses to sign unknown roles, an empty subject or a bad lifetime', async () => {
    await expect(issueDevToken(key, { sub: 'u', roles: ['KING' as RoleName] })).rejects.toThrow(
      new InvalidTokenRequestError('unknown role: KING'),
    );
    await expect(issueDevToken(key, { sub: ' ', roles: [] })).rejects.toBeInstanceOf(InvalidTokenRequestError);
    await expect(issueDevToken(key, { sub: 'u', roles: [], expiresIn: 'forever' })).rejects.toBeInstanceOf(
      InvalidTokenRequestError,
    );
  });

  it('parses lifetimes', () => {
    expect(lifetimeSeconds('90s')).toBe(90);
    expect(lifetimeSeconds('30m')).toBe(1800);
    expect(lifetimeSeconds('8h')).toBe(28800);
    expect(lifetimeSeconds('7d')).toBe(604800);
    for (const bad of ['0h', '-1h', '8', 'h', '1.5h', '8w'])
      expect(() => lifetimeSeconds(bad)).toThrow(InvalidTokenRequestError);
  });
});
