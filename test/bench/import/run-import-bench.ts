// Times the employees import end to end as the CLI does it: the file streamed from disk, parsed, validated,
// one append per new employee with a bounded pool in flight, through the hash-chaining, group-committing
// PostgreSQL store. Then the same file again (nothing new: every row read back and compared).
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadConfig } from '../../../libs/config/src/config.js';
import { startEmbeddedPostgres } from '../../../libs/database/src/embedded-postgres.js';
import { agencyStreamName } from '../../../libs/organization/src/agency/agency-events.js';
import type { ImportContext } from '../../../libs/organization-import/src/engine/import-context.js';
import { importEmployees } from '../../../libs/organization-import/src/engine/import-employees.js';
import { importUnits } from '../../../libs/organization-import/src/engine/import-units.js';
import type { ImportReport } from '../../../libs/organization-import/src/report.js';
import { openInfrastructure } from '../../../libs/runtime/src/infrastructure.js';
import { freePort, removeStaleRunDirs } from '../../support/run-dirs.js';
import { generateBenchFiles } from './generate.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface ImportBenchOptions {
  rows: number;
  concurrency: number;
  /** Admin URL of a PostgreSQL server to use; absent: an embedded one is started. */
  adminUrl?: string;
  log?: (line: string) => void;
}

export interface ImportRun {
  seconds: number;
  rowsPerSecond: number;
  newEvents: number;
  report: Omit<ImportReport, 'errors'> & { errors: number };
}

export interface ImportBenchResult {
  rows: number;
  units: number;
  fileBytes: number;
  concurrency: number;
  server: string;
  first: ImportRun;
  rerun: ImportRun;
}

export async function runImportBench(options: ImportBenchOptions): Promise<ImportBenchResult> {
  const log = options.log ?? (() => undefined);
  const server = options.adminUrl ? { url: options.adminUrl, stop: async () => undefined } : await startServer(log);
  const database = `bench_import_${process.pid}_${Date.now()}`;
  const dir = await mkdtemp(join(tmpdir(), 'kinerja-import-bench-'));
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    const version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const url = new URL(server.url);
    url.pathname = `/${database}`;
    const infrastructure = await openInfrastructure(loadConfig({ DATABASE_URL: url.toString() }));
    try {
      log(`generating ${options.rows} employee rows`);
      const files = generateBenchFiles(options.rows);
      const employeesFile = join(dir, 'employees.csv');
      await writeFile(employeesFile, files.employeesCsv);
      const context = (): ImportContext => ({
        store: infrastructure.eventStore,
        actor: { id: 'bench', role: 'ADMIN' },
        correlationId: randomUUID(),
        now: new Date().toISOString(),
        concurrency: options.concurrency,
      });
      await infrastructure.eventStore.appendToStream(
        agencyStreamName('bench'),
        [
          {
            id: randomUUID(),
            type: 'AgencyRegistered.v1',
            data: { agencyId: 'bench', name: 'Bench', timeZone: 'Asia/Jayapura', registeredAt: new Date().toISOString() },
            metadata: { actor: { id: 'bench', role: 'ADMIN' }, correlationId: randomUUID(), causationId: 'bench', occurredAt: new Date().toISOString() },
          },
        ],
        { expected: 'no_stream' },
      ); // prettier-ignore
      await importUnits(context(), 'bench', [files.unitsCsv]);
      const count = async () =>
        Number((await infrastructure.pool.query('SELECT count(*) FROM event_store.events')).rows[0].count);
      const timed = async (label: string): Promise<ImportRun> => {
        const before = await count();
        const started = process.hrtime.bigint();
        const report = await importEmployees(context(), 'bench', createReadStream(employeesFile));
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const run = {
          seconds,
          rowsPerSecond: report.rows / seconds,
          newEvents: (await count()) - before,
          report: { ...report, errors: report.errors.length },
        };
        log(`${label}: ${report.rows} rows in ${seconds.toFixed(2)} s`);
        return run;
      };
      const first = await timed('first import');
      const rerun = await timed('re-run');
      return {
        rows: options.rows,
        units: files.units,
        fileBytes: Buffer.byteLength(files.employeesCsv),
        concurrency: options.concurrency,
        server: `PostgreSQL ${version}`,
        first,
        rerun,
      };
    } finally {
      await infrastructure.close();
      const cleanup = new pg.Client({ connectionString: server.url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await cleanup.end();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
    await server.stop();
  }
}

async function startServer(log: (line: string) => void) {
  await removeStaleRunDirs(`${REPO_ROOT}.test-data`, 'bench-import');
  const dataDir = `${REPO_ROOT}.test-data/bench-import-${process.pid}`;
  log(`starting embedded PostgreSQL in .test-data/bench-import-${process.pid}`);
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'postgres' });
  return {
    url: server.url,
    async stop() {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
