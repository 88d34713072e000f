import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '../../event-store/src/port.js';
import { BrokenChainError, requireIntactChain } from './chain-guard.js';
import { computeEventHash, GENESIS_HASH } from './hash-chain.js';

const STREAM = 'appraisal-kota-2026-199001012020011001';

function chained(count: number): RecordedEvent[] {
  let prevHash = GENESIS_HASH;
  return Array.from({ length: count }, (_, i) => {
    const revision = BigInt(i);
    const metadataWithoutHash = {
      actor: { id: 'rater-1', role: 'RATER' },
      correlationId: 'c',
      causationId: 'c',
      occurredAt: '2026-03-01T08:00:00.000Z',
      prevHash,
    };
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const data = { step: i };
    const hash = computeEventHash({ stream: STREAM, revision, id, type: 'Step', data, metadataWithoutHash, prevHash });
    prevHash = hash;
    return {
      id,
      type: 'Step',
      data,
      metadata: { ...metadataWithoutHash, hash },
      streamName: STREAM,
      revision,
      position: { commit: 10n + revision, prepare: revision },
      createdAt: new Date(0),
    };
  });
}

function problemsOf(run: () => void): Array<[string, string]> {
  try {
    run();
  } catch (error) {
    if (!(error instanceof BrokenChainError)) throw error;
    expect(error.code).toBe('EVENT_CHAIN_BROKEN');
    return error.problems.map((p) => [p.revision.toString(), p.kind]);
  }
  return [];
}

describe('requireIntactChain (a stream entering memory)', () => {
  it('accepts an intact stream, an empty one, and a tail read after a known tip', () => {
    const events = chained(5);
    expect(problemsOf(() => requireIntactChain(STREAM, events))).toEqual([]);
    expect(problemsOf(() => requireIntactChain(STREAM, []))).toEqual([]);
    const tip = { revision: 2n, hash: events[2].metadata.hash as string };
    expect(problemsOf(() => requireIntactChain(STREAM, events.slice(3), tip))).toEqual([]);
  });

  it('refuses altered content, a forged tip, a gap and a tail that does not continue the known tip', () => {
    const events = chained(5);
    expect(
      problemsOf(() =>
        requireIntactChain(
          STREAM,
          events.map((e, i) => (i === 2 ? { ...e, data: { step: 9 } } : e)),
        ),
      ),
    ).toEqual([['2', 'altered']]);
    const forged = { ...events[4], metadata: { ...events[4].metadata, prevHash: 'f'.repeat(64) } };
    expect(problemsOf(() => requireIntactChain(STREAM, [...events.slice(0, 4), forged]))).toEqual([
      ['4', 'broken_link'],
      ['4', 'altered'],
    ]);
    expect(problemsOf(() => requireIntactChain(STREAM, [events[0], events[2]]))).toEqual([['2', 'gap']]);
    expect(
      problemsOf(() => requireIntactChain(STREAM, events.slice(3), { revision: 2n, hash: 'a'.repeat(64) })),
    ).toEqual([['3', 'broken_link']]);
    expect(() => requireIntactChain('other', events)).toThrow(RangeError);
  });
});
