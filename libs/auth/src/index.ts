export { Role, ROLES, isRole } from './role.js';
export type { Principal } from './principal.js';
export {
  DevKeyError,
  InvalidTokenError,
  InvalidTokenRequestError,
  TokenVerifierUnavailableError,
  type TokenRejectionReason,
} from './errors.js';
export { principalFromClaims } from './claims.js';
export {
  createTokenVerifier,
  DEFAULT_JWKS_ALGORITHMS,
  type DevVerifierOptions,
  type JwksVerifierOptions,
  type TokenVerifier,
  type TokenVerifierOptions,
} from './token-verifier.js';
export { loadOrCreateDevKey, type DevKey } from './dev-key.js';
export {
  DEFAULT_DEV_TOKEN_LIFETIME,
  DEV_ALGORITHM,
  DEV_ISSUER,
  issueDevToken,
  lifetimeSeconds,
  type DevSigningKey,
  type DevTokenClaims,
} from './dev-token.js';
export { tokenVerifierFromConfig } from './verifier-from-config.js';
