// Projection lag as a reader sees it: for sampled commands, the time from the command's reply to the appraisal's
// read-model row carrying the revision that reply announced (its ETag), polled over a direct connection. One
// query per poll covers every pending sample, so the probe's own load stays small.
import type pg from 'pg';
import { findActiveSchema, type ReadModelDb } from '../../../libs/projections/src/projection.js';
import { storeNames } from '../../../libs/event-store/src/postgres/names.js';
import { APPRAISALS } from '../../../libs/read-models/src/appraisals/appraisals.projection.js';
import { percentile } from '../store/stats.js';
import { epochMs, type ReplySample } from './load-task.js';

const POLL_MS = 2;
const GIVE_UP_MS = 60_000;

export interface LagResult {
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

interface Pending {
  nip: string;
  revision: number;
  repliedAt: number;
}

export class LagProbe {
  private readonly pending: Pending[] = [];
  private readonly lags: number[] = [];
  private skipped = 0;
  private stopped = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly pool: pg.Pool,
    private readonly readDb: ReadModelDb,
    private readonly cycleId: string,
  ) {}

  readonly onSample = (sample: ReplySample) => {
    const nip = /\/appraisals\/([^/]+)\//.exec(sample.path)?.[1];
    if (nip === undefined || sample.revision === null) this.skipped++;
    else this.pending.push({ nip, revision: sample.revision, repliedAt: sample.repliedAt });
  };

  async start(): Promise<void> {
    const schema = await findActiveSchema(this.readDb, APPRAISALS);
    if (schema === undefined) throw new Error('the appraisals read model is not built');
    this.loop = this.poll(schema);
  }

  /** Waits for every sample taken so far to become visible, then reports. */
  async finish(): Promise<LagResult> {
    const until = Date.now() + GIVE_UP_MS;
    while (this.pending.length > 0 && Date.now() < until) await sleep(20);
    this.stopped = true;
    await this.loop;
    if (this.pending.length > 0 || this.skipped > 0) {
      throw new Error(`lag probe: ${this.pending.length} samples never visible, ${this.skipped} without a revision`);
    }
    return {
      samples: this.lags.length,
      p50Ms: percentile(this.lags, 50),
      p99Ms: percentile(this.lags, 99),
      maxMs: Math.max(...this.lags),
    };
  }

  private async poll(schema: string): Promise<void> {
    while (!this.stopped) {
      if (this.pending.length > 0) {
        const nips = [...new Set(this.pending.map((p) => p.nip))];
        const { rows } = await this.pool.query<{ nip: string; r: number }>(
          `SELECT nip, stream_revision::int AS r FROM "${schema}".appraisals WHERE cycle_id = $1 AND nip = ANY($2)`,
          [this.cycleId, nips],
        );
        const seenAt = epochMs();
        const revisions = new Map(rows.map((row) => [row.nip, row.r]));
        for (let i = this.pending.length - 1; i >= 0; i--) {
          const p = this.pending[i];
          if ((revisions.get(p.nip) ?? -1) >= p.revision) {
            this.lags.push(Math.max(0, seenAt - p.repliedAt));
            this.pending.splice(i, 1);
          }
        }
      }
      await sleep(POLL_MS);
    }
  }
}

/** Resolves once every appraisal of the cycle in the read model has caught up with its stream's head. */
export async function appraisalsCaughtUp(pool: pg.Pool, readDb: ReadModelDb, cycleId: string): Promise<number> {
  const schema = await findActiveSchema(readDb, APPRAISALS);
  const started = Date.now();
  for (;;) {
    const { rows } = await pool.query<{ behind: number }>(
      `SELECT count(*)::int AS behind FROM ${storeNames().streams} s
       JOIN "${schema}".appraisals a ON a.stream_id = s.stream_name
       WHERE a.cycle_id = $1 AND a.stream_revision < s.revision`,
      [cycleId],
    );
    if (rows[0].behind === 0) return (Date.now() - started) / 1000;
    if (Date.now() - started > 10 * 60_000) throw new Error(`read model: ${rows[0].behind} appraisals still behind`);
    await sleep(100);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
