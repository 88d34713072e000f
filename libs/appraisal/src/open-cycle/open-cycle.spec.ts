import { describe, expect, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import { AGENCY_SCOPE_POLICY, cycleOpened, openCycleCommand, UNIT_IDS } from '../cycle/cycle-fixtures.js';
import type { CycleKind } from '../cycle/cycle-events.js';
import { openCycleDecider } from './open-cycle.js';

const spec = specFor(openCycleDecider);

describe('open cycle', () => {
  it('given no cycle, when HR opens one, then CycleOpened with every fact copied and openedAt = now', () => {
    spec.given([]).when(openCycleCommand()).then([cycleOpened()]);
  });

  it('copies the pinned policy as given (an agency-scope curve stays agency-scope)', () => {
    const events = openCycleDecider.decide(
      openCycleCommand(
        { name: '  Semester I 2026 ', kind: 'SEMESTER', periodEnd: '2026-06-30' },
        {
          policy: AGENCY_SCOPE_POLICY,
          frameworkRef: null,
          policyRef: { scope: 'kota-manokwari', version: 2 },
        },
      ),
      openCycleDecider.initialState(),
    );
    expect(events).toEqual([
      {
        type: 'CycleOpened.v1',
        data: expect.objectContaining({
          name: 'Semester I 2026',
          kind: 'SEMESTER',
          periodEnd: '2026-06-30',
          unitIds: UNIT_IDS,
          frameworkRef: null,
          policyRef: { scope: 'kota-manokwari', version: 2 },
          policy: AGENCY_SCOPE_POLICY,
        }),
      },
    ]);
  });

  it('given an open cycle, when it is opened again, then CYCLE_EXISTS', () => {
    spec.given([cycleOpened()]).when(openCycleCommand()).thenThrows('CYCLE_EXISTS', 'conflict');
  });

  it.each(['ab', 'Kota-2026', '-kota-2026', 'kota_2026', 'kota 2026', 'k'.repeat(65)])(
    'when the cycle id is %p, then INVALID_CYCLE_ID',
    (cycleId) => {
      spec.given([]).when(openCycleCommand({ cycleId })).thenThrows('INVALID_CYCLE_ID', 'invalid');
    },
  );

  it('accepts a cycle id of 3 and of 64 characters', () => {
    for (const cycleId of ['q12', 'k'.repeat(64)]) {
      expect(openCycleDecider.decide(openCycleCommand({ cycleId }), { status: 'none' })).toHaveLength(1);
    }
  });

  it('when the name is blank or longer than 200 characters, then TEXT_REQUIRED naming the field', () => {
    const blank = spec
      .given([])
      .when(openCycleCommand({ name: '   ' }))
      .thenThrows('TEXT_REQUIRED', 'invalid');
    expect(blank.details[0].field).toBe('name');
    spec
      .given([])
      .when(openCycleCommand({ name: 'x'.repeat(201) }))
      .thenThrows('TEXT_REQUIRED', 'invalid');
  });

  it('when the kind is unknown, then INVALID_CYCLE_KIND', () => {
    spec
      .given([])
      .when(openCycleCommand({ kind: 'WEEKLY' as CycleKind }))
      .thenThrows('INVALID_CYCLE_KIND', 'invalid');
  });

  it.each([
    ['periodStart', { periodStart: '2026-02-30' }],
    ['periodStart', { periodStart: '1 Jan 2026' }],
    ['periodEnd', { periodEnd: '2026-13-01' }],
    ['periodEnd', { periodEnd: '2025-12-31' }],
    ['periodEnd', { periodStart: '2026-01-01', periodEnd: '2027-01-02' }],
  ])('when the period is wrong in %s (%p), then INVALID_PERIOD naming that field', (field, period) => {
    const error = spec.given([]).when(openCycleCommand(period)).thenThrows('INVALID_PERIOD', 'invalid');
    expect(error.details[0].field).toBe(field);
  });

  it('accepts a one-day period and a leap year of 366 days, refuses 367', () => {
    const open = (periodStart: string, periodEnd: string) =>
      openCycleDecider.decide(openCycleCommand({ periodStart, periodEnd }), { status: 'none' });
    expect(open('2026-03-01', '2026-03-01')).toHaveLength(1);
    expect(open('2028-01-01', '2028-12-31')).toHaveLength(1);
    spec
      .given([])
      .when(openCycleCommand({ periodStart: '2028-01-01', periodEnd: '2029-01-01' }))
      .thenThrows('INVALID_PERIOD', 'invalid');
  });

  it('when the root unit does not exist (unitIds null), then UNIT_NOT_FOUND', () => {
    spec
      .given([])
      .when(openCycleCommand({ rootUnitId: 'dinas-lain' }, { unitIds: null }))
      .thenThrows('UNIT_NOT_FOUND', 'not_found');
  });
});
