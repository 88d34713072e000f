// `npm run bench:store`: append throughput and latency of our PostgreSQL event store against Emmett's, a
// plain-INSERT ceiling and the group-commit appender. A script, not a test: it prints figures and asserts none.
// The table goes to stdout, progress to stderr.
import { runBench } from './harness.js';
import { BenchUsageError, parseBenchArgs, USAGE } from './options.js';
import { formatReport } from './report.js';

async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.error(USAGE);
    return 0;
  }
  let options;
  try {
    options = parseBenchArgs(args);
  } catch (error) {
    if (error instanceof BenchUsageError) {
      console.error(`${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  const started = Date.now();
  const report = await runBench({ ...options, log: (line) => process.stderr.write(`${line}\n`) });
  process.stderr.write(`done in ${Math.round((Date.now() - started) / 1000)} s\n\n`);
  process.stdout.write(`${formatReport(report)}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
