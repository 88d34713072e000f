// Runs one ProjectionRunner per registered projection in this process: what apps/projector runs on its
// own and what the API embeds with PROJECTOR=embedded.
import type { Projection } from './projection.js';
import { renderProjectionMetrics } from './prometheus.js';
import { ProjectionRunner, type ProjectionRunnerOptions } from './runner.js';
import type { ProjectionStatus } from './status.js';

export interface ProjectionHostOptions extends Omit<ProjectionRunnerOptions, 'projection'> {
  projections: readonly Projection[];
}

export interface ProjectionHost {
  readonly runners: readonly ProjectionRunner[];
  statuses(): ProjectionStatus[];
  /** Prometheus text for GET /metrics (content type PROMETHEUS_CONTENT_TYPE). */
  metrics(): string;
  /** Stops every runner gracefully (batches in progress are committed, locks released). */
  stop(): Promise<void>;
}

export function startProjectionRunners(options: ProjectionHostOptions): ProjectionHost {
  const { projections, ...runnerOptions } = options;
  const names = new Set<string>();
  for (const p of projections) {
    if (names.has(p.name)) throw new Error(`projection ${p.name} is registered twice`);
    names.add(p.name);
  }
  const runners = projections.map((projection) => new ProjectionRunner({ ...runnerOptions, projection }).start());
  return {
    runners,
    statuses: () => runners.map((r) => r.status()),
    metrics: () => renderProjectionMetrics(runners.map((r) => r.status())),
    stop: async () => {
      await Promise.all(runners.map((r) => r.stop()));
    },
  };
}
