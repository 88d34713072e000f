// Session-level advisory locks live as long as the connection that took them: each runner and each
// rebuild holds its locks on a dedicated connection (never a pooled one), so a crashed process loses its
// locks the moment PostgreSQL notices the connection is gone.
import { sql } from 'kysely';
import pg from 'pg';
import type { ReadModelDb } from './projection.js';

export class LockConnection {
  private lostListeners: Array<(error: Error) => void> = [];
  private closed = false;
  lost: Error | undefined;

  private constructor(private readonly client: pg.Client) {
    const onLost = (error: Error) => {
      if (this.closed || this.lost) return;
      this.lost = error;
      for (const listener of this.lostListeners) listener(error);
    };
    client.on('error', onLost);
    client.on('end', () => onLost(new Error('lock connection ended')));
  }

  static async open(connectionString: string, applicationName = 'kinerja-projector'): Promise<LockConnection> {
    const client = new pg.Client({ connectionString, application_name: applicationName });
    await client.connect();
    return new LockConnection(client);
  }

  /** Called once if the connection drops: every lock it held is gone. */
  onLost(listener: (error: Error) => void): void {
    this.lostListeners.push(listener);
  }

  /** Waits until the lock is granted. */
  async lock(namespace: number, key: number): Promise<void> {
    await this.client.query('SELECT pg_advisory_lock($1, $2)', [namespace, key]);
  }

  async tryLock(namespace: number, key: number): Promise<boolean> {
    const { rows } = await this.client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [
      namespace,
      key,
    ]);
    return rows[0].ok;
  }

  async unlock(namespace: number, key: number): Promise<void> {
    await this.client.query('SELECT pg_advisory_unlock($1, $2)', [namespace, key]);
  }

  /** Waits while someone holds the lock exclusively, without keeping it. */
  async waitUntilFree(namespace: number, key: number): Promise<void> {
    await this.client.query('SELECT pg_advisory_lock_shared($1, $2)', [namespace, key]);
    await this.client.query('SELECT pg_advisory_unlock_shared($1, $2)', [namespace, key]);
  }

  /** Ends the connection (and with it every lock); a call waiting for a lock fails. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.end().catch(() => undefined);
  }
}

/** Whether some session holds the (namespace, key) advisory lock exclusively, in this database. */
export async function isLockHeld(db: ReadModelDb, namespace: number, key: number): Promise<boolean> {
  const { rows } = await sql<{ held: boolean }>`
    SELECT EXISTS (
      SELECT 1 FROM pg_locks
      WHERE locktype = 'advisory' AND granted AND mode = 'ExclusiveLock'
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND classid = ${namespace}::bigint::oid AND objid = ${key}::bigint::oid AND objsubid = 2
    ) AS held`.execute(db);
  return rows[0].held;
}
