import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import { AGENCY, headAssigned, headVacated, smallTree } from '../agency/agency-fixtures.js';
import { assignUnitHeadDecider } from '../assign-unit-head/assign-unit-head.js';
import { vacateUnitHeadDecider, type VacateUnitHead } from './vacate-unit-head.js';

const spec = specFor(vacateUnitHeadDecider);
const HEAD = '197501012000031001';
const REASON = 'pensiun per 1 Juli 2026 (SK 821/2026)';
const command = (unitId = 'sd-3', reason = REASON, agencyId = AGENCY): VacateUnitHead => ({
  type: 'VacateUnitHead',
  data: { agencyId, unitId, reason },
});

describe('vacate a unit head', () => {
  it('given a unit with a head, when HR vacates it with a reason, then UnitHeadVacated naming the head and reason', () => {
    spec
      .given([...smallTree, headAssigned('sd-3', HEAD)])
      .when(command())
      .then([headVacated('sd-3', HEAD, REASON)]);
  });

  it('given a unit with a head, when the reason has surrounding spaces, then it is recorded trimmed', () => {
    spec
      .given([...smallTree, headAssigned('sd-3', HEAD)])
      .when(command('sd-3', `  ${REASON}  `))
      .then([headVacated('sd-3', HEAD, REASON)]);
  });

  it('given a vacant unit, when vacated, then UNIT_HEAD_VACANT (nothing to vacate)', () => {
    spec.given(smallTree).when(command()).thenThrows('UNIT_HEAD_VACANT', 'conflict');
  });

  it('given a head vacated earlier, when vacated again, then UNIT_HEAD_VACANT', () => {
    spec
      .given([...smallTree, headAssigned('sd-3', HEAD), headVacated('sd-3', HEAD, REASON)])
      .when(command())
      .thenThrows('UNIT_HEAD_VACANT', 'conflict');
  });

  it('given a unit with a head, when the reason is blank, then REASON_REQUIRED', () => {
    spec
      .given([...smallTree, headAssigned('sd-3', HEAD)])
      .when(command('sd-3', '   '))
      .thenThrows('REASON_REQUIRED', 'invalid');
  });

  it('given a tree, when the unit does not exist, then UNIT_NOT_FOUND', () => {
    spec.given(smallTree).when(command('sd-9')).thenThrows('UNIT_NOT_FOUND', 'not_found');
  });

  it('given no agency, when vacated, then AGENCY_NOT_FOUND', () => {
    spec.given([]).when(command()).thenThrows('AGENCY_NOT_FOUND', 'not_found');
  });

  it('given a vacated unit, when a new head is assigned, then UnitHeadAssigned with no previous head', () => {
    specFor(assignUnitHeadDecider)
      .given([...smallTree, headAssigned('sd-3', HEAD), headVacated('sd-3', HEAD, REASON)])
      .when({
        type: 'AssignUnitHead',
        data: { agencyId: AGENCY, unitId: 'sd-3', nip: '198001012005011001' },
        headEmployee: { agencyId: AGENCY },
      })
      .then([headAssigned('sd-3', '198001012005011001', null)]);
  });
});
