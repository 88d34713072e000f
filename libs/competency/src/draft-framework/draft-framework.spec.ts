import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import { drafted, FRAMEWORK_ID, NOW } from '../framework/framework-fixtures.js';
import { draftFrameworkDecider, type DraftFramework } from './draft-framework.js';

const spec = specFor(draftFrameworkDecider);
const command = (data: Partial<DraftFramework['data']> = {}): DraftFramework => ({
  type: 'DraftFramework',
  data: { frameworkId: FRAMEWORK_ID, agencyId: 'kota-manokwari', name: ' Kompetensi Dinas Pendidikan 2027 ', ...data },
  now: NOW,
});

describe('draft a framework', () => {
  it('given no history, when HR drafts a framework, then version 1 is drafted (name trimmed)', () => {
    spec.given([]).when(command()).then([drafted]);
  });

  it('given no history, when a description is given, then it is kept', () => {
    spec
      .given([])
      .when(command({ description: 'Untuk guru dan tenaga kependidikan' }))
      .then([{ ...drafted, data: { ...drafted.data, description: 'Untuk guru dan tenaga kependidikan' } }]);
  });

  it('given the framework exists, when drafted again, then FRAMEWORK_ALREADY_EXISTS', () => {
    spec.given([drafted]).when(command()).thenThrows('FRAMEWORK_ALREADY_EXISTS', 'conflict');
  });

  it('given no history, when the name is blank, then INVALID_TEXT', () => {
    spec
      .given([])
      .when(command({ name: '  ' }))
      .thenThrows('INVALID_TEXT', 'invalid');
  });
});
