import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import { AGENCY, headAssigned, smallTree } from '../agency/agency-fixtures.js';
import { assignUnitHeadDecider, type AssignUnitHead } from './assign-unit-head.js';

const spec = specFor(assignUnitHeadDecider);
const HEAD = '197501012000031001';
const command = (unitId: string, headEmployee: AssignUnitHead['headEmployee'] = { agencyId: AGENCY }) => ({
  type: 'AssignUnitHead' as const,
  data: { agencyId: AGENCY, unitId, nip: HEAD },
  headEmployee,
});

describe('assign unit head', () => {
  it('given a vacant unit, when an employee of the agency is assigned, then UnitHeadAssigned', () => {
    spec
      .given(smallTree)
      .when(command('sd-3'))
      .then([headAssigned('sd-3', HEAD, null)]);
  });

  it('given a unit with a head, when another is assigned, then UnitHeadAssigned naming the previous head', () => {
    const other = '198001012005011001';
    spec
      .given([...smallTree, headAssigned('sd-3', other)])
      .when(command('sd-3'))
      .then([headAssigned('sd-3', HEAD, other)]);
  });

  it('given the same head, when assigned again, then no event', () => {
    spec
      .given([...smallTree, headAssigned('sd-3', HEAD)])
      .when(command('sd-3'))
      .then([]);
  });

  it('given a tree, when the head is not a registered employee, then EMPLOYEE_NOT_FOUND', () => {
    spec.given(smallTree).when(command('sd-3', null)).thenThrows('EMPLOYEE_NOT_FOUND', 'not_found');
  });

  it('given a tree, when the head is an employee of another agency, then HEAD_NOT_IN_AGENCY', () => {
    spec
      .given(smallTree)
      .when(command('sd-3', { agencyId: 'kab-sorong' }))
      .thenThrows('HEAD_NOT_IN_AGENCY', 'invalid');
  });

  it('given a tree, when the unit does not exist, then UNIT_NOT_FOUND', () => {
    spec.given(smallTree).when(command('sd-9')).thenThrows('UNIT_NOT_FOUND', 'not_found');
  });
});
