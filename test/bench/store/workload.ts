// Drives one contender through one shape: W concurrent writers share a budget of appends over 1,000 streams.
// Each writer owns a disjoint set of streams, so expected-revision checks run but never conflict.
import { performance } from 'node:perf_hooks';
import type { NewEvent } from '../../../libs/event-store/src/port.js';
import type { BenchAppender } from './contenders/contender.js';
import { nipFor, randomSource, ratingEvent } from './payload.js';
import { percentile } from './stats.js';

export interface Shape {
  eventsPerAppend: number;
  writers: number;
}

export const SHAPES: readonly Shape[] = [
  { eventsPerAppend: 1, writers: 1 },
  { eventsPerAppend: 10, writers: 1 },
  { eventsPerAppend: 1, writers: 16 },
  { eventsPerAppend: 10, writers: 16 },
];

export const STREAM_COUNT = 1000;

export function shapeKey(shape: Shape): string {
  return `${shape.eventsPerAppend}x${shape.writers}`;
}

export function shapeLabel(shape: Shape): string {
  const events = shape.eventsPerAppend === 1 ? '1 event' : `${shape.eventsPerAppend} events`;
  const writers = shape.writers === 1 ? '1 writer' : `${shape.writers} writers`;
  return `${events} x ${writers}`;
}

export interface ShapeResult {
  events: number;
  appends: number;
  seconds: number;
  eventsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export interface RunShapeOptions {
  shape: Shape;
  events: number;
  /** Distinguishes the stream names of separate runs in one database (e.g. the warm-up). */
  streamPrefix: string;
  seed: number;
}

export async function runShape(appender: BenchAppender, options: RunShapeOptions): Promise<ShapeResult> {
  const { shape } = options;
  const appends = Math.max(1, Math.ceil(options.events / shape.eventsPerAppend));
  // Build every batch before the clock starts, so payload generation is not measured.
  const random = randomSource(options.seed);
  const lastRevision = new Array<bigint>(STREAM_COUNT).fill(-1n);
  const streamsOf = Array.from({ length: shape.writers }, (_, w) =>
    Array.from({ length: STREAM_COUNT }, (_, s) => s).filter((s) => s % shape.writers === w),
  );
  const queues: { stream: number; events: NewEvent[] }[][] = streamsOf.map(() => []);
  for (let k = 0; k < appends; k++) {
    const w = k % shape.writers;
    const mine = streamsOf[w];
    const stream = mine[Math.floor(k / shape.writers) % mine.length];
    const name = streamName(options.streamPrefix, stream);
    const events = Array.from({ length: shape.eventsPerAppend }, (_, i) =>
      ratingEvent(random, name, nipFor(stream), k * shape.eventsPerAppend + i),
    );
    queues[w].push({ stream, events });
  }

  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    queues.map(async (queue) => {
      for (const { stream, events } of queue) {
        const before = performance.now();
        await appender.append(streamName(options.streamPrefix, stream), events, lastRevision[stream]);
        latencies.push(performance.now() - before);
        lastRevision[stream] += BigInt(events.length);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const events = appends * shape.eventsPerAppend;
  return {
    events,
    appends,
    seconds,
    eventsPerSecond: events / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}

function streamName(prefix: string, stream: number): string {
  return `appraisal-${prefix}-${nipFor(stream)}`;
}
