import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import { NIP, RATER, overridden, registered } from '../employee/employee-fixtures.js';
import { clearRaterOverrideDecider } from './clear-rater-override.js';
import { overrideRaterDecider, type OverrideRater } from './override-rater.js';

const override = specFor(overrideRaterDecider);
const clear = specFor(clearRaterOverrideDecider);
const REASON = 'acting head (Plt.) of SD 3';
const command = (
  raterNip = RATER,
  reason = REASON,
  rater: OverrideRater['rater'] = { agencyId: 'kota-manokwari' },
): OverrideRater => ({ type: 'OverrideRater', data: { nip: NIP, raterNip, reason }, rater });

describe('override the rater (pejabat penilai)', () => {
  it('given an employee, when HR names a rater with a reason, then RaterOverridden with the reason', () => {
    override
      .given([registered])
      .when(command())
      .then([overridden(RATER, REASON)]);
  });

  it('given an employee, when the reason is blank, then REASON_REQUIRED', () => {
    override.given([registered]).when(command(RATER, '  ')).thenThrows('REASON_REQUIRED', 'invalid');
  });

  it('given an employee, when named as their own rater, then SELF_AS_RATER', () => {
    override.given([registered]).when(command(NIP)).thenThrows('SELF_AS_RATER', 'invalid');
  });

  it('given an employee, when the rater is not registered or in another agency, then RATER_NOT_FOUND / RATER_NOT_IN_AGENCY', () => {
    override
      .given([registered])
      .when(command(RATER, REASON, null))
      .thenThrows('RATER_NOT_FOUND', 'not_found');
    override
      .given([registered])
      .when(command(RATER, REASON, { agencyId: 'kab-sorong' }))
      .thenThrows('RATER_NOT_IN_AGENCY', 'invalid');
  });

  it('given the same override, when repeated with the same reason, then no event', () => {
    override
      .given([registered, overridden(RATER, REASON)])
      .when(command())
      .then([]);
  });

  it('given no employee, when overridden, then EMPLOYEE_NOT_FOUND', () => {
    override.given([]).when(command()).thenThrows('EMPLOYEE_NOT_FOUND', 'not_found');
  });
});

describe('clear the rater override', () => {
  const clearing = (reason = 'the unit head is correct again') => ({
    type: 'ClearRaterOverride' as const,
    data: { nip: NIP, reason },
  });

  it('given an override, when HR clears it with a reason, then RaterOverrideCleared naming the previous rater', () => {
    clear
      .given([registered, overridden()])
      .when(clearing())
      .then([
        {
          type: 'RaterOverrideCleared.v1',
          data: { nip: NIP, previousRaterNip: RATER, reason: 'the unit head is correct again' },
        },
      ]);
  });

  it('given no override, when cleared, then NO_RATER_OVERRIDE', () => {
    clear.given([registered]).when(clearing()).thenThrows('NO_RATER_OVERRIDE', 'conflict');
  });

  it('given an override, when cleared without a reason, then REASON_REQUIRED', () => {
    clear.given([registered, overridden()]).when(clearing('')).thenThrows('REASON_REQUIRED', 'invalid');
  });
});
