// A full rebuild of every read model, as an operator runs it (`npm run cli -- rebuild-projections`, a process
// of its own beside the running API), timed from start to exit: events in the store per second of that.
import type pg from 'pg';
import { storeNames } from '../../../libs/event-store/src/postgres/names.js';
import { runScript } from './processes.js';

export interface RebuildRun {
  events: number;
  seconds: number;
  perSecond: number;
}

export async function timeFullRebuild(pool: pg.Pool, env: Record<string, string>): Promise<RebuildRun> {
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${storeNames().events}`);
  const started = performance.now();
  await runScript('apps/cli/src/main.ts', ['rebuild-projections'], env);
  const seconds = (performance.now() - started) / 1000;
  return { events: rows[0].n, seconds, perSecond: rows[0].n / seconds };
}
