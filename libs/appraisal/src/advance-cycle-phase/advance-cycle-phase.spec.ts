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
import { countUnready } from './cycle-readiness.js';
import type { PlanStatus } from '../appraisal/appraisal-state.js';

const spec = specFor(advanceCyclePhaseDecider);
const advance = (
  to: CyclePhase,
  populationIds: string[] = [],
  reason = `to ${to}`,
  readiness = countUnready(to, []),
  confirmNotReady?: boolean,
): AdvanceCyclePhase => ({
  type: 'AdvanceCyclePhase',
  now: LATER,
  data: { to, reason, ...(confirmNotReady === undefined ? {} : { confirmNotReady }) },
  populationIds,
  readiness,
});
const plan = (unitId: string, planStatus: PlanStatus) => ({
  unitId,
  active: true,
  excluded: false,
  planStatus,
  ratingStatus: null,
  populationDetermined: false,
});
/** 3 of 5 plans not approved: 2 DRAFT in sd-3, 1 SUBMITTED in sd-4; an approved one, an excluded draft. */
const strandedPlans = countUnready('ASSESSMENT', [
  plan('sd-3', 'DRAFT'),
  plan('sd-3', 'DRAFT'),
  plan('sd-4', 'SUBMITTED'),
  plan('sd-4', 'APPROVED'),
  { ...plan('sd-4', 'DRAFT'), excluded: true },
  { ...plan('sd-4', 'DRAFT'), active: false },
]);

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

  it('given plans not approved, when moved to ASSESSMENT without confirmation, then CYCLE_NOT_READY with the counts', () => {
    const error = spec
      .given(cycleIn('IN_PROGRESS'))
      .when(advance('ASSESSMENT', [], 'jadwal', strandedPlans))
      .thenThrows('CYCLE_NOT_READY', 'conflict');
    expect(error.message).toContain(
      '3 appraisal(s) are not ready for ASSESSMENT (PLAN_APPROVED: 2 DRAFT, 1 SUBMITTED)',
    );
    expect(error.details).toEqual([
      { field: 'readiness', message: 'not ready', status: 'DRAFT', count: 2 },
      { field: 'readiness', message: 'not ready', status: 'SUBMITTED', count: 1 },
      { field: 'readiness', message: 'not ready in unit', unitId: 'sd-3', status: 'DRAFT', count: 2 },
      { field: 'readiness', message: 'not ready in unit', unitId: 'sd-4', status: 'SUBMITTED', count: 1 },
    ]);
    spec
      .given(cycleIn('IN_PROGRESS'))
      .when(advance('ASSESSMENT', [], 'jadwal', strandedPlans, false))
      .thenThrows('CYCLE_NOT_READY', 'conflict');
  });

  it('given plans not approved, when HR confirms with a reason, then CyclePhaseAdvanced records the counts', () => {
    const { to: _to, ...counts } = strandedPlans;
    spec
      .given(cycleIn('IN_PROGRESS'))
      .when(advance('ASSESSMENT', [], 'tiga pegawai cuti; dikecualikan kemudian', strandedPlans, true))
      .then([
        {
          type: 'CyclePhaseAdvanced.v1',
          data: {
            from: 'IN_PROGRESS',
            to: 'ASSESSMENT',
            reason: 'tiga pegawai cuti; dikecualikan kemudian',
            advancedAt: LATER,
            notReady: counts,
          },
        },
      ]);
  });

  it('given every appraisal ready (excluded and ended ones do not count), when confirmed anyway, then no notReady', () => {
    const ready = countUnready('DETERMINATION', [
      { ...plan('sd-3', 'APPROVED'), ratingStatus: 'APPROVED' },
      { ...plan('sd-3', 'APPROVED'), ratingStatus: 'SUBMITTED', excluded: true },
    ]);
    expect(ready.notReady).toBe(0);
    spec
      .given(cycleIn('ASSESSMENT'))
      .when(advance('DETERMINATION', [], 'to DETERMINATION', ready, true))
      .then([phaseAdvanced('ASSESSMENT', 'DETERMINATION')]);
  });

  it('given ratings not approved, when moved to DETERMINATION, then CYCLE_NOT_READY counting each rating status', () => {
    const unrated = countUnready('DETERMINATION', [
      { ...plan('sd-3', 'APPROVED'), ratingStatus: 'SUBMITTED' },
      { ...plan('sd-3', 'DRAFT'), ratingStatus: null },
      { ...plan('sd-3', 'APPROVED'), ratingStatus: 'RETURNED' },
    ]);
    expect(unrated.byStatus).toEqual([
      { status: 'NOT_RATED', count: 1 },
      { status: 'RETURNED', count: 1 },
      { status: 'SUBMITTED', count: 1 },
    ]);
    spec
      .given(cycleIn('ASSESSMENT'))
      .when(advance('DETERMINATION', [], 'x', unrated))
      .thenThrows('CYCLE_NOT_READY', 'conflict');
  });

  it('given a population not determined, when published with confirmation, then still POPULATIONS_NOT_DETERMINED', () => {
    const undetermined = countUnready('PUBLISHED', [{ ...plan('sd-3', 'APPROVED'), ratingStatus: 'APPROVED' }]);
    expect(undetermined.byStatus).toEqual([{ status: 'POPULATION_NOT_DETERMINED', count: 1 }]);
    spec
      .given(cycleIn('DETERMINATION'))
      .when(advance('PUBLISHED', ['sd-3'], 'x', undetermined, true))
      .thenThrows('POPULATIONS_NOT_DETERMINED', 'conflict');
  });

  it('closing needs nothing of the appraisals', () => {
    expect(countUnready('CLOSED', [plan('sd-3', 'DRAFT')]).notReady).toBe(0);
  });
});
