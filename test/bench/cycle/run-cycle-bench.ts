// The cycle benchmark end to end: a fresh database, an agency of N employees loaded through the import engine,
// the real API started in this process (Nest on Fastify, embedded projector, group-committing hash-chained
// store) listening on a free local port, and three measures over real HTTP:
//   (a) open: POST /api/v1/cycles for the whole agency (one appraisal stream per employee), R cycles;
//   (b) rush: C clients through R disjoint slices of the first cycle's appraisals, each appraisal a
//       self-assessment by the employee then a rating by the rater (plans approved and the cycle moved to
//       ASSESSMENT beforehand, not measured);
//   (c) read: C clients paging through the cycle's appraisal listing (read model) as HR, R runs.
// Every measure starts once the read models have caught up with the writes before it.
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { startApi, type RunningApi } from '../../../apps/api/src/start-api.js';
import { issueDevToken, loadOrCreateDevKey, Role, type DevKey } from '../../../libs/auth/src/index.js';
import { loadConfig } from '../../../libs/config/src/config.js';
import { startEmbeddedPostgres } from '../../../libs/database/src/embedded-postgres.js';
import { listAppraisals } from '../../../libs/read-models/src/appraisals/appraisals.queries.js';
import { freePort, removeStaleRunDirs } from '../../support/run-dirs.js';
import { median } from '../store/stats.js';
import { BENCH_AGENCY, loadAgency, ROOT_UNIT_ID } from './agency.js';
import { HttpClient, medianRun, type LoadRun } from './http-load.js';
import type { CycleBenchArgs } from './options.js';
import { approveAllPlans, type PlannedAppraisal } from './plans.js';
import { ReadModelProbe } from './read-models.js';
import { readPages, rush } from './workloads.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface CycleBenchOptions extends CycleBenchArgs {
  /** Admin URL of a PostgreSQL server to create the fresh database in; absent: an embedded one is started. */
  adminUrl?: string;
  log?: (line: string) => void;
}

export interface OpenRun {
  seconds: number;
  appraisals: number;
  perSecond: number;
}

export interface Measured<Run> {
  runs: Run[];
  median: Run;
}

export interface CycleBenchResult {
  date: string;
  server: string;
  machine: string;
  employees: number;
  units: number;
  clients: number;
  repeat: number;
  /** Seconds spent before the measures: loading the agency, plans, read models catching up. */
  setup: { agencySeconds: number; plansSeconds: number };
  open?: Measured<OpenRun>;
  rush?: Measured<LoadRun>;
  read?: Measured<LoadRun>;
}

export async function runCycleBench(options: CycleBenchOptions): Promise<CycleBenchResult> {
  const log = options.log ?? (() => undefined);
  const server = options.adminUrl ? { url: options.adminUrl, stop: async () => undefined } : await startServer(log);
  const database = `bench_cycle_${process.pid}_${Date.now()}`;
  const keyDir = await mkdtemp(join(tmpdir(), 'kinerja-cycle-bench-'));
  try {
    const databaseUrl = await createDatabase(server.url, database);
    const keyFile = join(keyDir, 'dev-key.json');
    const port = await freePort();
    const config = loadConfig({
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      AUTH_DEV_KEY_FILE: keyFile,
      LOG_LEVEL: 'error',
    });
    const api = await startApi(config);
    try {
      return await measure(options, api, new HttpClient(`http://127.0.0.1:${port}`), await loadOrCreateDevKey(keyFile));
    } finally {
      await api.stop();
    }
  } finally {
    await dropDatabase(server.url, database).catch(() => undefined);
    await rm(keyDir, { recursive: true, force: true });
    await server.stop();
  }
}

async function measure(options: CycleBenchOptions, api: RunningApi, http: HttpClient, key: DevKey) {
  const log = options.log ?? (() => undefined);
  const { infrastructure } = api;
  const probe = new ReadModelProbe(infrastructure, log);
  const agencyId = BENCH_AGENCY.agencyId;
  const hrToken = await issueDevToken(key, { sub: 'hr-bench', roles: [Role.HR], agencyId });
  const version = await infrastructure.pool.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
  const result: CycleBenchResult = {
    date: new Date().toISOString().slice(0, 10),
    server: `PostgreSQL ${version.rows[0].v}`,
    machine: `${cpus().length} x ${cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}`,
    employees: options.employees,
    units: 0,
    clients: options.clients,
    repeat: options.repeat,
    setup: { agencySeconds: 0, plansSeconds: 0 },
  };

  let started = performance.now();
  log(`loading an agency of ${options.employees} employees through the import engine`);
  result.units = (await loadAgency(infrastructure.eventStore, options.employees)).units;
  await probe.organization(agencyId, options.employees);
  result.setup.agencySeconds = (performance.now() - started) / 1000;

  // (a): R cycles when measured, else the one the other measures need.
  const opens: OpenRun[] = [];
  for (let r = 1; r <= (options.measures.includes('open') ? options.repeat : 1); r++) {
    const cycleId = `bench-${r}`;
    const t0 = performance.now();
    const answer = await http.send('POST', '/api/v1/cycles', hrToken, {
      cycleId,
      agencyId,
      name: `Penilaian Kinerja 2026 (${cycleId})`,
      kind: 'ANNUAL',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      rootUnitId: ROOT_UNIT_ID,
    });
    const seconds = (performance.now() - t0) / 1000;
    const appraisals = (answer.body as { appraisalsStarted?: number } | null)?.appraisalsStarted;
    if (answer.status !== 201 || appraisals !== options.employees) {
      throw new Error(`opening ${cycleId}: HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 500)}`);
    }
    opens.push({ seconds, appraisals, perSecond: appraisals / seconds });
    log(`(a) open ${cycleId}: ${appraisals} appraisals in ${seconds.toFixed(2)} s`);
    await probe.appraisals(cycleId, options.employees);
  }
  if (options.measures.includes('open')) result.open = summarise(opens, medianOpen);
  if (!options.measures.includes('rush') && !options.measures.includes('read')) return result;

  const cycleId = 'bench-1';
  started = performance.now();
  log(`approving ${options.employees} plans of ${cycleId} (direct appends), then phases to ASSESSMENT (HTTP)`);
  const planned = await approveAllPlans(
    infrastructure.eventStore,
    cycleId,
    await appraisalNips(infrastructure.readDb, cycleId),
  );
  for (const to of ['IN_PROGRESS', 'ASSESSMENT']) {
    const answer = await http.send('POST', `/api/v1/cycles/${cycleId}/phase`, hrToken, {
      to,
      reason: 'bench: plans approved by direct appends (some have no rater), the read model may lag',
      confirmNotReady: true,
    });
    if (answer.status !== 201) throw new Error(`phase ${to}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  const rateable = planned.filter((a) => a.planApproved && a.raterNip !== null);
  await probe.appraisals(cycleId, rateable.length, { planStatus: 'APPROVED' });
  result.setup.plansSeconds = (performance.now() - started) / 1000;

  if (options.measures.includes('rush')) {
    const tokens = await personTokens(key, agencyId, rateable);
    const runs: LoadRun[] = [];
    for (let r = 0; r < options.repeat; r++) {
      const slice = rateable.filter((_, i) => i % options.repeat === r);
      log(`(b) rush ${r + 1}/${options.repeat}: ${slice.length} appraisals x 2 requests, ${options.clients} clients`);
      runs.push(await rush(http, cycleId, options.clients, slice, (nip) => tokens.get(nip) as string, log));
      await probe.appraisals(cycleId, rateable.filter((_, i) => i % options.repeat <= r).length, {
        ratingStatus: 'SUBMITTED',
      });
    }
    result.rush = summarise(runs, medianRun);
  }

  if (options.measures.includes('read')) {
    const nips = planned.map((a) => a.nip).sort();
    const runs: LoadRun[] = [];
    for (let r = 1; r <= options.repeat; r++) {
      log(`(c) read ${r}/${options.repeat}: ${options.reads} pages, ${options.clients} clients`);
      runs.push(await readPages(http, cycleId, options.clients, options.reads, nips, hrToken, r, log));
    }
    result.read = summarise(runs, medianRun);
  }
  return result;
}

function summarise<Run>(runs: Run[], medianOf: (runs: Run[]) => Run): Measured<Run> {
  return { runs, median: medianOf(runs) };
}

function medianOpen(runs: OpenRun[]): OpenRun {
  return {
    seconds: median(runs.map((r) => r.seconds)),
    appraisals: median(runs.map((r) => r.appraisals)),
    perSecond: median(runs.map((r) => r.perSecond)),
  };
}

/** Every NIP with an appraisal in the cycle, from the read model (caught up by then). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each read model brings its own table types
export async function appraisalNips(readDb: Kysely<any>, cycleId: string): Promise<string[]> {
  const nips: string[] = [];
  let after: string | undefined;
  do {
    const page = await listAppraisals(readDb, { cycleId, after, limit: 1000 });
    nips.push(...page.items.map((a) => a.nip));
    after = page.nextCursor ?? undefined;
  } while (after);
  return nips;
}

/** A dev token per employee in the rush and per rater (raters hold RATER and RATER_SUPERVISOR too). */
export async function personTokens(key: DevKey, agencyId: string, appraisals: readonly PlannedAppraisal[]) {
  const raters = new Set(appraisals.map((a) => a.raterNip as string));
  const tokens = new Map<string, string>();
  for (const nip of new Set([...appraisals.map((a) => a.nip), ...raters])) {
    const roles = raters.has(nip) ? [Role.EMPLOYEE, Role.RATER, Role.RATER_SUPERVISOR] : [Role.EMPLOYEE];
    tokens.set(nip, await issueDevToken(key, { sub: `pegawai-${nip}`, roles, agencyId, nip }));
  }
  return tokens;
}

async function startServer(log: (line: string) => void) {
  await removeStaleRunDirs(`${REPO_ROOT}.test-data`, 'bench-cycle');
  const dataDir = `${REPO_ROOT}.test-data/bench-cycle-${process.pid}`;
  log(`starting embedded PostgreSQL in .test-data/bench-cycle-${process.pid}`);
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'postgres' });
  return {
    url: server.url,
    async stop() {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function createDatabase(adminUrl: string, name: string): Promise<string> {
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
