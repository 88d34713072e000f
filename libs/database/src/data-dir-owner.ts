// Which Kinerja process runs the embedded PostgreSQL of a data directory: `<dataDir>.owner.pid` beside it
// (PID, role, start time). PostgreSQL's own postmaster.pid cannot tell a live Kinerja process from a crashed
// one whose server was left behind; this file can. A file whose process is gone, is not a Node process or
// has a different start time (PID reused) is stale and ignored.
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isNodeProcess, processInfo } from './process-info.js';

export interface DataDirOwner {
  pid: number;
  /** What the owner is: api, projector, cli, or process (tests, benchmarks). */
  role: string;
}

export interface DataDirClaim {
  release(): void;
}

export function ownerFilePath(dataDir: string): string {
  return `${resolve(dataDir)}.owner.pid`;
}

/** The live Kinerja process that runs this data directory's PostgreSQL, if any (this process included). */
export function liveOwner(dataDir: string): DataDirOwner | undefined {
  const recorded = readOwnerFile(ownerFilePath(dataDir));
  if (!recorded) return undefined;
  const info = processInfo(recorded.pid);
  if (!info || !isNodeProcess(info)) return undefined;
  if (recorded.startTime && info.startTime && recorded.startTime !== info.startTime) return undefined;
  return { pid: recorded.pid, role: recorded.role };
}

/**
 * Makes this process the owner of the data directory, unless a live one exists (returned instead).
 * Creation is atomic (hard link of a complete file), so two processes starting together cannot both win.
 */
export function claimDataDir(dataDir: string, role: string): DataDirClaim | { owner: DataDirOwner } {
  const path = ownerFilePath(dataDir);
  const draft = `${path}.${process.pid}`;
  writeFileSync(draft, `${process.pid}\n${role}\n${processInfo(process.pid)?.startTime ?? ''}\n`);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(draft, path);
        return { release: () => releaseIfOurs(path) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = liveOwner(dataDir);
      if (owner) return { owner };
      removeQuietly(path); // stale: its process crashed or was killed
    }
    throw new Error(`could not claim ${path}: it keeps reappearing`);
  } finally {
    removeQuietly(draft);
  }
}

function releaseIfOurs(path: string): void {
  if (readOwnerFile(path)?.pid === process.pid) removeQuietly(path);
}

function readOwnerFile(path: string): { pid: number; role: string; startTime?: string } | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const [pid, role, startTime] = text.split('\n');
  return /^\d+$/.test(pid)
    ? { pid: Number(pid), role: role || 'process', startTime: startTime || undefined }
    : undefined;
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
