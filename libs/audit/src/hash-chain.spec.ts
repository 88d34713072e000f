import { describe, expect, it } from '@jest/globals';
import type { EventMetadata, RecordedEvent } from '../../event-store/src/port.js';
import { computeEventHash, GENESIS_HASH, verifyStreamChain } from './hash-chain.js';

const STREAM = 'appraisal-2025-199001012020011001';

function metadata(): EventMetadata {
  return {
    actor: { id: 'rater-1', role: 'rater' },
    correlationId: 'c-1',
    causationId: 'c-1',
    occurredAt: '2025-03-01T08:00:00.000Z',
  };
}

/** Builds a correctly chained stream, as HashChainedEventStore would have written it. */
function chainedStream(datas: Record<string, unknown>[]): RecordedEvent[] {
  let prevHash = GENESIS_HASH;
  return datas.map((data, i) => {
    const revision = BigInt(i);
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const metadataWithoutHash = { ...metadata(), prevHash };
    const hash = computeEventHash({
      stream: STREAM,
      revision,
      id,
      type: `Step${i}`,
      data,
      metadataWithoutHash,
      prevHash,
    });
    prevHash = hash;
    return {
      id,
      type: `Step${i}`,
      data,
      metadata: { ...metadataWithoutHash, hash },
      streamName: STREAM,
      revision,
      position: { commit: 100n + revision, prepare: revision },
      createdAt: new Date('2025-03-01T08:00:00.000Z'),
    };
  });
}

/** Re-hashes one event in place with the given prevHash, as a forger who knows the algorithm would. */
function reforge(event: RecordedEvent, prevHash: string): RecordedEvent {
  const { hash: _old, ...rest } = event.metadata;
  const metadataWithoutHash = { ...rest, prevHash };
  const hash = computeEventHash({
    stream: event.streamName,
    revision: event.revision,
    id: event.id,
    type: event.type,
    data: event.data,
    metadataWithoutHash,
    prevHash,
  });
  return { ...event, metadata: { ...metadataWithoutHash, hash } };
}

describe('computeEventHash', () => {
  it('is SHA-256 over the canonical JSON of stream, revision, id, type, data, metadata and prevHash', () => {
    // Pinned: stored hashes depend on this exact byte layout (checked independently with sha256sum).
    const hash = computeEventHash({
      stream: STREAM,
      revision: 0n,
      id: '0b6f1f3e-7d2a-4c55-9a43-2f4be1f0c001',
      type: 'RatingSubmitted',
      data: { score: 4, comment: 'Baik sekali ✓' },
      metadataWithoutHash: { ...metadata(), prevHash: GENESIS_HASH },
      prevHash: GENESIS_HASH,
    });
    expect(hash).toBe('7f2b4d7c11cd10754ac52091d51a696567471f676e3f9a49d7ed3ad836e37393');
  });

  it('ignores a hash key inside the metadata and key order, but not any content', () => {
    const base = {
      stream: STREAM,
      revision: 1n,
      id: 'id-1',
      type: 'T',
      data: { a: 1, b: [1, 2] },
      metadataWithoutHash: { ...metadata(), prevHash: GENESIS_HASH },
      prevHash: GENESIS_HASH,
    };
    const hash = computeEventHash(base);
    expect(computeEventHash({ ...base, metadataWithoutHash: { ...base.metadataWithoutHash, hash: 'x' } })).toBe(hash);
    expect(computeEventHash({ ...base, data: { b: [1, 2], a: 1 } })).toBe(hash);
    for (const changed of [
      { stream: 'other' },
      { revision: 2n },
      { id: 'id-2' },
      { type: 'U' },
      { data: { a: 1, b: [2, 1] } },
      { metadataWithoutHash: { ...base.metadataWithoutHash, reason: 'r' } },
      { prevHash: 'f'.repeat(64) },
    ]) {
      expect(computeEventHash({ ...base, ...changed })).not.toBe(hash);
    }
  });
});

describe('verifyStreamChain', () => {
  const datas = [{ score: 3 }, { score: 4 }, { note: 'ok' }, { final: true }];

  it('accepts an intact chain, and an empty stream', () => {
    expect(verifyStreamChain(chainedStream(datas))).toEqual({ ok: true });
    expect(verifyStreamChain([])).toEqual({ ok: true });
  });

  it('reports tampered data as altered at that revision', () => {
    const events = chainedStream(datas);
    events[1] = { ...events[1], data: { score: 5 } };
    expect(verifyStreamChain(events)).toEqual({
      ok: false,
      problems: [{ revision: 1n, kind: 'altered', detail: expect.any(String) }],
    });
  });

  it('reports tampered metadata, type or id as altered', () => {
    const events = chainedStream(datas);
    events[0] = { ...events[0], metadata: { ...events[0].metadata, actor: { id: 'someone-else', role: 'hr' } } };
    events[2] = { ...events[2], type: 'Forged' };
    events[3] = { ...events[3], id: 'forged-id' };
    const result = verifyStreamChain(events);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => [p.revision, p.kind])).toEqual([
      [0n, 'altered'],
      [2n, 'altered'],
      [3n, 'altered'],
    ]);
  });

  it('reports a re-hashed forgery as a broken link to the next event', () => {
    const events = chainedStream(datas);
    // The forger changes event 1 and recomputes its hash; event 2 still points to the original.
    events[1] = reforge({ ...events[1], data: { score: 5 } }, events[0].metadata.hash as string);
    expect(verifyStreamChain(events)).toMatchObject({ ok: false, problems: [{ revision: 2n, kind: 'broken_link' }] });
  });

  it('reports a first event that does not start from the genesis hash', () => {
    const events = chainedStream(datas);
    events[0] = reforge(events[0], 'a'.repeat(64));
    const result = verifyStreamChain(events);
    expect(!result.ok && result.problems.map((p) => [p.revision, p.kind])).toEqual([
      [0n, 'broken_link'],
      [1n, 'broken_link'],
    ]);
  });

  it('reports a removed event as a gap, and a missing start too', () => {
    const events = chainedStream(datas);
    expect(verifyStreamChain([events[0], events[2], events[3]])).toMatchObject({
      ok: false,
      problems: [{ revision: 2n, kind: 'gap', detail: 'revisions 1..1 are missing' }],
    });
    expect(verifyStreamChain(events.slice(2))).toMatchObject({ ok: false, problems: [{ revision: 2n, kind: 'gap' }] });
  });

  it('reports events out of order as reordered', () => {
    const [e0, e1, e2, e3] = chainedStream(datas);
    const result = verifyStreamChain([e0, e2, e1, e3]);
    expect(!result.ok && result.problems.map((p) => [p.revision, p.kind])).toEqual([
      [2n, 'gap'],
      [1n, 'reordered'],
    ]);
    expect(verifyStreamChain([e0, e1, e1, e2])).toMatchObject({
      ok: false,
      problems: [{ revision: 1n, kind: 'reordered' }],
    });
  });

  it('reports an event without a hash as altered', () => {
    const events = chainedStream(datas);
    const { hash: _dropped, ...withoutHash } = events[3].metadata;
    events[3] = { ...events[3], metadata: withoutHash };
    expect(verifyStreamChain(events)).toMatchObject({ ok: false, problems: [{ revision: 3n, kind: 'altered' }] });
  });
});
