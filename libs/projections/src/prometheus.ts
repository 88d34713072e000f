// Prometheus text exposition (format 0.0.4) of the runners' status, for GET /metrics.
import type { ProjectionStatus } from './status.js';

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

interface Metric {
  name: string;
  type: 'gauge' | 'counter';
  help: string;
  value: (s: ProjectionStatus) => number | null;
}

const METRICS: Metric[] = [
  {
    name: 'kinerja_projection_active',
    type: 'gauge',
    help: 'Whether this instance is the active runner of the projection (1) or a standby (0).',
    value: (s) => (s.active ? 1 : 0),
  },
  {
    name: 'kinerja_projection_caught_up',
    type: 'gauge',
    help: 'Whether the projection has applied every event up to the head of $all.',
    value: (s) => (reports(s) ? (s.caughtUp ? 1 : 0) : null),
  },
  {
    name: 'kinerja_projection_lag_events',
    type: 'gauge',
    help: 'Events in $all after the checkpoint (saturates at 10000); 0 when caught up.',
    value: (s) => (reports(s) ? s.lagEvents : null),
  },
  {
    name: 'kinerja_projection_lag_seconds',
    type: 'gauge',
    help: 'Age of the last applied event relative to the head of $all; 0 when caught up.',
    value: (s) => (reports(s) ? s.lagMs / 1000 : null),
  },
  {
    name: 'kinerja_projection_events_applied_total',
    type: 'counter',
    help: 'Events applied to the active generation of the read model (restarts at 0 after a rebuild).',
    value: (s) => (reports(s) ? s.eventsApplied : null),
  },
  {
    name: 'kinerja_projection_events_seen_total',
    type: 'counter',
    help: 'Events of $all the checkpoint of the active generation has passed, handled or not.',
    value: (s) => (reports(s) ? s.eventsSeen : null),
  },
  {
    name: 'kinerja_projection_generation',
    type: 'gauge',
    help: 'Generation of the read model the runner writes to.',
    value: (s) => (reports(s) ? s.generation : null),
  },
  {
    name: 'kinerja_projection_failures_total',
    type: 'counter',
    help: 'Runner sessions of this instance that ended in an error.',
    value: (s) => s.failures,
  },
];

/** A standby knows nothing about the read model; it only says that it is there. */
const reports = (s: ProjectionStatus) => s.generation !== null;

/** Renders one sample per projection for each metric; a standby only reports active 0 and its failures. */
export function renderProjectionMetrics(statuses: readonly ProjectionStatus[]): string {
  const lines: string[] = [];
  for (const metric of METRICS) {
    lines.push(`# HELP ${metric.name} ${metric.help}`, `# TYPE ${metric.name} ${metric.type}`);
    for (const status of statuses) {
      const value = metric.value(status);
      if (value !== null) lines.push(`${metric.name}{projection="${escapeLabel(status.projection)}"} ${format(value)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function format(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  return String(value);
}
