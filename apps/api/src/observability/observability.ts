// Everything the API does for operators, wired in createApi: JSON logs through pino (one access line per
// request), per-app Prometheus metrics (HTTP, event-store appends, group-commit batches) and read-your-writes.
// README "Logging", "Metrics", "Read-your-writes".
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { DestinationStream } from 'pino';
import {
  InstrumentedEventStore,
  type AppendSample,
} from '../../../../libs/event-store/src/instrumented-event-store.js';
import type { GroupCommitEventStore } from '../../../../libs/event-store/src/postgres-group-commit/index.js';
import { projections } from '../../../../libs/read-models/src/registry.js';
import { EventChainMonitor } from '../audit/event-chain-monitor.js';
import type { AppDependencies } from '../core.module.js';
import { correlationIdFrom } from '../http/correlation.js';
import { registerRequestObservers } from './access-log.js';
import { ApiMetrics } from './api-metrics.js';
import { createApiLogger, type ApiLogger } from './logger.js';
import { PinoNestLogger } from './nest-logger.js';
import { ReadModelProgress } from './read-model-progress.js';
import { ReadYourWritesInterceptor } from './read-your-writes.interceptor.js';
import { noteWrittenPosition } from './written-position.js';

export interface ObservabilityOptions {
  /** Where log lines go (default stdout); tests pass a stream to read them. */
  logDestination?: DestinationStream;
  /** The process's logger, when the caller already made one (startApi: the projection runners share it). */
  logger?: ApiLogger;
}

export interface Observability {
  logger: ApiLogger;
  /** For NestFactory.create's `logger`: Nest's Logger through pino. */
  nestLogger: PinoNestLogger;
  /** The app's dependencies, with the event store instrumented and /metrics extended. */
  deps: AppDependencies;
  /** Spread into the FastifyAdapter's options. */
  fastifyOptions: {
    loggerInstance: ApiLogger;
    logController: LogController;
    genReqId: (request: IncomingMessage) => string;
  };
  /** Registers the hooks and the read-your-writes interceptor; call before the app is initialised. */
  install(app: NestFastifyApplication): void;
}

export function createObservability(deps: AppDependencies, options: ObservabilityOptions = {}): Observability {
  const logger = options.logger ?? createApiLogger(deps.config.logLevel, options.logDestination);
  const metrics = new ApiMetrics();
  const { infrastructure } = deps;
  const eventStore = new InstrumentedEventStore(infrastructure.eventStore, {
    appendCompleted(sample: AppendSample) {
      metrics.observeAppend(sample);
      if (sample.position) noteWrittenPosition(sample.position);
    },
  });
  if (isGroupCommit(infrastructure.rawEventStore)) {
    infrastructure.rawEventStore.observeBatches((batch) => metrics.observeBatch(batch));
  }
  const source = deps.metrics;
  const progress = new ReadModelProgress(
    infrastructure.readDb,
    projections.map((p) => p.name),
  );
  return {
    logger,
    nestLogger: new PinoNestLogger(logger),
    deps: {
      ...deps,
      infrastructure: { ...infrastructure, eventStore },
      eventChain: new EventChainMonitor((category) => metrics.countBrokenChain(category)),
      metrics: { renderPrometheus: async () => (await source.renderPrometheus()) + (await metrics.render()) },
    },
    fastifyOptions: {
      loggerInstance: logger,
      // Fastify's own request lines carry the raw URL (NIPs): off, ours is in access-log.ts.
      logController: new LogController({ disableRequestLogging: true }),
      genReqId: (request) => correlationIdFrom(request.headers['x-correlation-id']),
    },
    install(app) {
      registerRequestObservers(app.getHttpAdapter().getInstance(), logger, metrics);
      app.useGlobalInterceptors(new ReadYourWritesInterceptor(progress));
    },
  };
}

function isGroupCommit(store: object): store is GroupCommitEventStore {
  return typeof (store as Partial<GroupCommitEventStore>).observeBatches === 'function';
}
