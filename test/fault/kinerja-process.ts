// Real `npm start` / `npm run cli` processes for fault tests: spawned the way package.json runs them, on a
// scratch data directory and free ports, with their output kept for assertions.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { waitFor } from '../../libs/projections/src/testing/wait-for.js';

export const ENTRY = {
  api: 'apps/api/src/main.ts',
  projector: 'apps/projector/src/main.ts',
  cli: 'apps/cli/src/main.ts',
} as const;

export interface KinerjaProcess {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** stdout and stderr, for failure messages. */
  output(): string;
}

export function spawnKinerja(
  entry: keyof typeof ENTRY,
  env: Record<string, string>,
  args: string[] = [],
): KinerjaProcess {
  const child = spawn(process.execPath, ['--import', './libs/runtime/loader/register-ts.mjs', ENTRY[entry], ...args], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => stdout.push(line));
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout, stderr, exited, output: () => [...stdout, ...stderr].join('\n') };
}

/** Waits for the API's "listening" line; fails at once, with its output, if it exits instead. */
export async function untilListening(api: KinerjaProcess): Promise<void> {
  await waitFor(
    'the API to listen',
    () => {
      if (api.child.exitCode !== null) throw new Error(`the API exited early:\n${api.output()}`);
      return api.stdout.some((l) => l.startsWith('Kinerja Ledger listening on'));
    },
    45_000,
  );
}

export function isRunning(p: KinerjaProcess): boolean {
  return p.child.exitCode === null && p.child.signalCode === null;
}
