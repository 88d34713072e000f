import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import { AGENCY, agencyRegistered } from '../agency/agency-fixtures.js';
import type { TimeZone } from '../agency/agency-events.js';
import { registerAgencyDecider, type RegisterAgency } from './register-agency.js';

const spec = specFor(registerAgencyDecider);
const command = (data: Partial<RegisterAgency['data']> = {}): RegisterAgency => ({
  type: 'RegisterAgency',
  data: { agencyId: AGENCY, name: ' Dinas Pendidikan Kota Manokwari ', timeZone: 'Asia/Jayapura', ...data },
  now: '2026-01-05T00:00:00.000Z',
});

describe('register agency', () => {
  it('given no history, when ADMIN registers an agency, then AgencyRegistered with the name trimmed', () => {
    spec.given([]).when(command()).then([agencyRegistered]);
  });

  it('given the agency exists, when registered again, then AGENCY_ALREADY_REGISTERED (conflict)', () => {
    spec.given([agencyRegistered]).when(command()).thenThrows('AGENCY_ALREADY_REGISTERED', 'conflict');
  });

  it('given no history, when the time zone is not one of WIB/WITA/WIT, then INVALID_TIME_ZONE', () => {
    spec
      .given([])
      .when(command({ timeZone: 'Asia/Singapore' as TimeZone }))
      .thenThrows('INVALID_TIME_ZONE', 'invalid');
  });

  it('given no history, when the name is blank or the id not a slug, then INVALID_NAME / INVALID_ID', () => {
    spec
      .given([])
      .when(command({ name: '  ' }))
      .thenThrows('INVALID_NAME', 'invalid');
    spec
      .given([])
      .when(command({ agencyId: 'Kota Manokwari' }))
      .thenThrows('INVALID_ID', 'invalid');
  });
});
