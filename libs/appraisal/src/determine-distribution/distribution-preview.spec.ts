import { describe, expect, it } from '@jest/globals';
import type { CycleEvent } from '../cycle/cycle-events.js';
import { cycleIn, nips, unitPredikatSet } from '../cycle/cycle-fixtures.js';
import { evolveCycle, initialCycleState, type OpenedCycle } from '../cycle/cycle-state.js';
import { previewDistribution } from './distribution-preview.js';

const cycleOf = (events: CycleEvent[]) => events.reduce(evolveCycle, initialCycleState()) as OpenedCycle;
const [a, b, c, d] = nips(4);

describe('the distribution preview', () => {
  it('given a BAIK unit with 2 BAIK, 1 BUTUH_PERBAIKAN and one not approved, it counts the approved and meets the curve', () => {
    // given
    const cycle = cycleOf([...cycleIn('DETERMINATION'), unitPredikatSet('sd-3', 'BAIK')]);
    // when
    const preview = previewDistribution(cycle, 'sd-3', [
      { nip: d, predikat: null },
      { nip: a, predikat: 'BAIK' },
      { nip: b, predikat: 'BAIK' },
      { nip: c, predikat: 'BUTUH_PERBAIKAN' },
    ]);
    // then: 2 of 3 BAIK is 66.7% (at most 70%), one BUTUH_PERBAIKAN (at least one): ok; d waits.
    expect(preview).toMatchObject({
      unitPredikat: 'BAIK',
      population: { members: 4, approved: 3 },
      counts: { BAIK: 2, BUTUH_PERBAIKAN: 1, SANGAT_BAIK: 0 },
      ok: true,
      violations: [],
      unapproved: [d],
    });
  });

  it('given everyone BAIK, it names each violated bound with people over and short', () => {
    const cycle = cycleOf([...cycleIn('DETERMINATION'), unitPredikatSet('sd-3', 'BAIK')]);
    const preview = previewDistribution(
      cycle,
      'sd-3',
      [a, b, c].map((nip) => ({ nip, predikat: 'BAIK' as const })),
    );
    expect(preview.ok).toBe(false);
    expect(preview.violations.map((v) => ({ over: v.peopleOver, short: v.peopleShort }))).toEqual([
      { over: 1, short: undefined },
      { over: undefined, short: 1 },
    ]);
  });

  it('given no unit predikat, it is refused unless one is passed to try', () => {
    const cycle = cycleOf(cycleIn('DETERMINATION'));
    expect(() => previewDistribution(cycle, 'sd-3', [])).toThrow(
      expect.objectContaining({ code: 'UNIT_PREDIKAT_NOT_SET', kind: 'conflict' }),
    );
    expect(previewDistribution(cycle, 'sd-3', [{ nip: a, predikat: 'SANGAT_BAIK' }], 'ISTIMEWA')).toMatchObject({
      unitPredikat: 'ISTIMEWA',
      ok: false,
    });
  });
});
