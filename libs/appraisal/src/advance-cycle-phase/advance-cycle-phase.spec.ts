import { describe, expect, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import { CYCLE_PHASES, type CyclePhase } from '../cycle/cycle-events.js';
import type { AdvanceCyclePhase } from '../cycle/cycle-commands.js';
import {
  cycleIn,
  distributionDetermined,
  LATER,
  nips,
  phaseAdvanced,
  unitPredikatSet,
} from '../cycle/cycle-fixtures.js';
import { advanceCyclePhaseDecider } from './advance-cycle-phase.js';

const spec = specFor(advanceCyclePhaseDecider);
const advance = (to: CyclePhase, populationIds: string[] = [], reason = `to ${to}`): AdvanceCyclePhase => ({
  type: 'AdvanceCyclePhase',
  now: LATER,
  data: { to, reason },
  populationIds,
});

describe('advance cycle phase', () => {
  it.each(CYCLE_PHASES.slice(0, -2).map((from, i) => [from, CYCLE_PHASES[i + 1]] as [CyclePhase, CyclePhase]))(
    'given a cycle in %s, when advanced to %s, then CyclePhaseAdvanced',
    (from, to) => {
      spec
        .given(cycleIn(from))
        .when(advance(to))
        .then([phaseAdvanced(from, to)]);
    },
  );

  it('given a published cycle, when closed, then CyclePhaseAdvanced PUBLISHED -> CLOSED', () => {
    spec
      .given(cycleIn('PUBLISHED'))
      .when(advance('CLOSED', ['sd-3']))
      .then([phaseAdvanced('PUBLISHED', 'CLOSED')]);
  });

  it('given no cycle, when advanced, then CYCLE_NOT_FOUND', () => {
    spec.given([]).when(advance('IN_PROGRESS')).thenThrows('CYCLE_NOT_FOUND', 'not_found');
  });

  it('given a cycle in PLANNING, when a phase is skipped, then PHASE_NOT_NEXT naming the next phase', () => {
    const error = spec.given(cycleIn('PLANNING')).when(advance('ASSESSMENT')).thenThrows('PHASE_NOT_NEXT', 'conflict');
    expect(error.message).toBe('cycle is in PLANNING; the next phase is IN_PROGRESS');
  });

  it('given a cycle in ASSESSMENT, when moved back or to the same phase, then PHASE_NOT_NEXT', () => {
    spec.given(cycleIn('ASSESSMENT')).when(advance('IN_PROGRESS')).thenThrows('PHASE_NOT_NEXT', 'conflict');
    spec.given(cycleIn('ASSESSMENT')).when(advance('ASSESSMENT')).thenThrows('PHASE_NOT_NEXT', 'conflict');
  });

  it('given a closed cycle, when advanced, then CYCLE_CLOSED', () => {
    spec.given(cycleIn('CLOSED')).when(advance('PUBLISHED')).thenThrows('CYCLE_CLOSED', 'conflict');
  });

  it('when the reason is blank, then TEXT_REQUIRED', () => {
    spec
      .given(cycleIn('PLANNING'))
      .when(advance('IN_PROGRESS', [], ' '))
      .thenThrows('TEXT_REQUIRED', 'invalid');
  });

  it('given DETERMINATION with every population determined, when published, then CyclePhaseAdvanced', () => {
    const [a, b] = nips(2);
    spec
      .given([
        ...cycleIn('DETERMINATION'),
        unitPredikatSet('sd-3', 'BAIK'),
        distributionDetermined('sd-3', 'BAIK', [
          { nip: a, predikat: 'BAIK', ratingVersion: 1 },
          { nip: b, predikat: 'BUTUH_PERBAIKAN', ratingVersion: 1 },
        ]),
        distributionDetermined('sd-4', 'BAIK'),
      ])
      .when(advance('PUBLISHED', ['sd-4', 'sd-3']))
      .then([phaseAdvanced('DETERMINATION', 'PUBLISHED')]);
  });

  it('given a population not determined (predikat set or not), when published, then POPULATIONS_NOT_DETERMINED listing them', () => {
    const error = spec
      .given([...cycleIn('DETERMINATION'), unitPredikatSet('sd-3', 'BAIK'), distributionDetermined('sd-4', 'BAIK')])
      .when(advance('PUBLISHED', ['sd-4', 'sd-3', 'bidang-sd']))
      .thenThrows('POPULATIONS_NOT_DETERMINED', 'conflict');
    expect(error.details.map((d) => d.populationId)).toEqual(['bidang-sd', 'sd-3']);
  });
});
