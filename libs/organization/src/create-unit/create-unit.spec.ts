import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import { AGENCY, agencyRegistered, smallTree, unitCreated } from '../agency/agency-fixtures.js';
import { createUnitDecider, type CreateUnit } from './create-unit.js';

const spec = specFor(createUnitDecider);
const command = (unitId: string, parentUnitId: string | null, name = `Unit ${unitId}`): CreateUnit => ({
  type: 'CreateUnit',
  data: { agencyId: AGENCY, unitId, name, parentUnitId },
});

describe('create unit', () => {
  it('given a registered agency without units, when the root unit is created, then UnitCreated with parent null', () => {
    spec
      .given([agencyRegistered])
      .when(command('dinas', null))
      .then([unitCreated('dinas', null)]);
  });

  it('given a tree, when a unit is created under an existing parent, then UnitCreated', () => {
    spec
      .given(smallTree)
      .when(command('sd-5', 'bidang-sd'))
      .then([unitCreated('sd-5', 'bidang-sd')]);
  });

  it('given no agency, when a unit is created, then AGENCY_NOT_FOUND', () => {
    spec.given([]).when(command('dinas', null)).thenThrows('AGENCY_NOT_FOUND', 'not_found');
  });

  it('given a tree, when the parent does not exist, then UNIT_NOT_FOUND naming parentUnitId', () => {
    spec.given(smallTree).when(command('sd-5', 'bidang-smp')).thenThrows('UNIT_NOT_FOUND', 'not_found');
  });

  it('given a tree, when the unit id is taken, then UNIT_ALREADY_EXISTS', () => {
    spec.given(smallTree).when(command('sd-3', 'dinas')).thenThrows('UNIT_ALREADY_EXISTS', 'conflict');
  });

  it('given a root unit, when a second root is created, then ROOT_UNIT_EXISTS', () => {
    spec.given(smallTree).when(command('dinas-2', null)).thenThrows('ROOT_UNIT_EXISTS', 'conflict');
  });

  it('given a tree, when the name is blank or the id not a slug, then INVALID_NAME / INVALID_ID', () => {
    spec
      .given(smallTree)
      .when(command('sd-5', 'dinas', ' '))
      .thenThrows('INVALID_NAME', 'invalid');
    spec.given(smallTree).when(command('SD 5', 'dinas')).thenThrows('INVALID_ID', 'invalid');
  });
});
