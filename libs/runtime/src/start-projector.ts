// Starts the runners of the registered projections in this process: apps/projector's main does it on
// its own, the API does it embedded (PROJECTOR=embedded). Also what /metrics renders, in either mode.
import type { Config } from '../../config/src/config.js';
import type { EventStore } from '../../event-store/src/port.js';
import type { Projection, ReadModelDb } from '../../projections/src/projection.js';
import { startProjectionRunners, type ProjectionHost } from '../../projections/src/projection-host.js';
import { renderProjectionMetrics } from '../../projections/src/prometheus.js';
import type { ProjectionLogger } from '../../projections/src/runner.js';
import { readStoredStatuses } from '../../projections/src/stored-status.js';
import { projections as registered } from '../../read-models/src/registry.js';

export interface ProjectorDependencies {
  /** The event store adapter itself (subscriptions and reads; no hash-chaining needed). */
  store: EventStore;
  /** The read-model database, and its connection string for the runners' lock connections. */
  db: ReadModelDb;
  connectionString: string;
  projections?: readonly Projection[];
  log?: ProjectionLogger;
  batchSize?: number;
  idleMs?: number;
}

export interface Projector {
  host: ProjectionHost;
  /** Prometheus text for GET /metrics (the API's MetricsSource). */
  renderPrometheus(): Promise<string>;
  stop(): Promise<void>;
}

export function startProjector(deps: ProjectorDependencies): Projector {
  const host = startProjectionRunners({
    projections: deps.projections ?? registered,
    store: deps.store,
    db: deps.db,
    connectionString: deps.connectionString,
    log: deps.log,
    batchSize: deps.batchSize,
    idleMs: deps.idleMs,
  });
  return {
    host,
    renderPrometheus: async () => host.metrics(),
    stop: () => host.stop(),
  };
}

/** /metrics for a process that leaves the projections to an external projector: read from the database. */
export function storedProjectionMetrics(deps: {
  store: EventStore;
  db: ReadModelDb;
  projections?: readonly Projection[];
}): { renderPrometheus(): Promise<string> } {
  const names = (deps.projections ?? registered).map((p) => p.name);
  return {
    renderPrometheus: async () => renderProjectionMetrics(await readStoredStatuses(deps.db, deps.store, names)),
  };
}

const LEVELS = ['error', 'warn', 'info', 'debug'] as const;

/** Logs to stderr at or above the configured level. Messages carry projection names, never event data. */
export function projectorLogger(level: Config['logLevel']): ProjectionLogger {
  const threshold = LEVELS.indexOf(level);
  return (messageLevel, message) => {
    if (LEVELS.indexOf(messageLevel) <= threshold) {
      console.error(`${new Date().toISOString()} projector ${messageLevel}: ${message}`);
    }
  };
}
