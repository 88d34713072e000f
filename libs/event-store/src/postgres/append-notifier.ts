// Wakes subscribers (LISTEN on the store's channel) after appends have committed: at most one NOTIFY per
// interval per process, sent on its own outside any append transaction. NOTIFY inside the append would make
// every append take PostgreSQL's global notify lock until its commit is flushed, serialising writers.
// It is only a hint: subscribers also poll.
import type pg from 'pg';

export interface AppendNotifier {
  /** Call after an append has committed. */
  notify(): void;
  close(): Promise<void>;
}

export function createAppendNotifier(pool: pg.Pool, channel: string, minIntervalMs = 20): AppendNotifier {
  let lastSentAt = 0;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<unknown> = Promise.resolve();
  let closed = false;

  const send = () => {
    timer = undefined;
    lastSentAt = Date.now();
    inFlight = pool.query('SELECT pg_notify($1, $2)', [channel, '']).catch(() => undefined);
  };

  return {
    notify() {
      if (closed || timer) return;
      const wait = lastSentAt + minIntervalMs - Date.now();
      if (wait <= 0) send();
      else timer = setTimeout(send, wait);
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await inFlight;
    },
  };
}
