import type { Config } from '../../config/src/config.js';
import { loadOrCreateDevKey } from './dev-key.js';
import { createTokenVerifier, type TokenVerifier } from './token-verifier.js';

/**
 * Production mode when AUTH_JWKS_URL is set (tokens from the agency's OIDC issuer), otherwise dev mode
 * (tokens from `npm run cli -- issue-token`, signed with the key in AUTH_DEV_KEY_FILE).
 */
export async function tokenVerifierFromConfig(auth: Config['auth']): Promise<TokenVerifier> {
  const audience = auth.audience !== undefined ? { audience: auth.audience } : {};
  if (auth.jwksUrl !== undefined) {
    if (auth.issuer === undefined) throw new Error('AUTH_ISSUER is required when AUTH_JWKS_URL is set');
    return createTokenVerifier({ mode: 'jwks', jwksUrl: auth.jwksUrl, issuer: auth.issuer, ...audience });
  }
  return createTokenVerifier({ mode: 'dev', key: await loadOrCreateDevKey(auth.devKeyFile), ...audience });
}
