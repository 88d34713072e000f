import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import { AGENCY, smallTree, unitCreated } from '../agency/agency-fixtures.js';
import { updateUnitDecider, type UpdateUnit } from './update-unit.js';

const spec = specFor(updateUnitDecider);
const command = (unitId: string, change: { name?: string; parentUnitId?: string }): UpdateUnit => ({
  type: 'UpdateUnit',
  data: { agencyId: AGENCY, unitId, ...change },
});
const withSmp = [...smallTree, unitCreated('bidang-smp', 'dinas')];

describe('update unit (rename, move)', () => {
  it('given a unit, when renamed, then UnitRenamed', () => {
    spec
      .given(smallTree)
      .when(command('sd-3', { name: 'SD Negeri 3' }))
      .then([{ type: 'UnitRenamed.v1', data: { agencyId: AGENCY, unitId: 'sd-3', name: 'SD Negeri 3' } }]);
  });

  it('given a unit, when moved under another branch, then UnitMoved with both parents', () => {
    spec
      .given(withSmp)
      .when(command('sd-3', { parentUnitId: 'bidang-smp' }))
      .then([
        {
          type: 'UnitMoved.v1',
          data: { agencyId: AGENCY, unitId: 'sd-3', fromParentUnitId: 'bidang-sd', toParentUnitId: 'bidang-smp' },
        },
      ]);
  });

  it('given a unit, when renamed and moved at once, then both events', () => {
    spec
      .given(withSmp)
      .when(command('sd-3', { name: 'SD 3', parentUnitId: 'bidang-smp' }))
      .then([
        { type: 'UnitRenamed.v1', data: { agencyId: AGENCY, unitId: 'sd-3', name: 'SD 3' } },
        {
          type: 'UnitMoved.v1',
          data: { agencyId: AGENCY, unitId: 'sd-3', fromParentUnitId: 'bidang-sd', toParentUnitId: 'bidang-smp' },
        },
      ]);
  });

  it('given a unit, when nothing changes, then no event', () => {
    spec
      .given(smallTree)
      .when(command('sd-3', { name: 'Unit sd-3', parentUnitId: 'bidang-sd' }))
      .then([]);
  });

  it('given a tree, when a unit is moved under its own descendant, then UNIT_CYCLE', () => {
    spec
      .given(smallTree)
      .when(command('bidang-sd', { parentUnitId: 'sd-3' }))
      .thenThrows('UNIT_CYCLE', 'conflict');
  });

  it('given a tree, when the root unit is moved, then ROOT_UNIT_CANNOT_MOVE', () => {
    spec
      .given(smallTree)
      .when(command('dinas', { parentUnitId: 'sd-3' }))
      .thenThrows('ROOT_UNIT_CANNOT_MOVE', 'conflict');
  });

  it('given a tree, when the unit or the new parent does not exist, then UNIT_NOT_FOUND', () => {
    spec
      .given(smallTree)
      .when(command('sd-9', { name: 'x' }))
      .thenThrows('UNIT_NOT_FOUND', 'not_found');
    spec
      .given(smallTree)
      .when(command('sd-3', { parentUnitId: 'nowhere' }))
      .thenThrows('UNIT_NOT_FOUND', 'not_found');
  });

  it('given a unit, when renamed to a blank name, then INVALID_NAME', () => {
    spec
      .given(smallTree)
      .when(command('sd-3', { name: ' ' }))
      .thenThrows('INVALID_NAME', 'invalid');
  });
});
