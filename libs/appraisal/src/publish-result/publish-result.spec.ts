import { describe, it } from '@jest/globals';
import { specFor } from '../../../testing/src/decider-specification.js';
import type { PublishResult } from '../appraisal/appraisal-commands.js';
import { appraisalEnded, base } from '../appraisal/appraisal-fixtures.js';
import {
  LATER,
  approved,
  assessable,
  published,
  rated,
  ratingApproved,
  ratingReturned,
  selfAssessed,
} from '../assessment-fixtures.js';
import { publishResultDecider } from './publish-result.js';

const spec = specFor(publishResultDecider);
const publish = (
  requiredLevels: PublishResult['requiredLevels'] = [],
  phase: PublishResult['cyclePhase'] = 'PUBLISHED',
): PublishResult => ({ type: 'PublishResult', ...base(null, phase, LATER), data: {}, requiredLevels });

describe('publish a result', () => {
  it('given an approved BAIK rating, when published, then ResultPublished with the ratings and predikat', () => {
    spec
      .given(approved())
      .when(publish())
      .then([published({ publishedAt: LATER })]);
  });

  it('given a competency observed below the required level, when published, then a TRAINING recommendation', () => {
    spec
      .given(approved())
      .when(publish([{ code: 'KERJA_SAMA', level: 4 }]))
      .then([
        published({
          publishedAt: LATER,
          recommendations: [
            { kind: 'TRAINING', competencyCode: 'KERJA_SAMA', requiredLevel: 4, observedLevel: 3, gap: 1 },
          ],
        }),
      ]);
  });

  it('given version 1 returned and version 2 (BUTUH_PERBAIKAN) approved, when published, then version 2 with COACHING', () => {
    const v2 = {
      hasilKerja: 'DI_BAWAH_EKSPEKTASI',
      perilaku: 'SESUAI_EKSPEKTASI',
      predikat: 'BUTUH_PERBAIKAN',
    } as const;
    spec
      .given([
        ...assessable(),
        selfAssessed(1),
        rated(1),
        ratingReturned(1),
        rated(2, v2),
        ratingApproved(2, v2.predikat),
      ])
      .when(publish())
      .then([
        published({
          ratingVersion: 2,
          ...v2,
          recommendations: [{ kind: 'COACHING', predikat: 'BUTUH_PERBAIKAN' }],
          publishedAt: LATER,
        }),
      ]);
  });

  it('given a published result, when published again, then nothing new', () => {
    spec
      .given([...approved(), published()])
      .when(publish())
      .then([]);
  });

  it('given the determination phase, when published, then WRONG_CYCLE_PHASE', () => {
    spec.given(approved()).when(publish([], 'DETERMINATION')).thenThrows('WRONG_CYCLE_PHASE', 'conflict');
  });

  it('given a rating still awaiting approval, when published, then NO_APPROVED_RATING', () => {
    spec
      .given([...assessable(), selfAssessed(1), rated(1)])
      .when(publish())
      .thenThrows('NO_APPROVED_RATING', 'conflict');
  });

  it('given an ended appraisal, when published, then APPRAISAL_ENDED', () => {
    spec
      .given([...approved(), appraisalEnded()])
      .when(publish())
      .thenThrows('APPRAISAL_ENDED', 'conflict');
  });
});
