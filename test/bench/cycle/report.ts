// The printed result: one line of context, one table. (a) counts appraisals started by one POST, (b) and (c)
// requests per run; every figure is the median over the runs, errors are summed over all of them.
import type { LoadRun } from './http-load.js';
import type { CycleBenchResult } from './run-cycle-bench.js';
import { PAGE_SIZE } from './workloads.js';

export const HEADER = ['measure', 'count', 'wall s', 'per s', 'p50 ms', 'p99 ms', 'errors'];

export function formatReport(result: CycleBenchResult): string {
  const runs = `median of ${result.repeat} run${result.repeat === 1 ? '' : 's'}`;
  const lines = [
    `Cycle benchmark ${result.date}: ${thousands(result.employees)} employees in ${thousands(result.units)} units, ` +
      `${result.clients} clients, ${runs}; ${result.server}; ${result.machine}.`,
    `API in this process (Nest on Fastify, embedded projector), requests over HTTP on 127.0.0.1. Set-up (not ` +
      `measured): agency ${result.setup.agencySeconds.toFixed(1)} s, plans ${result.setup.plansSeconds.toFixed(1)} s.`,
    '',
  ];
  const rows: string[][] = [HEADER];
  if (result.open) {
    const { median: m } = result.open;
    rows.push(['(a) open cycle, whole agency: appraisals', thousands(m.appraisals), seconds(m.seconds), thousands(m.perSecond), '-', '-', '0']); // prettier-ignore
  }
  if (result.rush) {
    rows.push(loadRow('(b) year-end rush: all requests', result.rush.median));
    rows.push(kindRow('      POST self-assessment', result.rush.median, 'self-assessment'));
    rows.push(kindRow('      POST supervisor rating', result.rush.median, 'supervisor rating'));
  }
  if (result.read) rows.push(loadRow(`(c) GET appraisal list, ${PAGE_SIZE} a page`, result.read.median));
  lines.push(...table(rows));
  return lines.join('\n');
}

function loadRow(label: string, run: LoadRun): string[] {
  const all = run.latency.all;
  return [label, thousands(run.requests), seconds(run.seconds), thousands(run.perSecond), ms(all?.p50Ms), ms(all?.p99Ms), String(run.errors)]; // prettier-ignore
}

function kindRow(label: string, run: LoadRun, kind: string): string[] {
  const latency = run.latency[kind];
  return [label, '', '', '', ms(latency?.p50Ms), ms(latency?.p99Ms), ''];
}

/** Rows as aligned columns (the first left-aligned, the rest right-aligned), a rule under the header row. */
export function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
}

const thousands = (n: number) => Math.round(n).toLocaleString('en-US');
const seconds = (s: number) => s.toFixed(2);
const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '-' : value.toFixed(1));
