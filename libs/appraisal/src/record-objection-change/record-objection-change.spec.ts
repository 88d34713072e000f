import { describe, expect, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import { cycleIn, distributionDetermined, nips, unitPredikatSet } from '../cycle/cycle-fixtures.js';
import type { CycleEvent } from '../cycle/cycle-events.js';
import { recordObjectionChangeDecider, type RecordObjectionChange } from './record-objection-change.js';

const spec = specFor(recordObjectionChangeDecider);
const AT = '2027-01-20T02:00:00.000Z';
const [A, B, C, D, E] = nips(5);
// Unit predikat BAIK: BAIK at most 70% (3 of 5) and at least one BUTUH_PERBAIKAN or KURANG: met by 3 BAIK, 1 SB, 1 BP.
const determined = () => [
  ...cycleIn('PUBLISHED'),
  unitPredikatSet('sd-3', 'BAIK'),
  distributionDetermined('sd-3', 'BAIK', [
    { nip: A, predikat: 'BAIK', ratingVersion: 1 },
    { nip: B, predikat: 'BAIK', ratingVersion: 1 },
    { nip: C, predikat: 'BAIK', ratingVersion: 1 },
    { nip: D, predikat: 'SANGAT_BAIK', ratingVersion: 1 },
    { nip: E, predikat: 'BUTUH_PERBAIKAN', ratingVersion: 1 },
  ]),
];
const change = (
  nip: string,
  from: RecordObjectionChange['data']['from'],
  to: RecordObjectionChange['data']['to'],
  objectionId = 'obj-1',
): RecordObjectionChange => ({
  type: 'RecordObjectionChange',
  now: AT,
  data: { populationId: 'sd-3', objectionId, nip, from, to },
});
const counts = (c: Record<string, number>) => ({
  SANGAT_BAIK: 0,
  BAIK: 0,
  BUTUH_PERBAIKAN: 0,
  KURANG: 0,
  SANGAT_KURANG: 0,
  ...c,
});

describe('a keberatan decision changes a predikat after penetapan', () => {
  it('given a change that keeps the curve, then recorded with the new counts and no violations', () => {
    spec
      .given(determined())
      .when(change(A, 'BAIK', 'SANGAT_BAIK'))
      .then([
        {
          type: 'DistributionChangedByObjection.v1',
          data: {
            populationId: 'sd-3',
            objectionId: 'obj-1',
            nip: A,
            from: 'BAIK',
            to: 'SANGAT_BAIK',
            counts: counts({ BAIK: 2, SANGAT_BAIK: 2, BUTUH_PERBAIKAN: 1 }),
            violations: [],
            recordedAt: AT,
          },
        },
      ]);
  });

  it('given a change that breaks the curve (no BUTUH_PERBAIKAN/KURANG left), then recorded with the violation: the decision stands, the population is flagged', () => {
    const [event] = recordObjectionChangeDecider.decide(
      change(E, 'BUTUH_PERBAIKAN', 'BAIK'),
      determined().reduce(recordObjectionChangeDecider.evolve, recordObjectionChangeDecider.initialState()),
    ) as Extract<CycleEvent, { type: 'DistributionChangedByObjection.v1' }>[];
    expect(event.data.counts).toEqual(counts({ BAIK: 4, SANGAT_BAIK: 1 }));
    expect(event.data.violations.length).toBeGreaterThan(0);
  });

  it('given an earlier change, then counts build on it; the same objection again writes nothing', () => {
    const first = recordObjectionChangeDecider.decide(
      change(A, 'BAIK', 'SANGAT_BAIK'),
      determined().reduce(recordObjectionChangeDecider.evolve, recordObjectionChangeDecider.initialState()),
    );
    const [second] = recordObjectionChangeDecider.decide(
      change(B, 'BAIK', 'SANGAT_BAIK', 'obj-2'),
      [...determined(), ...first].reduce(
        recordObjectionChangeDecider.evolve,
        recordObjectionChangeDecider.initialState(),
      ),
    ) as Extract<CycleEvent, { type: 'DistributionChangedByObjection.v1' }>[];
    expect(second.data.counts).toEqual(counts({ BAIK: 1, SANGAT_BAIK: 3, BUTUH_PERBAIKAN: 1 }));
    spec
      .given([...determined(), ...first])
      .when(change(A, 'BAIK', 'SANGAT_BAIK'))
      .then([]);
  });

  it('given a population never determined, then POPULATION_NOT_DETERMINED', () => {
    spec
      .given(cycleIn('PUBLISHED'))
      .when(change(A, 'BAIK', 'SANGAT_BAIK'))
      .thenThrows('POPULATION_NOT_DETERMINED', 'conflict');
  });
});
