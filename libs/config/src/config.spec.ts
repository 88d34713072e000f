import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to the embedded mode: port 3000, embedded PostgreSQL in ./data, projections in-process', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: undefined,
      migrationDatabaseUrl: undefined,
      embeddedPg: { dataDir: 'data/pg', port: 54329 },
      eventStoreUrl: undefined,
      groupCommit: true,
      projector: 'embedded',
      auth: {
        jwksUrl: undefined,
        issuer: undefined,
        audience: undefined,
        devKeyFile: 'data/dev-auth-key.json',
        failureLimitPerMinute: 30,
      },
      audit: {
        signingKeyFile: 'data/audit-signing-key.pem',
        signingKey: undefined,
        sealer: true,
        sealIntervalMs: 60_000,
        sealMaxUnsealed: 1000,
      },
      logLevel: 'info',
      readiness: { maxLagEvents: 20 },
    });
  });

  it('reads external PostgreSQL, EventStoreDB and OIDC settings', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://app:secret@db:5432/kinerja',
      EVENTSTORE_URL: 'esdb://es1:2113,es2:2113,es3:2113?tls=false',
      PROJECTOR: 'external',
      AUTH_JWKS_URL: 'https://sso.example.go.id/.well-known/jwks.json',
      AUTH_ISSUER: 'https://sso.example.go.id',
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://app:secret@db:5432/kinerja',
      eventStoreUrl: 'esdb://es1:2113,es2:2113,es3:2113?tls=false',
      projector: 'external',
      auth: { jwksUrl: 'https://sso.example.go.id/.well-known/jwks.json', issuer: 'https://sso.example.go.id' },
    });
  });

  it('reads the owner connection for migrations next to the service connection', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://kinerja_service:s@db:5432/kinerja',
      MIGRATION_DATABASE_URL: 'postgresql://kinerja_owner:o@db:5432/kinerja',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://kinerja_service:s@db:5432/kinerja',
      migrationDatabaseUrl: 'postgresql://kinerja_owner:o@db:5432/kinerja',
    });
  });

  it.each([
    ['PORT', { PORT: 'abc' }],
    ['PORT', { PORT: '70000' }],
    ['EMBEDDED_PG_PORT', { EMBEDDED_PG_PORT: '-1' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x@y/z' }],
    ['DATABASE_URL', { DATABASE_URL: 'not a url' }],
    ['MIGRATION_DATABASE_URL', { DATABASE_URL: 'postgres://s@db/k', MIGRATION_DATABASE_URL: 'mysql://o@db/k' }],
    // the embedded default sets up both roles itself: an owner URL without the service's is a mistake
    ['MIGRATION_DATABASE_URL', { MIGRATION_DATABASE_URL: 'postgres://o@db/k' }],
    ['EVENTSTORE_URL', { EVENTSTORE_URL: 'http://es:2113' }],
    ['PROJECTOR', { PROJECTOR: 'sometimes' }],
    ['EVENTSTORE_GROUP_COMMIT', { EVENTSTORE_GROUP_COMMIT: 'yes' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'verbose' }],
    ['AUTH_JWKS_URL', { AUTH_JWKS_URL: 'ftp://x/jwks', AUTH_ISSUER: 'x' }],
    ['AUTH_ISSUER', { AUTH_JWKS_URL: 'https://sso/jwks' }],
    ['AUTH_FAILURE_LIMIT', { AUTH_FAILURE_LIMIT: '0' }],
    ['AUTH_FAILURE_LIMIT', { AUTH_FAILURE_LIMIT: 'many' }],
    ['AUTH_FAILURE_LIMIT', { AUTH_FAILURE_LIMIT: '2.5' }],
    ['AUDIT_SEALER', { AUDIT_SEALER: 'yes' }],
    ['AUDIT_SEAL_INTERVAL_MS', { AUDIT_SEAL_INTERVAL_MS: '0' }],
    ['AUDIT_SEAL_INTERVAL_MS', { AUDIT_SEAL_INTERVAL_MS: '1m' }],
    ['AUDIT_SEAL_MAX_UNSEALED', { AUDIT_SEAL_MAX_UNSEALED: '10001' }],
  ])('a bad %s is refused with an error naming it', (variable, env) => {
    let caught: unknown;
    try {
      loadConfig(env);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).variable).toBe(variable);
    expect((caught as ConfigError).message.startsWith(`${variable}: `)).toBe(true);
  });
});
