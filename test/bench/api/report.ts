// The printed result: context, the contenders' table, the lag/reads table, then every target of issue 8 beside
// its figure, met or MISSED. Figures of the contenders are medians over the runs; errors are summed.
import { table } from '../cycle/report.js';
import type { LoadSummary } from './load-task.js';
import { SUSTAINABLE_SHARE, type ApiBenchResult, type ContenderResult } from './run-api-bench.js';
import { HR_LIST, OWN_VIEW } from './workload.js';

export const CONTENDER_HEADER = ['contender', 'commands', 'wall s', 'commands/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors']; // prettier-ignore
export const LAG_HEADER = ['measure', 'count', 'per s', 'p50 ms', 'p99 ms', 'errors'];
export const TARGET_HEADER = ['target', 'goal', 'measured', ''];

export function formatReport(result: ApiBenchResult): string {
  const { options: o } = result;
  const runs = `median of ${o.repeat} run${o.repeat === 1 ? '' : 's'}`;
  const lines = [
    `API benchmark ${result.date}: ${thousands(result.employees)} employees in ${thousands(result.units)} units; ` +
      `${result.server}; ${result.machine}.`,
    `Each server and each load generator a process of its own, HTTP on 127.0.0.1. Commands: ${o.clients} clients, ` +
      `${o.duration} s a run, ${runs}, interleaved; each appraisal once a run (self-assessment,\n` +
      `then rating; the stateless ceiling may go through its slice again).`,
    `Set-up (not measured): agency ${seconds(result.setup.agencySeconds)} s, cycle and plans ` +
      `${seconds(result.setup.plansSeconds)} s, servers (peer's copy of the streams included) ${seconds(result.setup.serversSeconds)} s.`, // prettier-ignore
    '',
    ...table([CONTENDER_HEADER, ...result.contenders.map(contenderRow)]),
    '',
  ];
  const { lag } = result;
  const capped = lag.rate < lag.requestedRate ? ` (asked ${thousands(lag.requestedRate)}/s: capped at ${100 * SUSTAINABLE_SHARE}% of ours's closed-loop rate)` : ''; // prettier-ignore
  // Open loop: a server that cannot keep up answers later and later, and the latencies then measure a queue. Kept
  // up: the median command answered no slower than in the closed-loop runs.
  const closedP50 = result.contenders.find((c) => c.name === 'ours')?.median.p50Ms ?? Number.NaN;
  const openP50 = lag.commands.latency.all?.p50Ms ?? Number.NaN;
  const kept = openP50 <= closedP50 ? 'kept up' : `did NOT keep up (median command ${ms(openP50)} ms, ${ms(closedP50)} ms in the closed loop)`; // prettier-ignore
  lines.push(`On ours, open loop at ${thousands(lag.rate)} commands/s${capped} for ${o.lagDuration} s, reads at ${o.readRate}/s alongside; ours ${kept}:`); // prettier-ignore
  lines.push(
    ...table([
      LAG_HEADER,
      loadRow('commands (from planned start)', lag.commands, 'all'),
      ['projection lag (reply to read model)', thousands(lag.lag.samples), '-', ms(lag.lag.p50Ms), ms(lag.lag.p99Ms), '-'], // prettier-ignore
      loadRow(`GET ${HR_LIST}`, lag.reads, HR_LIST),
      loadRow(`GET ${OWN_VIEW}`, lag.reads, OWN_VIEW),
    ]),
    '',
    `Full rebuild (npm run cli -- rebuild-projections, every read model): ${thousands(result.rebuild.events)} events in ` +
      `${seconds(result.rebuild.seconds)} s. API peak RSS (VmHWM): ${Math.round(result.apiPeakRssMiB)} MiB.`,
    '',
    ...table([TARGET_HEADER, ...targets(result)]),
  );
  return lines.join('\n');
}

function contenderRow({ label, median: m }: ContenderResult): string[] {
  return [label, thousands(m.requests), seconds(m.seconds), thousands(m.perSecond), ms(m.p50Ms), ms(m.p95Ms), ms(m.p99Ms), String(m.errors)]; // prettier-ignore
}

function loadRow(label: string, run: LoadSummary, kind: string): string[] {
  const latency = run.latency[kind];
  const count = latency?.count ?? 0;
  const errors = kind === 'all' ? run.errors : Number.NaN;
  return [label, thousands(count), thousands(count / run.seconds), ms(latency?.p50Ms), ms(latency?.p99Ms), Number.isNaN(errors) ? '' : String(errors)]; // prettier-ignore
}

/** Issue 8's targets: [what, goal, figure, met/MISSED]. */
export function targets(result: ApiBenchResult): string[][] {
  const [ours, peer, ceiling] = ['ours', 'peer', 'ceiling'].map(
    (name) => result.contenders.find((c) => c.name === name)?.median,
  );
  const rows: string[][] = [];
  const add = (what: string, goal: string, figure: string, met: boolean) =>
    rows.push([what, goal, figure, met ? 'met' : 'MISSED']);
  if (ours) {
    add('ours: commands/s', '>= 3,000', thousands(ours.perSecond), ours.perSecond >= 3000);
    add('ours: p99 of those runs', '<= 50 ms', `${ms(ours.p99Ms)} ms`, ours.p99Ms <= 50);
    if (peer) add('ours / peer', '>= 2.00x', `${(ours.perSecond / peer.perSecond).toFixed(2)}x`, ours.perSecond >= 2 * peer.perSecond); // prettier-ignore
    if (ceiling) add('ours / ceiling', '>= 80%', `${Math.round((100 * ours.perSecond) / ceiling.perSecond)}%`, ours.perSecond >= 0.8 * ceiling.perSecond); // prettier-ignore
  }
  const { lag } = result;
  add(`projection lag p99 at ${thousands(lag.rate)}/s`, '<= 100 ms', `${ms(lag.lag.p99Ms)} ms`, lag.lag.p99Ms <= 100);
  for (const kind of [HR_LIST, OWN_VIEW]) {
    const p99 = lag.reads.latency[kind]?.p99Ms ?? Number.NaN;
    add(`read p99: ${kind}`, '<= 20 ms', `${ms(p99)} ms`, p99 <= 20);
  }
  add('full rebuild events/s', '>= 25,000', thousands(result.rebuild.perSecond), result.rebuild.perSecond >= 25_000);
  return rows;
}

const thousands = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '-');
const seconds = (s: number) => s.toFixed(1);
const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '-' : value.toFixed(1));
