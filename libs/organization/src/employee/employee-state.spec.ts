import { describe, expect, it } from '@jest/globals';
import { fold } from '../../../shared-kernel/src/decider.js';
import { evolveEmployee, initialEmployeeState } from './employee-state.js';
import { overridden, registeredV1 } from './employee-fixtures.js';

describe('employee state replay', () => {
  it('replays a foundation-era EmployeeRegistered.v1 (no unit, grade or job type) and later events on top', () => {
    const state = fold(evolveEmployee, initialEmployeeState(), [
      registeredV1,
      {
        type: 'EmployeeMoved.v1',
        data: {
          nip: registeredV1.data.nip,
          agencyId: 'kota-manokwari',
          fromUnitId: null,
          toUnitId: 'sd-3',
          effectiveDate: '2026-07-01',
        },
      },
      overridden(),
    ]);
    expect(state).toMatchObject({
      status: 'registered',
      unitId: 'sd-3',
      golongan: null,
      jobType: null,
      raterOverride: { raterNip: expect.any(String) },
    });
  });

  it('ignores event types it does not know', () => {
    const unknown = { type: 'SomethingNew.v1', data: {} } as unknown as Parameters<typeof evolveEmployee>[1];
    expect(evolveEmployee(initialEmployeeState(), unknown)).toEqual({ status: 'unregistered' });
  });
});
