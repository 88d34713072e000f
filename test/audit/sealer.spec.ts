// The sealer over the EventStore port: on PostgreSQL (races, batching, the periodic loop) and on the
// EventStoreDB adapter through the in-memory gRPC stand-in.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { lastSeal, sealOnce, startSealer } from '../../libs/audit/src/seal/sealer.js';
import { SEAL_STREAM } from '../../libs/audit/src/seal/seal.js';
import { sealInclusionProof, verifySealInclusion } from '../../libs/audit/src/seal/seal-proof.js';
import { generateSigningKey } from '../../libs/audit/src/seal/signing-key.js';
import { verifyStore } from '../../libs/audit/src/verify/verify-store.js';
import { createEventStoreDbEventStore } from '../../libs/event-store/src/eventstoredb/index.js';
import { HashChainedEventStore } from '../../libs/event-store/src/hash-chained-event-store.js';
import type { EventStore, ReadAllOptions, RecordedEvent } from '../../libs/event-store/src/port.js';
import { startEventStoreDbStandIn } from '../esdb-stand-in/server.js';
import {
  appendAppraisals,
  appraisalEvent,
  appraisalStream,
  NIPS,
  openTamperStore,
  type TamperStore,
} from './tamper-support.js';

const key = generateSigningKey();

async function verifyAll(store: EventStore) {
  return verifyStore({ store, scope: { kind: 'all' }, publicKeys: [key] });
}

describe('sealer on PostgreSQL', () => {
  let t: TamperStore;
  beforeEach(async () => {
    t = await openTamperStore();
  });
  afterEach(async () => {
    await t.close();
  });

  it('seals nothing in an empty store, then everything in batches of at most maxTreeSize, chained', async () => {
    expect(await sealOnce({ store: t.store, key })).toEqual({ kind: 'nothing_to_seal' });
    await appendAppraisals(t.store); // 17 events
    const sizes: number[] = [];
    for (;;) {
      const outcome = await sealOnce({ store: t.store, key, maxTreeSize: 5 });
      if (outcome.kind !== 'sealed') break;
      sizes.push(outcome.seal.treeSize);
      expect(outcome.seal.firstGlobalIndex).toBe((sizes.length - 1) * 5);
    }
    expect(sizes).toEqual([5, 5, 5, 2]);
    const report = await verifyAll(t.raw);
    expect(report).toMatchObject({ ok: true, summary: { seals: 4, unsealedEvents: 0, eventsChecked: 17 } });
  });

  it('proves one sealed event against the seal’s signed root, and a changed event hash fails the proof', async () => {
    await appendAppraisals(t.store);
    const outcome = await sealOnce({ store: t.store, key });
    if (outcome.kind !== 'sealed') throw new Error(`not sealed: ${outcome.kind}`);
    const events = (await t.raw.readAll()).filter((e) => e.streamName !== SEAL_STREAM);
    for (const [i, event] of events.entries()) {
      const proof = await sealInclusionProof(t.raw, outcome.seal, event.id, 4);
      expect(proof).toMatchObject({ leafIndex: i, treeSize: 17, eventHash: event.metadata.hash });
      expect(verifySealInclusion(proof!, outcome.seal)).toBe(true);
      expect(verifySealInclusion({ ...proof!, eventHash: 'f'.repeat(64) }, outcome.seal)).toBe(false);
      expect(verifySealInclusion({ ...proof!, leafIndex: (i + 1) % 17 }, outcome.seal)).toBe(false);
    }
    expect(await sealInclusionProof(t.raw, outcome.seal, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('a sealer that lost the race to another one gets a conflict and seals nothing', async () => {
    await appendAppraisals(t.store);
    // The slow sealer has read the seal stream (empty) and is reading $all when the fast one seals.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reading!: () => void;
    const isReading = new Promise<void>((resolve) => (reading = resolve));
    class SlowReads extends HashChainedEventStore {
      override async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
        reading();
        await gate;
        return super.readAll(options);
      }
    }
    const slow = sealOnce({ store: new SlowReads(t.raw), key });
    await isReading;
    expect(await sealOnce({ store: t.store, key })).toMatchObject({ kind: 'sealed', seal: { sealIndex: 0 } });
    release();
    expect(await slow).toEqual({ kind: 'conflict' });
    expect(await t.raw.readStream(SEAL_STREAM)).toHaveLength(1);
    expect((await verifyAll(t.raw)).ok).toBe(true);
  });

  it('lets only one of several concurrent sealers seal the same events: the seal stream never forks', async () => {
    for (let round = 0; round < 3; round++) {
      await t.store.appendToStream(appraisalStream(NIPS[round]), [appraisalEvent('CommentAdded', { round })]);
      const outcomes = await Promise.all([1, 2, 3, 4].map(() => sealOnce({ store: t.store, key })));
      expect(outcomes.filter((o) => o.kind === 'sealed')).toHaveLength(1);
      expect(outcomes.filter((o) => o.kind !== 'sealed').map((o) => o.kind)).not.toContain('sealed');
    }
    const seals = await t.raw.readStream(SEAL_STREAM);
    expect(seals.map((s) => s.data.sealIndex)).toEqual([0, 1, 2]);
    expect((await verifyAll(t.raw)).ok).toBe(true);
  });

  it('runs periodically: seals when maxUnsealed events are waiting, and when the interval is up', async () => {
    const stop = startSealer({ store: t.store, key, intervalMs: 60_000, maxUnsealed: 5, checkEveryMs: 25 });
    try {
      await appendAppraisals(t.store); // 17: three full seals of 5, 2 waiting for the interval
      await waitFor(async () => (await lastSeal(t.raw))?.seal.sealIndex === 2);
      expect((await verifyAll(t.raw)).summary.unsealedEvents).toBe(2);
    } finally {
      await stop();
    }
    const quick = startSealer({ store: t.store, key, intervalMs: 100, maxUnsealed: 1000, checkEveryMs: 25 });
    try {
      await waitFor(async () => (await verifyAll(t.raw)).summary.unsealedEvents === 0);
    } finally {
      await quick();
    }
    expect((await verifyAll(t.raw)).ok).toBe(true);
  });
});

describe('sealer and verifier on the EventStoreDB adapter (in-memory gRPC stand-in)', () => {
  it('seals through the same port, verifies clean, and refuses a seal signed with another key', async () => {
    const standIn = await startEventStoreDbStandIn();
    const raw = createEventStoreDbEventStore({ connectionString: standIn.connectionString });
    try {
      const store = new HashChainedEventStore(raw);
      await appendAppraisals(store);
      expect(await sealOnce({ store, key })).toMatchObject({ kind: 'sealed', seal: { treeSize: 17 } });
      await store.appendToStream(appraisalStream(NIPS[0]), [appraisalEvent('CommentAdded', { text: 'later' })]);
      expect(await verifyAll(raw)).toMatchObject({
        ok: true,
        summary: { seals: 1, eventsChecked: 18, unsealedEvents: 1, signaturesChecked: true },
      });
      // A seal signed by someone else's key is refused.
      const intruder = generateSigningKey();
      expect(await sealOnce({ store, key: intruder })).toMatchObject({ kind: 'sealed' });
      expect((await verifyAll(raw)).findings).toEqual([
        expect.objectContaining({ kind: 'seal_invalid', stream: SEAL_STREAM, sealIndex: 1 }),
      ]);
    } finally {
      await raw.close();
      await standIn.stop();
    }
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
