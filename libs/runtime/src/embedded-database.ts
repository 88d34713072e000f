// The embedded default (no DATABASE_URL): start PostgreSQL on the configured data directory, or, for the
// CLI, use the one a running API or projector already serves from it (README "Restarts and second instances").
// Two roles (README "Database roles"): the superuser owns the schemas and migrates; the process works as the
// service role, whose password lives in the data directory.
import type { Config } from '../../config/src/config.js';
import { liveOwner } from '../../database/src/data-dir-owner.js';
import {
  embeddedPostgresUrl,
  startEmbeddedPostgres,
  type RunningEmbeddedPostgres,
} from '../../database/src/embedded-postgres.js';
import { ensureEmbeddedServiceRole } from '../../database/src/embedded-service-role.js';
import { readPostmasterPid } from '../../database/src/postmaster.js';
import type { ProcessRole } from './process-role.js';

const DATABASE = 'kinerja';
/** An API that is still starting gets this long to have its PostgreSQL ready. */
const READY_WAIT_MS = 15_000;

export interface EmbeddedDatabase {
  /** The service role's connection: what the process works with. */
  url: string;
  /** The owner's (superuser) connection: for migrations only. */
  ownerUrl: string;
  /** Stops the server this process started; absent when it uses another process's. */
  stop?: () => Promise<void>;
}

export async function openEmbeddedDatabase(config: Config, role: ProcessRole): Promise<EmbeddedDatabase> {
  const { dataDir, port } = config.embeddedPg;
  if (role === 'cli') {
    const shared = await runningServerOfLongLivedOwner(dataDir);
    if (shared) {
      console.error(
        `embedded PostgreSQL on ${dataDir} is run by Kinerja Ledger ${shared.owner} (PID ${shared.pid}): ` +
          `using it (127.0.0.1:${shared.port})`,
      );
      const ownerUrl = embeddedPostgresUrl(shared.port, DATABASE);
      const url = await ensureEmbeddedServiceRole({ dataDir, ownerUrl, port: shared.port, database: DATABASE });
      return { url, ownerUrl };
    }
  }
  const server: RunningEmbeddedPostgres = await startEmbeddedPostgres({ dataDir, port, database: DATABASE, role });
  try {
    const url = await ensureEmbeddedServiceRole({ dataDir, ownerUrl: server.url, port, database: DATABASE });
    return { url, ownerUrl: server.url, stop: () => server.stop() };
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw error;
  }
}

/**
 * The server of a live API or projector owning the data directory. A CLI owner is not shared: it stops
 * its server when its command ends. Undefined when there is none; startEmbeddedPostgres then explains.
 */
async function runningServerOfLongLivedOwner(
  dataDir: string,
): Promise<{ owner: string; pid: number; port: number } | undefined> {
  const until = Date.now() + READY_WAIT_MS;
  for (;;) {
    const owner = liveOwner(dataDir);
    if (!owner || (owner.role !== 'api' && owner.role !== 'projector')) return undefined;
    const postmaster = readPostmasterPid(dataDir);
    if (postmaster?.status === 'ready' && postmaster.port > 0) {
      return { owner: owner.role, pid: owner.pid, port: postmaster.port };
    }
    if (Date.now() > until) return undefined;
    await new Promise((r) => setTimeout(r, 200));
  }
}
