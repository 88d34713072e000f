// Before an embedded PostgreSQL starts on a data directory: claim it (data-dir-owner.ts), stop the server a
// crashed owner left running on it, and refuse, with what to do, when someone else runs it or has the port.
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { claimDataDir, type DataDirClaim, type DataDirOwner } from './data-dir-owner.js';
import { EmbeddedPostgresStartError } from './embedded-postgres-start-error.js';
import { embeddedPostgresUrl } from './embedded-postgres-url.js';
import {
  readPostmasterPid,
  recordedPostmaster,
  removeStalePidFile,
  stopPostmaster,
  type PostmasterPidFile,
} from './postmaster.js';

export interface GuardOptions {
  /** As configured (shown in messages). */
  dataDir: string;
  port: number;
  database: string;
  role: string;
  /** The embedded `postgres` binary: only a leftover of this very binary is ever stopped. */
  postgresBinary: string;
  onNotice: (line: string) => void;
}

/** Resolves with this process's claim on the data directory, ready for PostgreSQL to start on it. */
export async function guardDataDir(options: GuardOptions): Promise<DataDirClaim> {
  const databaseDir = resolve(options.dataDir);
  const claim = claimDataDir(databaseDir, options.role);
  if ('owner' in claim) throw inUseByKinerja(options, claim.owner, readPostmasterPid(databaseDir));
  try {
    await takeOverLeftovers(options, databaseDir);
    await ensurePortFree(options.port);
    return claim;
  } catch (error) {
    claim.release();
    throw error;
  }
}

async function takeOverLeftovers(options: GuardOptions, databaseDir: string): Promise<void> {
  const found = recordedPostmaster(databaseDir, options.postgresBinary);
  if (found.state === 'stale-pid') {
    removeStalePidFile(databaseDir);
  } else if (found.state === 'orphan') {
    options.onNotice(
      `embedded PostgreSQL: the server a stopped or crashed Kinerja Ledger left running on ${options.dataDir} ` +
        `(PID ${found.postmaster.pid}) is stopped and started again`,
    );
    await stopPostmaster(found.postmaster.pid);
  } else if (found.state === 'running') {
    const { pid, port } = found.postmaster;
    const startedBy = found.parentPid ? `, started by process ${found.parentPid}` : '';
    throw new EmbeddedPostgresStartError(
      'in-use',
      `data dir ${options.dataDir} is in use by a PostgreSQL server (PID ${pid}${startedBy}) that this ` +
        `process did not start and will not stop. Stop it first, or use it with ` +
        `DATABASE_URL=${embeddedPostgresUrl(port, options.database)}`,
    );
  }
}

function inUseByKinerja(
  options: GuardOptions,
  owner: DataDirOwner,
  postmaster: PostmasterPidFile | undefined,
): EmbeddedPostgresStartError {
  const use = postmaster?.port
    ? `, or point this process at its PostgreSQL with DATABASE_URL=${embeddedPostgresUrl(postmaster.port, options.database)}`
    : '';
  return new EmbeddedPostgresStartError(
    'in-use',
    `data dir ${options.dataDir} is in use by a running Kinerja Ledger ${owner.role} (PID ${owner.pid}). ` +
      `Stop it first${use}`,
  );
}

// PostgreSQL listens on "localhost": with 127.0.0.1 taken but ::1 free it would start, and our clients,
// which connect to 127.0.0.1, would talk to the other program.
function ensurePortFree(port: number): Promise<void> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new EmbeddedPostgresStartError(
              'port-in-use',
              `port ${port} (EMBEDDED_PG_PORT) on 127.0.0.1 is in use by another program. ` +
                `Stop it, or set EMBEDDED_PG_PORT to a free port`,
            )
          : error,
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolvePort()));
  });
}
