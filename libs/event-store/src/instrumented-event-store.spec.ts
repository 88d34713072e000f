// InstrumentedEventStore over the real PostgreSQL group-commit store: every append is reported with its outcome,
// events and position, every batch with its size, and a failing observer never fails an append.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { WrongExpectedVersionError } from './errors.js';
import { InstrumentedEventStore, type AppendSample } from './instrumented-event-store.js';
import type { NewEvent } from './port.js';
import { createGroupCommitEventStore, type GroupCommitEventStore } from './postgres-group-commit/index.js';

const newEvent = (): NewEvent => ({
  id: randomUUID(),
  type: 'Probed.v1',
  data: {},
  metadata: {
    actor: { id: 'u1', role: 'ADMIN' },
    correlationId: randomUUID(),
    causationId: randomUUID(),
    occurredAt: '2026-01-01T00:00:00.000Z',
  },
});

describe('InstrumentedEventStore', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let store: GroupCommitEventStore;
  const samples: AppendSample[] = [];
  const batches: { appends: number; events: number }[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('instrumented');
    pool = new pg.Pool({ connectionString: db.url, max: 4 });
    store = createGroupCommitEventStore({ pool, listen: false, maxConcurrentBatches: 1 });
    await store.migrate();
    store.observeBatches((batch) => batches.push(batch));
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
    await db.drop();
  });

  it('reports each append: latency, events, outcome and position; conflicts as conflict', async () => {
    const instrumented = new InstrumentedEventStore(store, { appendCompleted: (s) => samples.push(s) });
    const result = await instrumented.appendToStream('probe-a', [newEvent(), newEvent(), newEvent()]);
    await expect(
      instrumented.appendToStream('probe-a', [newEvent()], { expected: 'no_stream' }),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect(samples.map((s) => [s.outcome, s.events, s.position])).toEqual([
      ['ok', 3, result.position],
      ['conflict', 1, undefined],
    ]);
    expect(samples.every((s) => s.seconds > 0 && s.seconds < 10)).toBe(true);
  });

  it('reports the size of every group-commit batch', async () => {
    batches.length = 0;
    // Issued in one tick with one batch slot: the first goes alone, the other two wait and go together.
    await Promise.all([
      store.appendToStream('probe-b', [newEvent()]),
      store.appendToStream('probe-c', [newEvent(), newEvent()]),
      store.appendToStream('probe-d', [newEvent(), newEvent(), newEvent()]),
    ]);
    expect(batches.reduce((n, b) => n + b.appends, 0)).toBe(3);
    expect(batches.reduce((n, b) => n + b.events, 0)).toBe(6);
  });

  it('an observer that throws does not fail the append', async () => {
    const instrumented = new InstrumentedEventStore(store, {
      appendCompleted: () => {
        throw new Error('metrics broke');
      },
    });
    const result = await instrumented.appendToStream('probe-e', [newEvent()]);
    expect(result.nextExpectedRevision).toBe(0n);
    expect(await store.readStream('probe-e')).toHaveLength(1);
  });
});
