import { describe, expect, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import { DEFAULT_POLICY } from '../../../policy/src/default-policy.js';
import type { UnitPredikat } from '../../../policy/src/policy.js';
import type { SetUnitPredikat } from '../cycle/cycle-commands.js';
import type { CyclePhase } from '../cycle/cycle-events.js';
import {
  AGENCY_ID,
  AGENCY_SCOPE_POLICY,
  cycleIn,
  distributionDetermined,
  LATER,
  LEADER,
  unitPredikatSet,
} from '../cycle/cycle-fixtures.js';
import { cyclePopulationId, setUnitPredikatDecider } from './set-unit-predikat.js';

const spec = specFor(setUnitPredikatDecider);
const REASON = 'Capaian kinerja organisasi tahun 2026';
const setPredikat = (populationId: string, unitPredikat: UnitPredikat, reason = REASON): SetUnitPredikat => ({
  type: 'SetUnitPredikat',
  now: LATER,
  actorNip: LEADER,
  data: { populationId, unitPredikat, reason },
});

describe('set unit predikat', () => {
  it.each(['ASSESSMENT', 'DETERMINATION'] as CyclePhase[])(
    'given a cycle in %s, when the leader sets a unit predikat, then UnitPredikatSet',
    (phase) => {
      spec
        .given(cycleIn(phase))
        .when(setPredikat('sd-3', 'BAIK'))
        .then([unitPredikatSet('sd-3', 'BAIK')]);
    },
  );

  it.each(['PLANNING', 'IN_PROGRESS', 'PUBLISHED', 'CLOSED'] as CyclePhase[])(
    'given a cycle in %s, when a unit predikat is set, then WRONG_CYCLE_PHASE',
    (phase) => {
      spec.given(cycleIn(phase)).when(setPredikat('sd-3', 'BAIK')).thenThrows('WRONG_CYCLE_PHASE', 'conflict');
    },
  );

  it('given no cycle, then CYCLE_NOT_FOUND', () => {
    spec.given([]).when(setPredikat('sd-3', 'BAIK')).thenThrows('CYCLE_NOT_FOUND', 'not_found');
  });

  it('given UNIT scope, when the population is not a unit of the cycle (or is the agency), then POPULATION_NOT_FOUND', () => {
    spec
      .given(cycleIn('ASSESSMENT'))
      .when(setPredikat('smp-1', 'BAIK'))
      .thenThrows('POPULATION_NOT_FOUND', 'not_found');
    spec
      .given(cycleIn('ASSESSMENT'))
      .when(setPredikat(AGENCY_ID, 'BAIK'))
      .thenThrows('POPULATION_NOT_FOUND', 'not_found');
  });

  it('given AGENCY scope, the agency is the one population; a unit is not', () => {
    spec
      .given(cycleIn('ASSESSMENT', AGENCY_SCOPE_POLICY))
      .when(setPredikat(AGENCY_ID, 'ISTIMEWA'))
      .then([unitPredikatSet(AGENCY_ID, 'ISTIMEWA')]);
    spec
      .given(cycleIn('ASSESSMENT', AGENCY_SCOPE_POLICY))
      .when(setPredikat('sd-3', 'ISTIMEWA'))
      .thenThrows('POPULATION_NOT_FOUND', 'not_found');
  });

  it('when the unit predikat is unknown, then INVALID_UNIT_PREDIKAT', () => {
    spec
      .given(cycleIn('ASSESSMENT'))
      .when(setPredikat('sd-3', 'SANGAT_BAIK' as UnitPredikat))
      .thenThrows('INVALID_UNIT_PREDIKAT', 'invalid');
  });

  it('when the reason is blank, then TEXT_REQUIRED', () => {
    spec
      .given(cycleIn('ASSESSMENT'))
      .when(setPredikat('sd-3', 'BAIK', ''))
      .thenThrows('TEXT_REQUIRED', 'invalid');
  });

  it('given a predikat set, when a different one is set before determination, then a new UnitPredikatSet', () => {
    spec
      .given([...cycleIn('DETERMINATION'), unitPredikatSet('sd-3', 'BAIK')])
      .when(setPredikat('sd-3', 'ISTIMEWA', 'Revisi: capaian IKU 112%'))
      .then([unitPredikatSet('sd-3', 'ISTIMEWA', 'Revisi: capaian IKU 112%')]);
  });

  it('given a predikat set, when the same one is set again, then nothing (idempotent)', () => {
    spec
      .given([...cycleIn('DETERMINATION'), unitPredikatSet('sd-3', 'BAIK')])
      .when(setPredikat('sd-3', 'BAIK'))
      .then([]);
  });

  it('given the population determined, when its predikat is set (even the same), then ALREADY_DETERMINED', () => {
    const determined = [
      ...cycleIn('DETERMINATION'),
      unitPredikatSet('sd-3', 'BAIK'),
      distributionDetermined('sd-3', 'BAIK'),
    ];
    spec.given(determined).when(setPredikat('sd-3', 'ISTIMEWA')).thenThrows('ALREADY_DETERMINED', 'conflict');
    spec.given(determined).when(setPredikat('sd-3', 'BAIK')).thenThrows('ALREADY_DETERMINED', 'conflict');
  });

  it('cyclePopulationId follows the policy scope', () => {
    const appraisal = { agencyId: AGENCY_ID, unitId: 'sd-3' };
    expect(cyclePopulationId(DEFAULT_POLICY.distribution.scope, appraisal)).toBe('sd-3');
    expect(cyclePopulationId(AGENCY_SCOPE_POLICY.distribution.scope, appraisal)).toBe(AGENCY_ID);
  });
});
