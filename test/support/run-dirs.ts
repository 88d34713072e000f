// Scratch directories and ports for processes that start their own PostgreSQL (jest runs, benchmarks).
import { readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';

/**
 * Removes `<root>/<prefix>-<pid>` directories whose process is gone: a run killed half-way (process.exit,
 * SIGKILL) skips its own clean-up.
 */
export async function removeStaleRunDirs(root: string, prefix: string): Promise<void> {
  for (const entry of await readdir(root).catch(() => [] as string[])) {
    const match = new RegExp(`^${prefix}-(\\d+)$`).exec(entry);
    const pid = Number(match?.[1]);
    if (pid && !isAlive(pid)) await rm(`${root}/${entry}`, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}
