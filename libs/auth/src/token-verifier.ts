import {
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type CryptoKey,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
} from 'jose';
import { DEV_ALGORITHM, DEV_ISSUER } from './dev-token.js';
import { principalFromClaims } from './claims.js';
import { InvalidTokenError, TokenVerifierUnavailableError, type TokenRejectionReason } from './errors.js';
import type { Principal } from './principal.js';

export interface TokenVerifier {
  /** 'jwks': tokens from the agency's OIDC issuer; 'dev': tokens signed with the local dev key. */
  readonly mode: 'jwks' | 'dev';
  /** Resolves the caller, or rejects with InvalidTokenError / TokenVerifierUnavailableError. */
  verify(token: string): Promise<Principal>;
}

interface CommonOptions {
  /** When set, the token's `aud` must contain it. */
  audience?: string;
  /** Accepted clock skew between issuer and us, for exp/nbf. Default 30 s. */
  clockToleranceSeconds?: number;
}

export interface JwksVerifierOptions extends CommonOptions {
  mode: 'jwks';
  jwksUrl: string | URL;
  issuer: string;
  /** Accepted signing algorithms; default: the asymmetric JWS algorithms (never HMAC, never `none`). */
  algorithms?: string[];
  /** How long to wait for the JWKS endpoint, ms. Default 5000. */
  jwksTimeoutMs?: number;
}

export interface DevVerifierOptions extends CommonOptions {
  mode: 'dev';
  /** The dev key's public half (a DevKey from loadOrCreateDevKey fits). */
  key: { publicKey: CryptoKey };
}

export type TokenVerifierOptions = JwksVerifierOptions | DevVerifierOptions;

/** HMAC is excluded on purpose: a symmetric key would let anyone holding it mint tokens. */
export const DEFAULT_JWKS_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
];

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const verifyOptions: JWTVerifyOptions = {
    clockTolerance: options.clockToleranceSeconds ?? 30,
    // A token without exp would be valid forever.
    requiredClaims: ['sub', 'exp'],
    ...(options.audience !== undefined ? { audience: options.audience } : {}),
  };
  if (options.mode === 'dev') {
    const publicKey = options.key.publicKey;
    const devOptions = { ...verifyOptions, issuer: DEV_ISSUER, algorithms: [DEV_ALGORITHM] };
    return {
      mode: 'dev',
      verify: (token) => verifyWith(token, () => jwtVerify(token, publicKey, devOptions)),
    };
  }
  const jwks = guardJwksFetch(
    createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: options.jwksTimeoutMs ?? 5000 }),
  );
  const jwksOptions = {
    ...verifyOptions,
    issuer: options.issuer,
    algorithms: options.algorithms ?? DEFAULT_JWKS_ALGORITHMS,
  };
  return {
    mode: 'jwks',
    verify: (token) => verifyWith(token, () => jwtVerify(token, jwks, jwksOptions)),
  };
}

async function verifyWith(token: string, run: () => ReturnType<typeof jwtVerify>): Promise<Principal> {
  if (token === '') throw new InvalidTokenError('malformed', 'token is empty');
  let payload;
  try {
    ({ payload } = await run());
  } catch (error) {
    throw translate(error);
  }
  return principalFromClaims(payload);
}

/**
 * Separates "the token is bad" from "we could not fetch the keys": the first is the caller's problem (401),
 * the second ours (503). Errors about key selection stay token errors.
 */
function guardJwksFetch(jwks: JWTVerifyGetKey): JWTVerifyGetKey {
  return async (header, token) => {
    try {
      return await jwks(header, token);
    } catch (error) {
      if (
        error instanceof errors.JWKSNoMatchingKey ||
        error instanceof errors.JWKSMultipleMatchingKeys ||
        error instanceof errors.JOSENotSupported
      ) {
        throw error;
      }
      throw new TokenVerifierUnavailableError('the identity provider keys (JWKS) could not be loaded', {
        cause: error,
      });
    }
  };
}

function translate(error: unknown): Error {
  if (error instanceof TokenVerifierUnavailableError || error instanceof InvalidTokenError) return error;
  const reject = (reason: TokenRejectionReason, message: string) =>
    new InvalidTokenError(reason, message, { cause: error });
  if (error instanceof errors.JWTExpired) return reject('expired', 'token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'nbf':
        return reject('not_yet_valid', 'token is not valid yet');
      case 'iss':
        return reject('wrong_issuer', 'token was issued by an unexpected issuer');
      case 'aud':
        return reject('wrong_audience', 'token is not meant for this audience');
      default:
        return reject('invalid_claims', `token claim "${error.claim}" is ${error.reason}`);
    }
  }
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return reject('bad_signature', 'token signature is invalid');
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return reject('wrong_algorithm', 'token is signed with an algorithm that is not accepted');
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return reject('unknown_key', 'token is signed with a key the issuer does not publish');
  }
  if (error instanceof errors.JOSEError) return reject('malformed', 'token is malformed');
  // jose reports some structural problems (e.g. a key of the wrong type for the header's alg) as TypeError.
  if (error instanceof TypeError) return reject('malformed', 'token is malformed');
  return error instanceof Error ? error : new Error(String(error));
}
