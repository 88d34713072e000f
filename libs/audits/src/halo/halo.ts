// Halo: one overall impression of the person drives every dimension the rater scores. Measured on competency
// levels: a rating that observed at least MIN_LEVELS competencies is "uniform" when every level is the same. The
// rater's count of uniform ratings is tested one-sided (binomial) against the rest of the population's share,
// with a minimum excess share. Method and why not hasil kerja vs perilaku: docs/subjectivity-audits.md.
import { DEFAULT_AUDIT_SETTINGS, type AuditSettings } from '../audit-settings.js';
import { byRater, isAllSesuai, type RatedAppraisal } from '../rating-input.js';
import { binomialUpperTail, round } from '../statistics/descriptive.js';

/** Fewer observed competencies say too little about uniformity (two equal levels happen by chance often). */
export const MIN_LEVELS = 3;

export interface Halo {
  raterNip: string;
  ratings: number;
  /** Ratings with at least MIN_LEVELS competency levels observed, and how many of them are uniform. */
  assessable: number;
  uniform: number;
  share: number;
  restShare: number;
  pValue: number;
  /** Descriptive only: among ratings off SESUAI on an axis, the share with hasil kerja = perilaku. */
  equalAxesShare: number | null;
  flagged: boolean;
  reason: string;
}

const assessable = (r: RatedAppraisal) => r.competencyLevels.length >= MIN_LEVELS;
const uniform = (r: RatedAppraisal) => r.competencyLevels.every((c) => c.level === r.competencyLevels[0]?.level);

export function halo(ratings: readonly RatedAppraisal[], settings: AuditSettings = DEFAULT_AUDIT_SETTINGS): Halo[] {
  const pool = ratings.filter(assessable);
  const totalUniform = pool.filter(uniform).length;
  return byRater(ratings).map(([raterNip, rs]) => {
    const mine = rs.filter(assessable);
    const k = mine.filter(uniform).length;
    const n = mine.length;
    const rest = pool.length - n;
    const restShare = rest > 0 ? (totalUniform - k) / rest : 0;
    const share = n > 0 ? k / n : 0;
    const pValue = binomialUpperTail(k, n, restShare);
    const off = rs.filter((r) => !isAllSesuai(r));
    const equalAxesShare =
      off.length > 0 ? round(off.filter((r) => r.hasilKerja === r.perilaku).length / off.length) : null;
    let reason: string;
    let flagged = false;
    if (n < settings.minRatings) {
      reason = `fewer than ${settings.minRatings} ratings with ${MIN_LEVELS}+ competency levels: not assessed`;
    } else if (share - restShare < settings.haloShareExcess) {
      reason = `uniform share ${round(share, 2)} is not ${settings.haloShareExcess} above the rest's ${round(restShare, 2)}`;
    } else if (pValue >= settings.alpha) reason = `p = ${round(pValue, 4)} ≥ ${settings.alpha}`;
    else {
      flagged = true;
      reason =
        `${k} of ${n} ratings give every competency the same level, against ${round(restShare * 100, 1)}% ` +
        `of the rest (p = ${round(pValue, 4)})`;
    }
    return {
      raterNip,
      ratings: rs.length,
      assessable: n,
      uniform: k,
      share: round(share),
      restShare: round(restShare),
      pValue: round(pValue, 6),
      equalAxesShare,
      flagged,
      reason,
    };
  });
}
