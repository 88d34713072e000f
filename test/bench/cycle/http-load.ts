// The measured side: real HTTP requests (fetch, keep-alive) to the API listening on a local port, C clients
// working through a shared queue, every request's latency kept, a failed request counted (never retried).
import { median, percentile } from '../store/stats.js';

export interface HttpAnswer {
  status: number;
  body: unknown;
}

export interface Sample {
  kind: string;
  ms: number;
  ok: boolean;
}

/** One measured run: requests of every kind, wall time, latencies by kind ('all' for every request). */
export interface LoadRun {
  requests: number;
  seconds: number;
  perSecond: number;
  errors: number;
  latency: Record<string, { p50Ms: number; p99Ms: number }>;
}

export type FailureLog = (line: string) => void;

export class HttpClient {
  constructor(readonly baseUrl: string) {}

  async send(method: 'GET' | 'POST', path: string, token: string, body?: unknown): Promise<HttpAnswer> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
  }

  /** As `send`, timed; a status other than `expected` is a failed sample (logged, the first few only). */
  async timed(
    kind: string,
    expected: number,
    request: () => Promise<HttpAnswer>,
    samples: Sample[],
    log: FailureLog,
  ): Promise<HttpAnswer> {
    const started = performance.now();
    const answer = await request();
    const ms = performance.now() - started;
    const ok = answer.status === expected;
    samples.push({ kind, ms, ok });
    if (!ok && samples.filter((s) => !s.ok).length <= 3) {
      log(`${kind}: HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
    }
    return answer;
  }
}

/** `act` for every item by `clients` concurrent workers; the wall time covers the whole queue. */
export async function runClients<T>(
  clients: number,
  items: readonly T[],
  act: (item: T, samples: Sample[]) => Promise<void>,
): Promise<LoadRun> {
  const samples: Sample[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) await act(items[next++], samples);
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(clients, items.length) }, worker));
  const seconds = (performance.now() - started) / 1000;
  const kinds = ['all', ...new Set(samples.map((s) => s.kind))];
  const latency = Object.fromEntries(
    kinds.map((kind) => {
      const ms = samples.filter((s) => kind === 'all' || s.kind === kind).map((s) => s.ms);
      return [kind, { p50Ms: percentile(ms, 50), p99Ms: percentile(ms, 99) }];
    }),
  );
  return {
    requests: samples.length,
    seconds,
    perSecond: samples.length / seconds,
    errors: samples.filter((s) => !s.ok).length,
    latency,
  };
}

/** Medians over repetitions of one measure (errors: summed, every one counts). */
export function medianRun(runs: readonly LoadRun[]): LoadRun {
  const kinds = Object.keys(runs[0]?.latency ?? {});
  return {
    requests: median(runs.map((r) => r.requests)),
    seconds: median(runs.map((r) => r.seconds)),
    perSecond: median(runs.map((r) => r.perSecond)),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    latency: Object.fromEntries(
      kinds.map((kind) => [
        kind,
        {
          p50Ms: median(runs.map((r) => r.latency[kind]?.p50Ms ?? Number.NaN)),
          p99Ms: median(runs.map((r) => r.latency[kind]?.p99Ms ?? Number.NaN)),
        },
      ]),
    ),
  };
}
