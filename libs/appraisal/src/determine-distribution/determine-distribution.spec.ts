import { describe, expect, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { Predikat } from '../../../policy/src/policy.js';
import type { DetermineDistribution, PopulationMemberFact } from '../cycle/cycle-commands.js';
import type { CycleEvent, CycleEventOf } from '../cycle/cycle-events.js';
import {
  AGENCY_ID,
  AGENCY_SCOPE_POLICY,
  cycleIn,
  distributionDetermined,
  LATER,
  LEADER,
  nips,
  unitPredikatSet,
} from '../cycle/cycle-fixtures.js';
import { determineDistributionDecider } from './determine-distribution.js';

const spec = specFor(determineDistributionDecider);
const JUSTIFICATION = 'Unit melampaui seluruh target IKU 2026; disetujui Sekda';

/** Members of sd-3 with the given predikat, in order of nips(); each approved at rating version 1. */
const approved = (...predikat: Predikat[]): PopulationMemberFact[] => {
  const all = nips(predikat.length);
  return predikat.map((p, i) => ({ nip: all[i], approved: { predikat: p, ratingVersion: 1 } }));
};
const asDetermined = (members: PopulationMemberFact[]) =>
  members.map((m) => ({ nip: m.nip, predikat: m.approved!.predikat, ratingVersion: m.approved!.ratingVersion }));
const determine = (
  members: PopulationMemberFact[],
  overrideJustification: string | null = null,
  populationId = 'sd-3',
): DetermineDistribution => ({
  type: 'DetermineDistribution',
  now: LATER,
  actorNip: LEADER,
  data: { populationId, overrideJustification },
  members,
});
const baikSet: CycleEvent[] = [...cycleIn('DETERMINATION'), unitPredikatSet('sd-3', 'BAIK')];

// 7 BAIK, 2 SANGAT_BAIK, 1 BUTUH_PERBAIKAN of 10 meets BAIK's curve (BAIK <= 70%, >= 1 BUTUH_PERBAIKAN/KURANG).
const compliant = approved(...(Array(7).fill('BAIK') as Predikat[]), 'SANGAT_BAIK', 'SANGAT_BAIK', 'BUTUH_PERBAIKAN');
// 9 BAIK, 1 SANGAT_BAIK breaks both bounds.
const lenient = approved(...(Array(9).fill('BAIK') as Predikat[]), 'SANGAT_BAIK');

describe('determine distribution', () => {
  it('given a unit predikat, when the approved predikat meet the curve, then DistributionDetermined, no override', () => {
    spec
      .given(baikSet)
      .when(determine(compliant))
      .then([distributionDetermined('sd-3', 'BAIK', asDetermined(compliant))]);
  });

  it('counts every predikat, zeros included, and lists members by NIP whatever the order asked in', () => {
    const [event] = determineDistributionDecider.decide(
      determine([...compliant].reverse()),
      baikSet.reduce(determineDistributionDecider.evolve, determineDistributionDecider.initialState()),
    ) as CycleEventOf<'DistributionDetermined.v1'>[];
    expect(event.data.counts).toEqual({ SANGAT_BAIK: 2, BAIK: 7, BUTUH_PERBAIKAN: 1, KURANG: 0, SANGAT_KURANG: 0 });
    expect(event.data.members.map((m) => m.nip)).toEqual(nips(10));
  });

  it('when the curve is violated and no override is given, then DISTRIBUTION_VIOLATED with every bound and its numbers', () => {
    const error = spec.given(baikSet).when(determine(lenient)).thenThrows('DISTRIBUTION_VIOLATED', 'unprocessable');
    expect(error.message).toBe(
      'the distribution of sd-3 breaks the BAIK curve: BAIK is 90% (9 of 10) > 70% (at most 7 people): 2 people over; ' +
        'BUTUH_PERBAIKAN + KURANG is 0 people < 1: 1 person short',
    );
    expect(error.details).toEqual([
      expect.objectContaining({
        predikat: ['BAIK'],
        kind: 'MAX_SHARE',
        actualPeople: 9,
        limitPeople: 7,
        peopleOver: 2,
      }),
      expect.objectContaining({
        predikat: ['BUTUH_PERBAIKAN', 'KURANG'],
        kind: 'MIN_COUNT',
        actualPeople: 0,
        limitPeople: 1,
        peopleShort: 1,
      }),
    ]);
    // A blank justification is no justification.
    spec.given(baikSet).when(determine(lenient, '   ')).thenThrows('DISTRIBUTION_VIOLATED', 'unprocessable');
  });

  it('when the curve is violated with a written override, then DistributionDetermined with the violations and the override', () => {
    const [event] = determineDistributionDecider.decide(
      determine(lenient, `  ${JUSTIFICATION} `),
      baikSet.reduce(determineDistributionDecider.evolve, determineDistributionDecider.initialState()),
    ) as CycleEventOf<'DistributionDetermined.v1'>[];
    expect(event.data.override).toEqual({ justification: JUSTIFICATION });
    expect(event.data.violations.map((v) => [v.bound.kind, v.peopleOver ?? v.peopleShort])).toEqual([
      ['MAX_SHARE', 2],
      ['MIN_COUNT', 1],
    ]);
    expect(event.data.counts.BAIK).toBe(9);
  });

  it('when the override justification is shorter than 20 characters, then OVERRIDE_JUSTIFICATION_TOO_SHORT', () => {
    spec
      .given(baikSet)
      .when(determine(lenient, 'disetujui Sekda'))
      .thenThrows('OVERRIDE_JUSTIFICATION_TOO_SHORT', 'invalid');
  });

  it('when the curve is met, a justification given anyway is ignored (override null)', () => {
    spec
      .given(baikSet)
      .when(determine(compliant, JUSTIFICATION))
      .then([distributionDetermined('sd-3', 'BAIK', asDetermined(compliant))]);
  });

  it('given an empty population, then determined with no members', () => {
    spec
      .given(baikSet)
      .when(determine([]))
      .then([distributionDetermined('sd-3', 'BAIK', [])]);
  });

  it('when members have no approved rating, then APPRAISALS_NOT_APPROVED listing their NIPs', () => {
    const [a, b, c] = nips(3);
    const error = spec
      .given(baikSet)
      .when(
        determine([
          { nip: c, approved: null },
          { nip: b, approved: { predikat: 'BAIK', ratingVersion: 2 } },
          { nip: a, approved: null },
        ]),
      )
      .thenThrows('APPRAISALS_NOT_APPROVED', 'conflict');
    expect(error.details.map((d) => d.nip)).toEqual([a, c]);
  });

  it('when a member is listed twice, then DUPLICATE_MEMBER', () => {
    spec
      .given(baikSet)
      .when(determine([...compliant, compliant[0]]))
      .thenThrows('DUPLICATE_MEMBER', 'invalid');
  });

  it('given no unit predikat for the population, then UNIT_PREDIKAT_NOT_SET', () => {
    spec.given(cycleIn('DETERMINATION')).when(determine(compliant)).thenThrows('UNIT_PREDIKAT_NOT_SET', 'conflict');
  });

  it('given the population already determined, then ALREADY_DETERMINED', () => {
    spec
      .given([...baikSet, distributionDetermined('sd-3', 'BAIK', asDetermined(compliant))])
      .when(determine(compliant))
      .thenThrows('ALREADY_DETERMINED', 'conflict');
  });

  it('given a cycle still in ASSESSMENT (predikat set), then WRONG_CYCLE_PHASE', () => {
    spec
      .given([...cycleIn('ASSESSMENT'), unitPredikatSet('sd-3', 'BAIK')])
      .when(determine(compliant))
      .thenThrows('WRONG_CYCLE_PHASE', 'conflict');
  });

  it('given no cycle, or a population the cycle does not have, then CYCLE_NOT_FOUND / POPULATION_NOT_FOUND', () => {
    spec.given([]).when(determine(compliant)).thenThrows('CYCLE_NOT_FOUND', 'not_found');
    spec
      .given(baikSet)
      .when(determine(compliant, null, 'smp-1'))
      .thenThrows('POPULATION_NOT_FOUND', 'not_found');
  });

  it('given AGENCY scope, the agency population is determined against its curve', () => {
    spec
      .given([...cycleIn('DETERMINATION', AGENCY_SCOPE_POLICY), unitPredikatSet(AGENCY_ID, 'ISTIMEWA')])
      .when(determine(compliant, null, AGENCY_ID))
      .then([distributionDetermined(AGENCY_ID, 'ISTIMEWA', asDetermined(compliant))]);
  });
});
