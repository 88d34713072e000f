// What every import run needs from outside: where events go, who is acting, and the run's clock.
import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '../../../shared-kernel/src/decider.js';
import type { Actor, EventMetadata, EventStore, NewEvent } from '../../../event-store/src/port.js';
import type { ImportProgress } from '../report.js';

export interface ImportContext {
  /** The hash-chaining store (Infrastructure.eventStore). */
  store: EventStore;
  actor: Actor;
  /** One id for the whole run: every event of one import shares it. */
  correlationId: string;
  /** ISO instant of the run (injected clock). */
  now: string;
  /** Appends in flight at once (employees). Default 64 (measured: test/bench/import). */
  concurrency?: number;
  onProgress?: (progress: ImportProgress) => void;
}

export function toNewEvents(context: ImportContext, events: DomainEvent[]): NewEvent[] {
  const metadata: EventMetadata = {
    actor: context.actor,
    correlationId: context.correlationId,
    causationId: context.correlationId,
    occurredAt: context.now,
  };
  return events.map((e) => ({ id: randomUUID(), type: e.type, data: e.data as Record<string, unknown>, metadata }));
}
