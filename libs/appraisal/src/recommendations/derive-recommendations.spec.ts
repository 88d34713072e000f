import { describe, expect, it } from '@jest/globals';
import { PREDIKATS } from '../../../policy/src/policy.js';
import { deriveRecommendations } from './derive-recommendations.js';

const observed = [
  { code: 'KERJA_SAMA', level: 2 },
  { code: 'INTEGRITAS', level: 4 },
] as const;

describe('derive recommendations', () => {
  it('given a required level above the observed one, then TRAINING with the gap; met or exceeded levels give none', () => {
    const required = [
      { code: 'KERJA_SAMA', level: 4 },
      { code: 'INTEGRITAS', level: 3 },
    ];
    expect(deriveRecommendations({ predikat: 'BAIK', observed: [...observed], required })).toEqual([
      { kind: 'TRAINING', competencyCode: 'KERJA_SAMA', requiredLevel: 4, observedLevel: 2, gap: 2 },
    ]);
  });

  it('given a required competency the rater did not observe, then no recommendation (no measured gap)', () => {
    expect(
      deriveRecommendations({
        predikat: 'BAIK',
        observed: [...observed],
        required: [{ code: 'KOMUNIKASI', level: 5 }],
      }),
    ).toEqual([]);
  });

  it('given a code required twice, then one TRAINING at the highest required level', () => {
    const required = [
      { code: 'KERJA_SAMA', level: 3 },
      { code: 'KERJA_SAMA', level: 5 },
    ];
    expect(deriveRecommendations({ predikat: 'BAIK', observed: [...observed], required })).toEqual([
      { kind: 'TRAINING', competencyCode: 'KERJA_SAMA', requiredLevel: 5, observedLevel: 2, gap: 3 },
    ]);
  });

  it('given each predikat, then COACHING for BUTUH_PERBAIKAN and below, TALENT_POOL (9-box unknown) for SANGAT_BAIK', () => {
    const byPredikat = PREDIKATS.map((predikat) => deriveRecommendations({ predikat, observed: [], required: [] }));
    expect(byPredikat).toEqual([
      [{ kind: 'TALENT_POOL', predikat: 'SANGAT_BAIK', nineBox: null }],
      [],
      [{ kind: 'COACHING', predikat: 'BUTUH_PERBAIKAN' }],
      [{ kind: 'COACHING', predikat: 'KURANG' }],
      [{ kind: 'COACHING', predikat: 'SANGAT_KURANG' }],
    ]);
  });

  it('given a gap and a KURANG predikat, then TRAINING first, then COACHING', () => {
    const recommendations = deriveRecommendations({
      predikat: 'KURANG',
      observed: [...observed],
      required: [{ code: 'INTEGRITAS', level: 5 }],
    });
    expect(recommendations.map((r) => r.kind)).toEqual(['TRAINING', 'COACHING']);
  });
});
