// What the operating system says about another process: enough to tell our own leftovers (a PostgreSQL
// whose Kinerja parent crashed, a lock file of a dead process) from someone else's live process.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  argv: string[];
  /** Start time in clock ticks since boot (Linux only): tells a reused PID from the process that wrote it. */
  startTime?: string;
}

/** The live process with this PID, or undefined when there is none (zombies count as gone). */
export function processInfo(pid: number): ProcessInfo | undefined {
  if (!Number.isInteger(pid) || pid <= 0 || !signalable(pid)) return undefined;
  return fromProc(pid) ?? fromPs(pid);
}

export function isNodeProcess(info: ProcessInfo): boolean {
  return /^node(js)?(\.exe)?$/i.test(basename(info.argv[0] ?? '')) || info.argv[0] === process.execPath;
}

function signalable(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function fromProc(pid: number): ProcessInfo | undefined {
  let stat: string;
  let cmdline: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return undefined;
  }
  // "pid (comm) state ppid ... starttime ...": comm may hold spaces and parentheses, so split after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (fields[0] === 'Z' || fields[0] === 'X') return undefined;
  return { pid, ppid: Number(fields[1]), argv: cmdline.split('\0').filter(Boolean), startTime: fields[19] };
}

// macOS and other systems without /proc. Arguments are split on spaces: paths with spaces do not match,
// which errs on the side of "not ours".
function fromPs(pid: number): ProcessInfo | undefined {
  try {
    const out = execFileSync('ps', ['-o', 'ppid=,stat=,command=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    const match = /^(\d+)\s+(\S+)\s+(.*)$/.exec(out);
    if (!match || match[2].startsWith('Z')) return undefined;
    return { pid, ppid: Number(match[1]), argv: match[3].split(' ') };
  } catch {
    return undefined;
  }
}
