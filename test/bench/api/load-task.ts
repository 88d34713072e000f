// What the parent hands the load-generator child (as a JSON file) and what the child prints back.

/** One HTTP request, prepared in full before the clock starts (the body already serialised). */
export interface PreparedRequest {
  /** Latencies are reported per kind and for 'all'. */
  kind: string;
  method: 'GET' | 'POST';
  path: string;
  token: string;
  body?: string;
  /** The status that counts as a success; anything else is an error. */
  expect: number;
}

/** Requests sent one after the other by one client (a self-assessment, then the rating of the same appraisal). */
export type Chain = PreparedRequest[];

export interface LoadTask {
  baseUrl: string;
  /**
   * closed: `clients` workers, each taking the next chain when its last one is answered;
   * open: chains started at a fixed `rate` per second whatever the answers (latency counted from the planned start).
   */
  mode: 'closed' | 'open';
  clients: number;
  rate: number;
  /** No chain starts after this; chains in flight finish. */
  durationSeconds: number;
  chains: Chain[];
  /** Start over at the first chain when all were sent (reads); writes send each chain once. */
  cycle: boolean;
  /** Print a sample line for every n-th successful request (0: none): when it was answered, the ETag revision. */
  sampleEvery: number;
}

export interface KindLatency {
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export interface LoadSummary {
  requests: number;
  seconds: number;
  perSecond: number;
  /** Answers with another status than expected, and requests that failed outright. */
  errors: number;
  statuses: Record<string, number>;
  latency: Record<string, KindLatency>;
  /** Chains left unsent when the time was up or the list ran out (closed mode: 0 means the list ran out). */
  unsentChains: number;
}

/** A successful request, as the lag probe needs it: the path names the appraisal, the revision its new head. */
export interface ReplySample {
  kind: string;
  path: string;
  revision: number | null;
  /** Epoch milliseconds (fractional), comparable across processes on this machine. */
  repliedAt: number;
}

export const SAMPLE_PREFIX = 'sample ';
export const SUMMARY_PREFIX = 'summary ';

/** Wall-clock milliseconds with sub-millisecond resolution, comparable between processes. */
export const epochMs = () => performance.timeOrigin + performance.now();
