// JWKS mode end to end through jose's real network path: a local HTTP server publishes the issuer's keys.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { InvalidTokenError, TokenVerifierUnavailableError, type TokenRejectionReason } from './errors.js';
import { signToken } from './test-tokens.js';
import { createTokenVerifier, type TokenVerifier } from './token-verifier.js';

const ISSUER = 'https://sso.example.go.id/realms/asn';
const AUDIENCE = 'kinerja-ledger';
const claims = { sub: 'oidc-user-42', roles: ['HR'], agency_id: 'bkn', aud: AUDIENCE };

describe('token verifier in JWKS mode', () => {
  let server: Server;
  let baseUrl: string;
  let jwksRequests = 0;
  let rsa: CryptoKey;
  let ec: CryptoKey;
  let unpublished: CryptoKey;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    const rsaPair = await generateKeyPair('RS256', { extractable: true });
    const ecPair = await generateKeyPair('ES256', { extractable: true });
    rsa = rsaPair.privateKey;
    ec = ecPair.privateKey;
    unpublished = (await generateKeyPair('RS256')).privateKey;
    const keys: JWK[] = [
      { ...(await exportJWK(rsaPair.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(ecPair.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
    ];
    server = createServer((request, response) => {
      if (request.url === '/jwks') {
        jwksRequests++;
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
      } else if (request.url === '/not-json') {
        response.writeHead(200, { 'content-type': 'application/json' }).end('<html>');
      } else {
        response.writeHead(500).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    verifier = createTokenVerifier({ mode: 'jwks', jwksUrl: `${baseUrl}/jwks`, issuer: ISSUER, audience: AUDIENCE });
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  async function rejection(token: string, v = verifier): Promise<TokenRejectionReason> {
    const error = await v.verify(token).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidTokenError);
    return (error as InvalidTokenError).reason;
  }

  it('accepts tokens signed with any published key, fetched over HTTP', async () => {
    const byRsa = await signToken({ key: rsa, alg: 'RS256', kid: 'rsa-1', issuer: ISSUER, claims });
    const byEc = await signToken({ key: ec, alg: 'ES256', kid: 'ec-1', issuer: ISSUER, claims });
    const expected = { id: 'oidc-user-42', roles: ['HR'], agencyId: 'bkn' };
    expect(verifier.mode).toBe('jwks');
    await expect(verifier.verify(byRsa)).resolves.toEqual(expected);
    await expect(verifier.verify(byEc)).resolves.toEqual(expected);
    expect(jwksRequests).toBeGreaterThanOrEqual(1);
  });

  it('rejects a wrong issuer, a wrong audience and an expired token', async () => {
    const wrongIssuer = await signToken({
      key: rsa,
      alg: 'RS256',
      kid: 'rsa-1',
      issuer: 'https://evil.example',
      claims,
    });
    expect(await rejection(wrongIssuer)).toBe('wrong_issuer');
    const wrongAudience = await signToken({
      key: rsa,
      alg: 'RS256',
      kid: 'rsa-1',
      issuer: ISSUER,
      claims: { ...claims, aud: 'some-other-app' },
    });
    expect(await rejection(wrongAudience)).toBe('wrong_audience');
    const expired = await signToken({ key: rsa, alg: 'RS256', kid: 'rsa-1', issuer: ISSUER, claims, expiresIn: -3600 });
    expect(await rejection(expired)).toBe('expired');
  });

  it('rejects a key the issuer does not publish, and a forged signature under a published kid', async () => {
    const unknownKid = await signToken({ key: unpublished, alg: 'RS256', kid: 'rsa-2', issuer: ISSUER, claims });
    expect(await rejection(unknownKid)).toBe('unknown_key');
    const forged = await signToken({ key: unpublished, alg: 'RS256', kid: 'rsa-1', issuer: ISSUER, claims });
    expect(await rejection(forged)).toBe('bad_signature');
  });

  it('rejects HMAC tokens (a symmetric secret is not an identity provider)', async () => {
    const hmac = await signToken({
      key: new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!!'),
      alg: 'HS256',
      kid: 'rsa-1',
      issuer: ISSUER,
      claims,
    });
    expect(await rejection(hmac)).toBe('wrong_algorithm');
  });

  it('rejects unknown roles from the identity provider', async () => {
    const token = await signToken({
      key: rsa,
      alg: 'RS256',
      kid: 'rsa-1',
      issuer: ISSUER,
      claims: { ...claims, roles: ['HR', 'offline_access'] },
    });
    expect(await rejection(token)).toBe('unknown_role');
  });

  it('reports an unreachable or broken JWKS endpoint as unavailable, not as a bad token', async () => {
    const token = await signToken({ key: rsa, alg: 'RS256', kid: 'rsa-1', issuer: ISSUER, claims });
    for (const path of ['/server-error', '/not-json']) {
      const broken = createTokenVerifier({ mode: 'jwks', jwksUrl: `${baseUrl}${path}`, issuer: ISSUER });
      await expect(broken.verify(token)).rejects.toBeInstanceOf(TokenVerifierUnavailableError);
    }
    const closed = await new Promise<string>((resolve) => {
      const probe = createServer();
      probe.listen(0, '127.0.0.1', () => {
        const url = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/jwks`;
        probe.close(() => resolve(url));
      });
    });
    const unreachable = createTokenVerifier({ mode: 'jwks', jwksUrl: closed, issuer: ISSUER });
    await expect(unreachable.verify(token)).rejects.toBeInstanceOf(TokenVerifierUnavailableError);
  });
});
