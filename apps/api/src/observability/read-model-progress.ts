// Waits until every read model has processed the events up to a position, polling the checkpoints of the active
// generations (one small query), so it works whichever process runs the projections.
import { setTimeout as delay } from 'node:timers/promises';
import { formatPosition, type Position } from '../../../../libs/event-store/src/port.js';
import type { ReadModelDb } from '../../../../libs/projections/src/projection.js';
import { projectionsBehind, readActiveCheckpoints } from '../../../../libs/projections/src/readiness.js';

export type WaitOutcome =
  { reached: true } | { reached: false; behind: { projection: string; checkpoint: string | null }[] };

const FIRST_POLL_MS = 5;
const LONGEST_POLL_MS = 100;

export class ReadModelProgress {
  constructor(
    private readonly db: ReadModelDb,
    private readonly projections: readonly string[],
  ) {}

  async waitUntil(position: Position, timeoutMs: number): Promise<WaitOutcome> {
    const deadline = Date.now() + timeoutMs;
    let pollMs = FIRST_POLL_MS;
    for (;;) {
      const checkpoints = await readActiveCheckpoints(this.db, this.projections);
      const behind = projectionsBehind(checkpoints, position);
      if (behind.length === 0) return { reached: true };
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        return {
          reached: false,
          behind: behind.map((projection) => {
            const checkpoint = checkpoints.get(projection);
            return { projection, checkpoint: checkpoint ? formatPosition(checkpoint) : null };
          }),
        };
      }
      await delay(Math.min(pollMs, remaining));
      pollMs = Math.min(LONGEST_POLL_MS, pollMs * 2);
    }
  }
}
