import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { loadConfig, type Config } from '../../../../libs/config/src/config.js';
import { tokenVerifierFromConfig, type TokenVerifier } from '../../../../libs/auth/src/index.js';
import { AccessPolicyAudit } from './access-policy-audit.js';
import { AUTH_FAILURE_LIMIT, AuthFailureLimit } from './auth-failure-limit.js';
import { AuthGuard } from './auth.guard.js';
import { TOKEN_VERIFIER } from './tokens.js';

/**
 * Authentication and the deny-by-default guard for every route of the app (APP_GUARD). Import it once, in
 * the root module: `AuthModule.register(config)`.
 */
@Module({})
export class AuthModule {
  static register(config: Config = loadConfig()): DynamicModule {
    return {
      module: AuthModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: TOKEN_VERIFIER, useFactory: () => createVerifier(config.auth) },
        { provide: AUTH_FAILURE_LIMIT, useValue: config.auth.failureLimitPerMinute },
        AuthFailureLimit,
        { provide: APP_GUARD, useClass: AuthGuard },
        AccessPolicyAudit,
      ],
      exports: [TOKEN_VERIFIER, AccessPolicyAudit],
    };
  }
}

async function createVerifier(auth: Config['auth']): Promise<TokenVerifier> {
  const verifier = await tokenVerifierFromConfig(auth);
  const logger = new Logger('auth');
  if (verifier.mode === 'dev') {
    // Loud on purpose: in production AUTH_JWKS_URL must be set, or anyone with the key file can mint tokens.
    logger.warn(`dev mode (AUTH_JWKS_URL not set): accepting tokens signed with ${auth.devKeyFile}`);
  } else {
    logger.log(`verifying tokens from ${auth.issuer} (keys: ${auth.jwksUrl})`);
  }
  return verifier;
}
