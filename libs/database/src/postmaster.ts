// The PostgreSQL server recorded in a data directory's postmaster.pid (line 1 PID, line 2 data directory,
// line 4 port, line 8 status), and whether it is a leftover of ours that may be stopped.
import { readFileSync, realpathSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isNodeProcess, processInfo, type ProcessInfo } from './process-info.js';

export interface PostmasterPidFile {
  pid: number;
  port: number;
  /** 'ready', 'starting', 'stopping' or 'standby' (PostgreSQL 10+). */
  status: string;
}

export type RecordedPostmaster =
  | { state: 'none' } // no postmaster.pid, or its process is gone: PostgreSQL starts (and recovers) by itself
  | { state: 'stale-pid'; pid: number } // the PID now belongs to something that is not PostgreSQL
  | { state: 'orphan'; postmaster: PostmasterPidFile } // our server, its Kinerja parent gone
  | { state: 'running'; postmaster: PostmasterPidFile; parentPid?: number }; // a live server we must leave alone

export function readPostmasterPid(dataDir: string): PostmasterPidFile | undefined {
  let lines: string[];
  try {
    lines = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return { pid, port: Number(lines[3]), status: (lines[7] ?? '').trim() };
}

/**
 * What runs on this data directory now. `orphan` only when every check holds: the recorded PID is a live
 * process of our own embedded binary, started on this very data directory, and its parent is not a live
 * Node process (a crashed Kinerja process's server is re-parented to init or a subreaper). Anything else
 * with a live PostgreSQL is `running`: a stranger's, or one whose owner is alive.
 */
export function recordedPostmaster(dataDir: string, ourBinary: string): RecordedPostmaster {
  const postmaster = readPostmasterPid(dataDir);
  if (!postmaster) return { state: 'none' };
  const info = processInfo(postmaster.pid);
  if (!info) return { state: 'none' };
  if (!isPostgres(info)) return { state: 'stale-pid', pid: postmaster.pid };
  const parent = processInfo(info.ppid);
  const parentAlive = info.ppid > 1 && parent !== undefined && isNodeProcess(parent);
  if (!parentAlive && sameFile(info.argv[0], ourBinary) && sameFile(dataDirArgument(info), dataDir)) {
    return { state: 'orphan', postmaster };
  }
  return { state: 'running', postmaster, parentPid: parentAlive ? info.ppid : undefined };
}

/** A postmaster.pid whose PID now belongs to another program blocks PostgreSQL's start; it is safe to drop. */
export function removeStalePidFile(dataDir: string): void {
  unlinkSync(join(dataDir, 'postmaster.pid'));
}

/**
 * Stops a leftover server: SIGINT is PostgreSQL's fast shutdown (rolls back open transactions, writes a
 * checkpoint); SIGQUIT, the immediate one, only if that does not finish (crash recovery on next start).
 */
export async function stopPostmaster(pid: number): Promise<void> {
  for (const [signal, waitMs] of [
    ['SIGINT', 20_000],
    ['SIGQUIT', 10_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return; // gone already
    }
    const until = Date.now() + waitMs;
    while (Date.now() < until) {
      if (!processInfo(pid)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`PostgreSQL (PID ${pid}) did not stop after SIGINT and SIGQUIT`);
}

function isPostgres(info: ProcessInfo): boolean {
  return /(^|\/)(postgres|postmaster)$/.test(info.argv[0] ?? '');
}

function dataDirArgument(info: ProcessInfo): string | undefined {
  const at = info.argv.indexOf('-D');
  return at >= 0 ? info.argv[at + 1] : undefined;
}

function sameFile(a: string | undefined, b: string): boolean {
  if (!a) return false;
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}
