// Child processes of the API bench: servers (the API as `npm start` runs it, the peer, the ceiling) and load
// generators, each a Node process with the TypeScript loader. Every child is tracked so that a failing run, and
// the bench's own exit, leave none behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SAMPLE_PREFIX, SUMMARY_PREFIX, type LoadSummary, type LoadTask, type ReplySample } from './load-task.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const LOADER = './libs/runtime/loader/register-ts.mjs';
const HEALTH_TIMEOUT_MS = 10 * 60_000;

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function spawnNode(script: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', LOADER, script, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

export interface ServerChild {
  name: string;
  pid: number;
  baseUrl: string;
  /** VmHWM of /proc/<pid>/status: the process's peak resident set so far, in MiB. */
  peakRssMiB(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts `script` listening on `port` and resolves once GET /health answers 200. */
export async function startServerChild(
  name: string,
  script: string,
  port: number,
  env: Record<string, string>,
  log: (line: string) => void,
): Promise<ServerChild> {
  const child = spawnNode(script, [], { ...env, PORT: String(port), HOST: '127.0.0.1' });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const server: ServerChild = {
    name,
    pid: child.pid as number,
    baseUrl: `http://127.0.0.1:${port}`,
    async peakRssMiB() {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
    },
    stop: () => stopChild(child),
  };
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before it was ready:\n${output}`))),
  );
  exited.catch(() => undefined);
  const started = Date.now();
  while (!(await healthy(server.baseUrl))) {
    if (Date.now() - started > HEALTH_TIMEOUT_MS) {
      await server.stop();
      throw new Error(`${name}: /health not 200 within ${HEALTH_TIMEOUT_MS / 1000} s:\n${output}`);
    }
    await Promise.race([new Promise((resolve) => setTimeout(resolve, 200)), exited]);
  }
  log(
    `${name} listening on ${server.baseUrl} (pid ${server.pid}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  return server;
}

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/health`);
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** SIGTERM (a graceful stop), SIGKILL after 15 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Runs one load-generator child on `task` (its stderr, the first failures, to `log`); `onSample` sees its reply samples as they come. */
export async function runLoad(
  task: LoadTask,
  log: (line: string) => void,
  onSample?: (sample: ReplySample) => void,
): Promise<LoadSummary> {
  const file = join(tmpdir(), `kinerja-api-bench-load-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, JSON.stringify(task));
  try {
    const child = spawnNode('test/bench/api/load-generator.ts', [file], {});
    let summary: LoadSummary | undefined;
    let pending = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith(SAMPLE_PREFIX)) onSample?.(JSON.parse(line.slice(SAMPLE_PREFIX.length)) as ReplySample);
        else if (line.startsWith(SUMMARY_PREFIX))
          summary = JSON.parse(line.slice(SUMMARY_PREFIX.length)) as LoadSummary;
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
      for (const line of chunk.toString().split('\n')) if (line.trim()) log(`  ${line}`);
    });
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
    if (code !== 0 || summary === undefined) throw new Error(`load generator exited with ${code}: ${stderr}`);
    return summary;
  } finally {
    await rm(file, { force: true });
  }
}

/** Runs a script to its end (the CLI); rejects on a non-zero exit with the tail of its output. */
export async function runScript(script: string, args: string[], env: Record<string, string>): Promise<void> {
  const child = spawnNode(script, args, env);
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) throw new Error(`${script} ${args.join(' ')} exited with ${code}:\n${output}`);
}
