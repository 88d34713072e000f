// The bench harness: one PostgreSQL server for the whole run, a fresh database and a child process per
// contender and repetition, repetitions interleaved (a, b, c, a, b, c, ...) so drift on a shared machine
// hits every contender alike. Reported figures are medians over the repetitions.
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../../libs/database/src/embedded-postgres.js';
import { freePort, removeStaleRunDirs } from '../../support/run-dirs.js';
import type { ChildResult, ChildTask } from './child.js';
import { median } from './stats.js';
import { shapeKey, type Shape, type ShapeResult } from './workload.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DATA_ROOT = '.test-data';

export interface BenchOptions {
  contenders: string[];
  shapes: Shape[];
  /** Events per run for the 16-writer shapes. */
  events: number;
  /** Events per run for single-writer shapes: one append in flight is latency-bound, so fewer suffice. */
  singleWriterEvents: number;
  repeat: number;
  /** Use this server (an admin connection URL) instead of starting an embedded PostgreSQL. */
  adminUrl?: string;
  log?: (line: string) => void;
}

export interface ContenderShapeSummary {
  contender: string;
  label: string;
  shape: Shape;
  runs: ShapeResult[];
  eventsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export interface BenchReport {
  options: Omit<BenchOptions, 'log' | 'adminUrl'>;
  server: string;
  summaries: ContenderShapeSummary[];
}

export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const log = options.log ?? (() => undefined);
  const server = options.adminUrl ? { url: options.adminUrl, stop: async () => undefined } : await startServer(log);
  try {
    const version = await serverVersion(server.url);
    const events: Record<string, number> = Object.fromEntries(
      options.shapes.map((s) => [shapeKey(s), s.writers === 1 ? options.singleWriterEvents : options.events]),
    );
    const poolSize = Math.max(...options.shapes.map((s) => s.writers));
    const runs = new Map<string, ChildResult[]>();
    for (let r = 1; r <= options.repeat; r++) {
      for (const contender of options.contenders) {
        log(`repetition ${r}/${options.repeat}: ${contender}`);
        const database = `bench_${contender}_${r}_${process.pid}`;
        const databaseUrl = await createDatabase(server.url, database);
        try {
          const task: ChildTask = { contender, databaseUrl, shapes: options.shapes, events, poolSize, seed: 1000 + r };
          const result = await runChild(task, log);
          runs.set(contender, [...(runs.get(contender) ?? []), result]);
        } finally {
          await dropDatabase(server.url, database);
        }
      }
    }
    const summaries = options.contenders.flatMap((contender) => {
      const results = runs.get(contender) ?? [];
      return options.shapes.map((shape) => summarise(contender, results, shape));
    });
    const { log: _log, adminUrl: _adminUrl, ...reported } = options;
    return { options: reported, server: `PostgreSQL ${version}`, summaries };
  } finally {
    await server.stop();
  }
}

function summarise(contender: string, results: ChildResult[], shape: Shape): ContenderShapeSummary {
  const runs = results.map((r) => r.results[shapeKey(shape)]);
  return {
    contender,
    label: results[0]?.label ?? contender,
    shape,
    runs,
    eventsPerSecond: median(runs.map((r) => r.eventsPerSecond)),
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p99Ms: median(runs.map((r) => r.p99Ms)),
  };
}

function runChild(task: ChildTask, log: (line: string) => void): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', './libs/runtime/loader/register-ts.mjs', 'test/bench/store/child.ts', JSON.stringify(task)],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      for (const line of chunk.toString().split('\n')) if (line.trim()) log(line);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as ChildResult);
      else reject(new Error(`${task.contender} child exited with ${code}: ${stderr.slice(-2000)}`));
    });
  });
}

/** An embedded PostgreSQL in `.test-data/<prefix>-<pid>` (removed on stop; left-overs of dead runs removed first). */
export async function startServer(
  log: (line: string) => void,
  prefix = 'bench',
): Promise<{ url: string; stop(): Promise<void> }> {
  await removeStaleRunDirs(`${REPO_ROOT}${DATA_ROOT}`, prefix);
  const dataDir = `${REPO_ROOT}${DATA_ROOT}/${prefix}-${process.pid}`;
  log(`starting embedded PostgreSQL in ${DATA_ROOT}/${prefix}-${process.pid}`);
  const pgServer = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'postgres' });
  return {
    url: pgServer.url,
    async stop() {
      await pgServer.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function serverVersion(adminUrl: string): Promise<string> {
  return withAdmin(adminUrl, async (c) => {
    const { rows } = await c.query<{ v: string; sc: string }>(
      `SELECT current_setting('server_version') AS v, current_setting('synchronous_commit') AS sc`,
    );
    return `${rows[0].v} (synchronous_commit=${rows[0].sc})`;
  });
}

export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
