// Configuration from environment variables, validated at start-up. A bad value stops the service with
// a message naming the variable. CONFIG_VARIABLES is also what docker/compose.yaml is checked against.

export interface Config {
  port: number;
  host: string;
  /**
   * External PostgreSQL for events (unless eventStoreUrl) and read models; absent: embedded PostgreSQL. The
   * service's own connection: with migrationDatabaseUrl it should be the least-privileged login role.
   */
  databaseUrl?: string;
  /**
   * The owner (migrator) connection to the same database (MIGRATION_DATABASE_URL): used at start-up only to run
   * migrations and grant the service role its rights, then closed. Absent with databaseUrl: the service migrates
   * over its own connection, as its owner (a warning says so). README "Database roles".
   */
  migrationDatabaseUrl?: string;
  embeddedPg: { dataDir: string; port: number };
  /** esdb:// or esdb+discover:// connection string: events go to EventStoreDB. */
  eventStoreUrl?: string;
  /** PostgreSQL event store: coalesce concurrent appends into one transaction (group commit). */
  groupCommit: boolean;
  /** Run the projections inside the API process (embedded default) or leave them to apps/projector. */
  projector: 'embedded' | 'external';
  /** failureLimitPerMinute: failed authentications per client address a minute before 429 (AUTH_FAILURE_LIMIT). */
  auth: { jwksUrl?: string; issuer?: string; audience?: string; devKeyFile: string; failureLimitPerMinute: number };
  /** Ed25519 key that signs seals: inline PEM/JWK (signingKey) or a file (created on first use by the CLI). */
  audit: {
    signingKeyFile: string;
    signingKey?: string;
    /** Run the sealer in the projector process and the embedded API (AUDIT_SEALER=on|off). */
    sealer: boolean;
    /** Seal at least this often when events wait (AUDIT_SEAL_INTERVAL_MS). */
    sealIntervalMs: number;
    /** Seal early once this many events wait; also the most one seal covers (AUDIT_SEAL_MAX_UNSEALED). */
    sealMaxUnsealed: number;
  };
  logLevel: 'error' | 'warn' | 'info' | 'debug';
  /** GET /health/ready: every projection at most this many events behind the head (READY_MAX_LAG_EVENTS). */
  readiness: { maxLagEvents: number };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

type Env = Record<string, string | undefined>;

export const CONFIG_VARIABLES = [
  'PORT',
  'HOST',
  'DATABASE_URL',
  'MIGRATION_DATABASE_URL',
  'EMBEDDED_PG_DATA_DIR',
  'EMBEDDED_PG_PORT',
  'EVENTSTORE_URL',
  'EVENTSTORE_GROUP_COMMIT',
  'PROJECTOR',
  'AUTH_JWKS_URL',
  'AUTH_ISSUER',
  'AUTH_AUDIENCE',
  'AUTH_DEV_KEY_FILE',
  'AUTH_FAILURE_LIMIT',
  'AUDIT_SIGNING_KEY_FILE',
  'AUDIT_SIGNING_KEY',
  'AUDIT_SEALER',
  'AUDIT_SEAL_INTERVAL_MS',
  'AUDIT_SEAL_MAX_UNSEALED',
  'LOG_LEVEL',
  'READY_MAX_LAG_EVENTS',
] as const;

export type ConfigVariable = (typeof CONFIG_VARIABLES)[number];

export function loadConfig(env: Env = process.env): Config {
  const read = (name: ConfigVariable): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const databaseUrl = read('DATABASE_URL');
  if (databaseUrl !== undefined) url('DATABASE_URL', databaseUrl, ['postgres:', 'postgresql:']);
  const migrationDatabaseUrl = read('MIGRATION_DATABASE_URL');
  if (migrationDatabaseUrl !== undefined) {
    url('MIGRATION_DATABASE_URL', migrationDatabaseUrl, ['postgres:', 'postgresql:']);
    // The embedded default sets up both roles itself; an owner URL alone would leave the service as the owner.
    if (databaseUrl === undefined) {
      throw new ConfigError('MIGRATION_DATABASE_URL', 'needs DATABASE_URL (the service role connection) as well');
    }
  }
  const eventStoreUrl = read('EVENTSTORE_URL');
  if (eventStoreUrl !== undefined) eventStoreConnectionString(eventStoreUrl);
  const jwksUrl = read('AUTH_JWKS_URL');
  if (jwksUrl !== undefined) url('AUTH_JWKS_URL', jwksUrl, ['https:', 'http:']);
  const issuer = read('AUTH_ISSUER');
  if (jwksUrl !== undefined && issuer === undefined) {
    throw new ConfigError('AUTH_ISSUER', 'is required when AUTH_JWKS_URL is set');
  }
  return {
    port: portNumber('PORT', read('PORT') ?? '3000'),
    host: read('HOST') ?? '0.0.0.0',
    databaseUrl,
    migrationDatabaseUrl,
    embeddedPg: {
      dataDir: read('EMBEDDED_PG_DATA_DIR') ?? 'data/pg',
      port: portNumber('EMBEDDED_PG_PORT', read('EMBEDDED_PG_PORT') ?? '54329'),
    },
    eventStoreUrl,
    groupCommit:
      oneOf('EVENTSTORE_GROUP_COMMIT', read('EVENTSTORE_GROUP_COMMIT') ?? 'on', ['on', 'off'] as const) === 'on',
    projector: oneOf('PROJECTOR', read('PROJECTOR') ?? 'embedded', ['embedded', 'external'] as const),
    auth: {
      jwksUrl,
      issuer,
      audience: read('AUTH_AUDIENCE'),
      devKeyFile: read('AUTH_DEV_KEY_FILE') ?? 'data/dev-auth-key.json',
      failureLimitPerMinute: positiveInteger('AUTH_FAILURE_LIMIT', read('AUTH_FAILURE_LIMIT') ?? '30', 1_000_000),
    },
    audit: {
      signingKeyFile: read('AUDIT_SIGNING_KEY_FILE') ?? 'data/audit-signing-key.pem',
      signingKey: read('AUDIT_SIGNING_KEY'),
      sealer: oneOf('AUDIT_SEALER', read('AUDIT_SEALER') ?? 'on', ['on', 'off'] as const) === 'on',
      sealIntervalMs: positiveInteger('AUDIT_SEAL_INTERVAL_MS', read('AUDIT_SEAL_INTERVAL_MS') ?? '60000', 86_400_000),
      sealMaxUnsealed: positiveInteger('AUDIT_SEAL_MAX_UNSEALED', read('AUDIT_SEAL_MAX_UNSEALED') ?? '1000', 10_000),
    },
    logLevel: oneOf('LOG_LEVEL', read('LOG_LEVEL') ?? 'info', ['error', 'warn', 'info', 'debug'] as const),
    readiness: { maxLagEvents: wholeNumber('READY_MAX_LAG_EVENTS', read('READY_MAX_LAG_EVENTS') ?? '20', 10_000) },
  };
}

function portNumber(name: ConfigVariable, text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 65535) {
    throw new ConfigError(name, `must be a port number 1-65535, got "${text}"`);
  }
  return n;
}

function positiveInteger(name: ConfigVariable, text: string, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > max) {
    throw new ConfigError(name, `must be a whole number 1-${max}, got "${text}"`);
  }
  return n;
}

function wholeNumber(name: ConfigVariable, text: string, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > max) throw new ConfigError(name, `must be a whole number 0-${max}, got "${text}"`);
  return n;
}

function url(name: ConfigVariable, text: string, protocols: string[]): void {
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new ConfigError(name, `is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
}

// esdb://[user:pass@]host:port[,host:port...][/][?options]: a cluster lists several hosts, which WHATWG URL
// parsing rejects, so the grammar is checked here instead.
const ESDB_CONNECTION_STRING =
  /^(esdb|esdb\+discover|kurrentdb):\/\/([^@/?\s]+@)?[A-Za-z0-9.-]+(:\d{1,5})?(,[A-Za-z0-9.-]+(:\d{1,5})?)*\/?(\?[^\s]*)?$/;

function eventStoreConnectionString(text: string): void {
  if (!ESDB_CONNECTION_STRING.test(text)) {
    throw new ConfigError(
      'EVENTSTORE_URL',
      'must be an EventStoreDB connection string like esdb://host1:2113,host2:2113,host3:2113?tls=false',
    );
  }
}

function oneOf<T extends string>(name: ConfigVariable, text: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${text}"`);
  }
  return text as T;
}
