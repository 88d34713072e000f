import { describe, expect, it } from '@jest/globals';
import { approved, published, rated, ratingReturned } from '../assessment-fixtures.js';
import { evidenceAttached, planSubmitted, started } from '../appraisal/appraisal-fixtures.js';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import { evidenceReferences, phaseTimeline, withinCut } from './replay-cut.js';
import { replayAppraisal } from './replay-state.js';

const at = (minute: number) => `2026-03-10T03:${String(minute).padStart(2, '0')}:00.000Z`;
const timed = (events: AppraisalEvent[]) => events.map((event, i) => ({ event, occurredAt: at(i) }));

describe('replayAppraisal', () => {
  it('gives the state after each step, folded with the domain evolve', () => {
    const steps = replayAppraisal(timed([...approved(), published()]));
    expect(steps.map((s) => s?.plan.status)).toEqual([
      'DRAFT',
      'DRAFT',
      'SUBMITTED',
      'APPROVED',
      'APPROVED',
      'APPROVED',
      'APPROVED',
      'APPROVED',
      'APPROVED',
    ]);
    expect(steps.map((s) => s?.ratings.map((r) => r.status))).toEqual([
      [],
      [],
      [],
      [],
      [],
      [],
      ['SUBMITTED'],
      ['APPROVED'],
      ['APPROVED'],
    ]);
    expect(steps[6]?.approved).toBeNull();
    expect(steps[7]?.approved).toEqual({ version: 1, predikat: 'BAIK' });
    expect(steps[7]?.result).toBeNull();
    expect(steps[8]?.result).toMatchObject({ ratingVersion: 1, predikat: 'BAIK' });
  });

  it('keeps every rating version with its own status', () => {
    const steps = replayAppraisal(timed([...approved().slice(0, -2), rated(1), ratingReturned(1), rated(2)]));
    expect(steps.at(-1)?.ratings.map((r) => [r.version, r.status])).toEqual([
      [1, 'RETURNED'],
      [2, 'SUBMITTED'],
    ]);
  });

  it('is null before the appraisal is started and names the phase in force at each step', () => {
    const phaseAt = phaseTimeline([
      { phase: 'PLANNING', at: at(0) },
      { phase: 'IN_PROGRESS', at: at(2) },
    ]);
    const steps = replayAppraisal(
      [
        { event: planSubmitted(), occurredAt: at(0) },
        { event: started(), occurredAt: at(1) },
        { event: evidenceAttached(), occurredAt: at(2) },
      ],
      phaseAt,
    );
    expect(steps[0]).toBeNull();
    expect(steps.map((s) => s?.phase ?? null)).toEqual([null, 'PLANNING', 'IN_PROGRESS']);
    expect(phaseAt('2026-03-10T02:59:59.999Z')).toBeNull();
  });
});

describe('withinCut', () => {
  const events = [0, 1, 2, 3].map((i) => ({ revision: BigInt(i), occurredAt: at(i * 10) }));

  it('keeps the events at or before an instant, comparing times rather than texts', () => {
    expect(withinCut(events, { kind: 'asOf', instant: '2026-03-10T03:10:00Z' }).map((e) => e.revision)).toEqual([
      0n,
      1n,
    ]);
    // 12:09:59.999+09:00 is 03:09:59.999Z: just before the second event.
    expect(
      withinCut(events, { kind: 'asOf', instant: '2026-03-10T12:09:59.999+09:00' }).map((e) => e.revision),
    ).toEqual([0n]);
    expect(withinCut(events, { kind: 'asOf', instant: '2026-03-10T02:00:00Z' })).toEqual([]);
  });

  it('keeps the events up to a revision, or all', () => {
    expect(withinCut(events, { kind: 'revision', revision: 2n }).map((e) => e.revision)).toEqual([0n, 1n, 2n]);
    expect(withinCut(events, { kind: 'all' })).toHaveLength(4);
  });
});

describe('evidenceReferences', () => {
  it('collects evidence ids at any depth, once each', () => {
    expect(
      evidenceReferences({
        evidenceId: 'ev-1',
        rhk: [{ evidenceIds: ['ev-2', 'ev-1'] }],
        nested: { evidenceIds: ['ev-3'] },
      }),
    ).toEqual(['ev-1', 'ev-2', 'ev-3']);
    expect(evidenceReferences({ text: 'no evidence' })).toEqual([]);
  });
});
