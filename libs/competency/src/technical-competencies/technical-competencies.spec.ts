import { describe, expect, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import {
  drafted,
  draftStarted,
  FRAMEWORK_ID,
  guruRequirementSet,
  openedForComment,
  pedagogik,
  pedagogikAdded,
  published,
} from '../framework/framework-fixtures.js';
import { technicalCompetencyDecider, type TechnicalCompetencyCommand } from './technical-competencies.js';

const spec = specFor(technicalCompetencyDecider);
const add = (competency = pedagogik): TechnicalCompetencyCommand => ({
  type: 'AddTechnicalCompetency',
  frameworkId: FRAMEWORK_ID,
  competency,
});
const revise = (competency = pedagogik): TechnicalCompetencyCommand => ({
  type: 'ReviseTechnicalCompetency',
  frameworkId: FRAMEWORK_ID,
  competency,
});
const remove = (code = 'PEDAGOGIK'): TechnicalCompetencyCommand => ({
  type: 'RemoveTechnicalCompetency',
  frameworkId: FRAMEWORK_ID,
  code,
});

describe('technical competencies on the draft', () => {
  it('given a draft, when HR adds a technical competency, then it is added to the draft version', () => {
    spec.given([drafted]).when(add()).then([pedagogikAdded]);
  });

  it('given a draft open for comment, HR may still add (the draft is revised in answer to comments)', () => {
    spec.given([drafted, openedForComment()]).when(add()).then([pedagogikAdded]);
  });

  it('given no framework, when adding, then FRAMEWORK_NOT_FOUND', () => {
    spec.given([]).when(add()).thenThrows('FRAMEWORK_NOT_FOUND', 'not_found');
  });

  it('given the code is already a technical competency, then DUPLICATE_COMPETENCY_CODE', () => {
    spec.given([drafted, pedagogikAdded]).when(add()).thenThrows('DUPLICATE_COMPETENCY_CODE', 'conflict');
  });

  it('given a draft, when the code is a built-in one, then DUPLICATE_COMPETENCY_CODE', () => {
    spec
      .given([drafted])
      .when(add({ ...pedagogik, code: 'INTEGRITAS' }))
      .thenThrows('DUPLICATE_COMPETENCY_CODE', 'conflict');
    spec
      .given([drafted])
      .when(add({ ...pedagogik, code: 'AKUNTABEL' }))
      .thenThrows('DUPLICATE_COMPETENCY_CODE', 'conflict');
  });

  it('given a draft, when a level descriptor is blank, then INVALID_LEVEL_DESCRIPTORS naming the level', () => {
    const error = spec
      .given([drafted])
      .when(add({ ...pedagogik, levels: ['a', 'b', ' ', 'd', 'e'] }))
      .thenThrows('INVALID_LEVEL_DESCRIPTORS', 'invalid');
    expect(error.details).toEqual([expect.objectContaining({ field: 'levels.2', level: 3 })]);
  });

  it('given a draft, when the code is not UPPER_SNAKE_CASE, then INVALID_COMPETENCY_CODE', () => {
    spec
      .given([drafted])
      .when(add({ ...pedagogik, code: 'pedagogik' }))
      .thenThrows('INVALID_COMPETENCY_CODE', 'invalid');
  });

  it('given the competency exists, when revised, then TechnicalCompetencyRevised; an identical revision is a no-op', () => {
    const revised = { ...pedagogik, description: 'Merancang dan menilai pembelajaran' };
    spec
      .given([drafted, pedagogikAdded])
      .when(revise(revised))
      .then([{ type: 'TechnicalCompetencyRevised.v1', data: { version: 1, competency: revised } }]);
    spec.given([drafted, pedagogikAdded]).when(revise()).then([]);
  });

  it('given no such competency, when revised or removed, then TECHNICAL_COMPETENCY_NOT_FOUND', () => {
    spec.given([drafted]).when(revise()).thenThrows('TECHNICAL_COMPETENCY_NOT_FOUND', 'not_found');
    spec.given([drafted]).when(remove()).thenThrows('TECHNICAL_COMPETENCY_NOT_FOUND', 'not_found');
  });

  it('given the competency is unused, when removed, then TechnicalCompetencyRemoved', () => {
    spec
      .given([drafted, pedagogikAdded])
      .when(remove())
      .then([{ type: 'TechnicalCompetencyRemoved.v1', data: { version: 1, code: 'PEDAGOGIK' } }]);
  });

  it('given a position requires it, when removed, then COMPETENCY_IN_USE naming the position', () => {
    const error = spec
      .given([drafted, pedagogikAdded, guruRequirementSet])
      .when(remove())
      .thenThrows('COMPETENCY_IN_USE', 'conflict');
    expect(error.details[0]).toMatchObject({ positionCode: 'guru-ahli-pertama' });
  });

  it('given version 1 is published and no new draft, when editing, then NO_DRAFT (a published version never changes)', () => {
    const history = [drafted, pedagogikAdded, guruRequirementSet, openedForComment(), published()];
    spec
      .given(history)
      .when(add({ ...pedagogik, code: 'PROFESIONAL' }))
      .thenThrows('NO_DRAFT', 'conflict');
    spec.given(history).when(revise()).thenThrows('NO_DRAFT', 'conflict');
    spec.given(history).when(remove()).thenThrows('NO_DRAFT', 'conflict');
  });

  it('given a new draft based on version 1, when revising, then the event targets version 2', () => {
    const revised = { ...pedagogik, name: 'Pedagogik' };
    spec
      .given([drafted, pedagogikAdded, guruRequirementSet, openedForComment(), published(), draftStarted(2, 1)])
      .when(revise(revised))
      .then([{ type: 'TechnicalCompetencyRevised.v1', data: { version: 2, competency: revised } }]);
  });
});
