// The API's own Prometheus metrics (prom-client), in a registry per app: tests start many apps in one process,
// and the global default registry would mix them up. GET /metrics renders these after the projection metrics.
import { Counter, Histogram, Registry } from 'prom-client';
import type { AppendSample } from '../../../../libs/event-store/src/instrumented-event-store.js';

const SECONDS_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const EVENT_COUNT_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000];
const APPEND_COUNT_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128];

export class ApiMetrics {
  readonly registry = new Registry();

  private readonly httpDuration = new Histogram({
    name: 'kinerja_http_request_duration_seconds',
    help: 'HTTP requests by method, route template (never the raw URL) and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });

  private readonly appendDuration = new Histogram({
    name: 'kinerja_event_store_append_duration_seconds',
    help: 'Latency of one append to a stream, as the API sees it (group commit wait included), by outcome.',
    labelNames: ['outcome'] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });

  private readonly appendEvents = new Histogram({
    name: 'kinerja_event_store_append_events',
    help: 'Events per append to a stream.',
    buckets: EVENT_COUNT_BUCKETS,
    registers: [this.registry],
  });

  private readonly batchAppends = new Histogram({
    name: 'kinerja_event_store_group_commit_batch_appends',
    help: 'Appends per group-commit batch (one PostgreSQL transaction); only with EVENTSTORE_GROUP_COMMIT=on.',
    buckets: APPEND_COUNT_BUCKETS,
    registers: [this.registry],
  });

  private readonly batchEvents = new Histogram({
    name: 'kinerja_event_store_group_commit_batch_events',
    help: 'Events per group-commit batch; only with EVENTSTORE_GROUP_COMMIT=on.',
    buckets: EVENT_COUNT_BUCKETS,
    registers: [this.registry],
  });

  private readonly chainBroken = new Counter({
    name: 'kinerja_event_chain_broken_total',
    help: 'Commands refused because their stream fails its hash chain, by stream category (never a stream name).',
    labelNames: ['category'] as const,
    registers: [this.registry],
  });

  countBrokenChain(category: string): void {
    this.chainBroken.inc({ category });
  }

  observeRequest(method: string, route: string, statusCode: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status_code: String(statusCode) }, seconds);
  }

  observeAppend(sample: AppendSample): void {
    this.appendDuration.observe({ outcome: sample.outcome }, sample.seconds);
    this.appendEvents.observe(sample.events);
  }

  observeBatch(batch: { appends: number; events: number }): void {
    this.batchAppends.observe(batch.appends);
    this.batchEvents.observe(batch.events);
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
