// The embedded default's service role: a LOGIN role without superuser, CREATEDB, CREATEROLE, REPLICATION or
// BYPASSRLS, which the API, projector and CLI connect as. Its rights in the database are granted by the owner's
// migration (libs/runtime/src/database-roles.ts); this only makes sure the role exists and can log in.
// The password is random per data directory and kept in a file inside it (0600, like the data itself): nothing
// secret is committed, and every Kinerja process on this data directory (the CLI too) can read it.
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { EMBEDDED_SERVICE_USER, embeddedServiceUrl } from './embedded-postgres-url.js';

export const SERVICE_PASSWORD_FILE = 'kinerja-service.password';

/** Serialises the role set-up of processes sharing one server (ALTER ROLE concurrently fails otherwise). */
const ROLE_SETUP_LOCK = 741_000_010;

export interface EmbeddedServiceRoleOptions {
  /** The embedded server's data directory (PostgreSQL's own, e.g. data/pg). */
  dataDir: string;
  /** Superuser URL of the running embedded server. */
  ownerUrl: string;
  port: number;
  database: string;
}

/** Creates the service role if needed, sets its password from the data directory's file; returns its URL. */
export async function ensureEmbeddedServiceRole(options: EmbeddedServiceRoleOptions): Promise<string> {
  const password = await readOrCreatePassword(join(resolve(options.dataDir), SERVICE_PASSWORD_FILE));
  const client = new pg.Client({ connectionString: options.ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [ROLE_SETUP_LOCK]);
    const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [EMBEDDED_SERVICE_USER]);
    if (rowCount === 0) await client.query(`CREATE ROLE ${EMBEDDED_SERVICE_USER}`);
    // Utility statements take no parameters: the password is base64url (no quote can occur), escaped anyway.
    await client.query(
      `ALTER ROLE ${EMBEDDED_SERVICE_USER} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION ` +
        `NOBYPASSRLS PASSWORD ${client.escapeLiteral(password)}`,
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return embeddedServiceUrl(options.port, options.database, password);
}

async function readOrCreatePassword(file: string): Promise<string> {
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (existing?.trim()) return existing.trim();
  const password = randomBytes(24).toString('base64url');
  try {
    // 'wx' so two processes starting together agree on one password; an empty file left by a crash is replaced.
    await writeFile(file, `${password}\n`, { mode: 0o600, flag: existing === undefined ? 'wx' : 'w' });
    return password;
  } catch (error) {
    // Another process on this data directory wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return (await readFile(file, 'utf8')).trim();
    throw error;
  }
}
