// Central tendency: a rater who rates (almost) everyone SESUAI on both axes far more often than the rest of the
// population does. Nationally most ASN are rated BAIK, so the comparison is with the population, not with an
// ideal spread: a one-sided binomial test of the rater's count of SESUAI/SESUAI against the rest's share, plus a
// minimum excess share so a large population cannot flag a trivial difference. Method: docs/subjectivity-audits.md.
import { DEFAULT_AUDIT_SETTINGS, type AuditSettings } from '../audit-settings.js';
import { byRater, isAllSesuai, type RatedAppraisal } from '../rating-input.js';
import { binomialUpperTail, round } from '../statistics/descriptive.js';

export interface CentralTendency {
  raterNip: string;
  ratings: number;
  allSesuai: number;
  share: number;
  restShare: number;
  pValue: number;
  flagged: boolean;
  reason: string;
}

export function centralTendency(
  ratings: readonly RatedAppraisal[],
  settings: AuditSettings = DEFAULT_AUDIT_SETTINGS,
): CentralTendency[] {
  const totalSesuai = ratings.filter(isAllSesuai).length;
  return byRater(ratings).map(([raterNip, rs]) => {
    const k = rs.filter(isAllSesuai).length;
    const n = rs.length;
    const rest = ratings.length - n;
    const restShare = rest > 0 ? (totalSesuai - k) / rest : 0;
    const share = k / n;
    const pValue = binomialUpperTail(k, n, restShare);
    let reason: string;
    let flagged = false;
    if (n < settings.minRatings) reason = `fewer than ${settings.minRatings} ratings: not assessed`;
    else if (share - restShare < settings.centralShareExcess) {
      reason = `SESUAI/SESUAI share ${round(share, 2)} is not ${settings.centralShareExcess} above the rest's ${round(restShare, 2)}`;
    } else if (pValue >= settings.alpha) reason = `p = ${round(pValue, 4)} ≥ ${settings.alpha}`;
    else {
      flagged = true;
      reason = `${k} of ${n} rated SESUAI/SESUAI against ${round(restShare * 100, 1)}% of the rest (p = ${round(pValue, 4)})`;
    }
    return {
      raterNip,
      ratings: n,
      allSesuai: k,
      share: round(share),
      restShare: round(restShare),
      pValue: round(pValue, 6),
      flagged,
      reason,
    };
  });
}
