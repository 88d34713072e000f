// The printed result: one table of every contender and shape, then the ratios the goal is stated in.
import type { BenchReport, ContenderShapeSummary } from './harness.js';
import { shapeKey, shapeLabel } from './workload.js';

const GOAL_SHAPES = ['1x16', '10x16'];
const GOAL_VS_EMMETT = 2;
const GOAL_VS_CEILING = 0.7;

export function formatReport(report: BenchReport): string {
  const { options } = report;
  const lines: string[] = [];
  lines.push(
    `Store append benchmark: ${report.server}; ${options.events} events per run ` +
      `(${options.singleWriterEvents} with 1 writer) over 1,000 streams, ~1.1 KB payloads; ` +
      `median of ${options.repeat} run${options.repeat === 1 ? '' : 's'}.`,
  );
  lines.push('');
  const rows: string[][] = [['shape', 'contender', 'events/s', 'p50 ms', 'p99 ms']];
  for (const shape of options.shapes) {
    for (const s of report.summaries.filter((x) => shapeKey(x.shape) === shapeKey(shape))) {
      rows.push([shapeLabel(shape), s.label, thousands(s.eventsPerSecond), s.p50Ms.toFixed(2), s.p99Ms.toFixed(2)]);
    }
  }
  lines.push(...table(rows, [false, false, true, true, true]));

  const goalRows = goalTable(report);
  if (goalRows.length > 1) {
    lines.push('');
    lines.push(
      ...table(
        goalRows,
        goalRows[0].map((_, i) => i > 0),
      ),
    );
  }
  return lines.join('\n');
}

function goalTable(report: BenchReport): string[][] {
  const find = (contender: string, key: string): ContenderShapeSummary | undefined =>
    report.summaries.find((s) => s.contender === contender && shapeKey(s.shape) === key);
  const has = (contender: string) => report.summaries.some((s) => s.contender === contender);
  if (!has('ours')) return [];
  const header = ['goal (events/s)', 'ours'];
  if (has('emmett')) header.push('Emmett', 'ours/Emmett (>= 2x)');
  if (has('ceiling')) header.push('ceiling', 'ours/ceiling (>= 70%)');
  if (has('group') && has('ceiling')) header.push('group', 'group/ceiling');
  const rows = [header];
  for (const key of GOAL_SHAPES) {
    const ours = find('ours', key);
    if (!ours) continue;
    const row = [shapeLabel(ours.shape), thousands(ours.eventsPerSecond)];
    const emmett = find('emmett', key);
    const ceiling = find('ceiling', key);
    const group = find('group', key);
    if (has('emmett') && emmett) {
      const ratio = ours.eventsPerSecond / emmett.eventsPerSecond;
      row.push(thousands(emmett.eventsPerSecond), `${ratio.toFixed(2)}x ${ratio >= GOAL_VS_EMMETT ? 'met' : 'MISSED'}`);
    }
    if (has('ceiling') && ceiling) {
      const ratio = ours.eventsPerSecond / ceiling.eventsPerSecond;
      row.push(thousands(ceiling.eventsPerSecond), `${percent(ratio)} ${ratio >= GOAL_VS_CEILING ? 'met' : 'MISSED'}`);
      if (has('group') && group) {
        row.push(thousands(group.eventsPerSecond), percent(group.eventsPerSecond / ceiling.eventsPerSecond));
      }
    }
    rows.push(row);
  }
  return rows;
}

function table(rows: string[][], rightAligned: boolean[]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((cell, i) => (rightAligned[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
}

function thousands(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}
