import { describe, expect, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import { BUILT_IN_CATALOGUE } from '../built-in/catalogue.js';
import {
  drafted,
  draftStarted,
  FRAMEWORK_ID,
  guruRequirementSet,
  NOW,
  openedForComment,
  pedagogik,
  pedagogikAdded,
  published,
} from '../framework/framework-fixtures.js';
import { evolveFramework, initialFrameworkState } from '../framework/framework-state.js';
import { publishFrameworkVersionDecider } from './publish-version.js';

const spec = specFor(publishFrameworkVersionDecider);
const command = { type: 'PublishFrameworkVersion', frameworkId: FRAMEWORK_ID, now: NOW } as const;

describe('publish a framework version', () => {
  it('given a draft open for comment, when HR publishes, then version 1 with the whole content and the built-ins frozen in', () => {
    spec.given([drafted, pedagogikAdded, guruRequirementSet, openedForComment()]).when(command).then([published()]);
  });

  it('given a DRAFT never opened for comment, when publishing, then NOT_OPEN_FOR_COMMENT (employees must have had their say)', () => {
    spec.given([drafted, pedagogikAdded]).when(command).thenThrows('NOT_OPEN_FOR_COMMENT', 'conflict');
  });

  it('given version 1 is published, when publishing again, then NO_DRAFT', () => {
    spec
      .given([drafted, openedForComment(), published(1, [], [])])
      .when(command)
      .thenThrows('NO_DRAFT', 'conflict');
  });

  it('publish freezes: the published event carries a snapshot the built-in catalogue cannot change afterwards', () => {
    const pinned = { ...BUILT_IN_CATALOGUE, berakhlak: BUILT_IN_CATALOGUE.berakhlak.slice(0, 7) };
    const [event] = publishFrameworkVersionDecider.decide(
      { ...command, builtIn: pinned },
      [drafted, openedForComment()].reduce(evolveFramework, initialFrameworkState()),
    );
    expect(event.type).toBe('FrameworkVersionPublished.v1');
    expect(event.data).toMatchObject({ version: 1, content: { builtIn: pinned, technical: [] } });
  });

  it('given version 2 was based on version 1 and revised, when published, then version 2 has the revision and version 1 is untouched', () => {
    const revised = { ...pedagogik, name: 'Pedagogik (revisi)' };
    spec
      .given([
        drafted,
        pedagogikAdded,
        guruRequirementSet,
        openedForComment(),
        published(),
        draftStarted(2, 1),
        { type: 'TechnicalCompetencyRevised.v1', data: { version: 2, competency: revised } },
        openedForComment(2),
      ])
      .when(command)
      .then([published(2, [revised])]);
  });
});
