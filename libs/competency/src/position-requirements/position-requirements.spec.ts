import { describe, expect, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import {
  drafted,
  FRAMEWORK_ID,
  guruRequirement,
  guruRequirementSet,
  openedForComment,
  pedagogikAdded,
  published,
} from '../framework/framework-fixtures.js';
import { positionRequirementDecider, type PositionRequirementCommand } from './position-requirements.js';

const spec = specFor(positionRequirementDecider);
const set = (
  levels: { competencyCode: string; level: number }[] = guruRequirement.levels,
  positionTitle = 'Guru Ahli Pertama',
): PositionRequirementCommand => ({
  type: 'SetPositionRequirement',
  frameworkId: FRAMEWORK_ID,
  requirement: { positionCode: 'guru-ahli-pertama', positionTitle, levels },
});
const remove: PositionRequirementCommand = {
  type: 'RemovePositionRequirement',
  frameworkId: FRAMEWORK_ID,
  positionCode: 'guru-ahli-pertama',
};

describe('required competency level per position', () => {
  it('given a draft with a technical competency, when HR sets built-in and technical levels, then PositionRequirementSet', () => {
    spec.given([drafted, pedagogikAdded]).when(set()).then([guruRequirementSet]);
  });

  it('given a requirement exists, when set again, then it is replaced (one event, same position)', () => {
    const levels = [{ competencyCode: 'PEREKAT_BANGSA', level: 1 }] as const;
    spec
      .given([drafted, pedagogikAdded, guruRequirementSet])
      .when(set([...levels]))
      .then([
        {
          type: 'PositionRequirementSet.v1',
          data: { version: 1, requirement: { ...guruRequirement, levels: [...levels] } },
        },
      ]);
  });

  it('given a draft, when a level is 0 or 6 or 2.5, then LEVEL_OUT_OF_RANGE naming each', () => {
    const error = spec
      .given([drafted])
      .when(
        set([
          { competencyCode: 'INTEGRITAS', level: 0 },
          { competencyCode: 'KOMUNIKASI', level: 6 },
          { competencyCode: 'KERJA_SAMA', level: 2.5 },
        ]),
      )
      .thenThrows('LEVEL_OUT_OF_RANGE', 'invalid');
    expect(error.details.map((d) => d.field)).toEqual(['levels.0.level', 'levels.1.level', 'levels.2.level']);
  });

  it('given a draft without PEDAGOGIK, when a position requires it, then UNKNOWN_COMPETENCY', () => {
    const error = spec.given([drafted]).when(set()).thenThrows('UNKNOWN_COMPETENCY', 'invalid');
    expect(error.details).toEqual([expect.objectContaining({ field: 'levels.1.competencyCode' })]);
  });

  it('given a draft, when a BerAKHLAK value is required (it has no levels), then UNKNOWN_COMPETENCY', () => {
    spec
      .given([drafted])
      .when(set([{ competencyCode: 'AKUNTABEL', level: 3 }]))
      .thenThrows('UNKNOWN_COMPETENCY', 'invalid');
  });

  it('given a draft, when a competency is listed twice, then DUPLICATE_REQUIRED_COMPETENCY', () => {
    spec
      .given([drafted])
      .when(
        set([
          { competencyCode: 'INTEGRITAS', level: 2 },
          { competencyCode: 'INTEGRITAS', level: 3 },
        ]),
      )
      .thenThrows('DUPLICATE_REQUIRED_COMPETENCY', 'invalid');
  });

  it('given a draft, when no levels or a blank title, then EMPTY_REQUIREMENT / INVALID_TEXT', () => {
    spec.given([drafted]).when(set([])).thenThrows('EMPTY_REQUIREMENT', 'invalid');
    spec.given([drafted]).when(set(undefined, ' ')).thenThrows('INVALID_TEXT', 'invalid');
  });

  it('given a requirement, when removed, then PositionRequirementRemoved; when absent, POSITION_REQUIREMENT_NOT_FOUND', () => {
    spec
      .given([drafted, pedagogikAdded, guruRequirementSet])
      .when(remove)
      .then([{ type: 'PositionRequirementRemoved.v1', data: { version: 1, positionCode: 'guru-ahli-pertama' } }]);
    spec.given([drafted]).when(remove).thenThrows('POSITION_REQUIREMENT_NOT_FOUND', 'not_found');
  });

  it('given version 1 is published, when setting a requirement, then NO_DRAFT', () => {
    spec
      .given([drafted, pedagogikAdded, openedForComment(), published(1, undefined, [])])
      .when(set())
      .thenThrows('NO_DRAFT', 'conflict');
  });
});
