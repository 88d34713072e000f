// Public surface of the projections library.
export * from './projection.js';
export { migrateProjectionTables } from './projection-tables.js';
export { listGenerations, findActiveGeneration, type Generation, type GenerationStatus } from './generations.js';
export { readCheckpoint, CheckpointConflictError, type Checkpoint } from './checkpoint.js';
export { ProjectionRunner, stderrLogger, type ProjectionRunnerOptions, type ProjectionLogger } from './runner.js';
export { startProjectionRunners, type ProjectionHost, type ProjectionHostOptions } from './projection-host.js';
export * from './rebuild.js';
export * from './status.js';
export { renderProjectionMetrics, PROMETHEUS_CONTENT_TYPE } from './prometheus.js';
export { LAG_EVENTS_CAP } from './lag.js';
export { readStoredStatuses } from './stored-status.js';
export * from './readiness.js';
