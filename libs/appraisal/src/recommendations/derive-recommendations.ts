// Follow-up recommendations derived at publication (the issue, DOMAIN section 8): training for competency gaps
// (gap = required level - observed level), coaching for BUTUH_PERBAIKAN and below, the talent pool for
// SANGAT_BAIK. Pure and deterministic: the same inputs always give the same list, in the same order.
import type { Predikat } from '../../../policy/src/policy.js';
import type { CompetencyObservation, Recommendation } from '../appraisal/appraisal-events.js';

const COACHING: readonly Predikat[] = ['BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'];

export interface RecommendationInput {
  predikat: Predikat;
  /** Levels the rater observed in the approved rating. */
  observed: readonly CompetencyObservation[];
  /** Levels the employee's position requires in the pinned framework version. */
  required: readonly { code: string; level: number }[];
}

export function deriveRecommendations({ predikat, observed, required }: RecommendationInput): Recommendation[] {
  const observedLevel = new Map(observed.map((o) => [o.code, o.level]));
  // One requirement per code, in the order first listed; a code listed twice counts at its highest level.
  const requiredLevel = new Map<string, number>();
  for (const { code, level } of required) requiredLevel.set(code, Math.max(level, requiredLevel.get(code) ?? level));
  const training = [...requiredLevel].flatMap(([code, level]): Recommendation[] => {
    const observedAt = observedLevel.get(code);
    // Not observed: the rater gave no level, so there is no measured gap and we do not guess one.
    if (observedAt === undefined || observedAt >= level) return [];
    return [
      {
        kind: 'TRAINING',
        competencyCode: code,
        requiredLevel: level,
        observedLevel: observedAt,
        gap: level - observedAt,
      },
    ];
  });
  return [...training, ...predikatFollowUps(predikat)];
}

/** The follow-ups that depend on the predikat alone (they change when an objection changes the predikat). */
export function predikatFollowUps(predikat: Predikat): Recommendation[] {
  if (COACHING.includes(predikat)) return [{ kind: 'COACHING', predikat }];
  // The 9-box needs the potential axis, which is not assessed yet: nineBox stays null until it is.
  if (predikat === 'SANGAT_BAIK') return [{ kind: 'TALENT_POOL', predikat, nineBox: null }];
  return [];
}
