// Leniency and severity per rater: how far a rater's ratings sit from the rest of the population, shrunk toward
// zero when the rater has few ratings (empirical Bayes, normal-normal model). Method: docs/subjectivity-audits.md.
//
// Model: score x_ri = mu + b_r + e_ri, with rater effects b_r ~ N(0, tau^2) and noise e ~ N(0, sigma^2).
// sigma^2 is the pooled within-rater variance; tau^2 the variance of rater means less its sampling part
// (method of moments, floored at 0). A rater's raw difference from the rest is shrunk by
// B = tau^2 / (tau^2 + sigma^2 / n); its posterior standard deviation is sqrt(B * sigma^2 / n).
import { DEFAULT_AUDIT_SETTINGS, type AuditSettings } from '../audit-settings.js';
import { byRater, scoreOf, type RatedAppraisal } from '../rating-input.js';
import { mean, round, variance } from '../statistics/descriptive.js';

export type RaterEffectFlag = 'LENIENT' | 'SEVERE' | null;

export interface RaterEffect {
  raterNip: string;
  ratings: number;
  /** Mean score (0..4: the two ratings as steps 0..2) of this rater, and of everyone else's ratings. */
  raterMean: number;
  restMean: number;
  /** The shrunk difference in standard deviations of all scores, with its 95% interval. */
  effect: number;
  interval: [number, number];
  /** How much of the raw difference survives shrinkage (0..1): small for raters with few ratings. */
  shrinkage: number;
  flag: RaterEffectFlag;
  /** Why it is, or is not, flagged, in words. */
  reason: string;
}

export interface RaterEffectsReport {
  ratings: number;
  raters: number;
  /** The four statistics are null when there is no rating (nothing to compare against). */
  populationMean: number | null;
  populationSd: number | null;
  withinRaterVariance: number | null;
  betweenRaterVariance: number | null;
  effects: RaterEffect[];
}

const Z95 = 1.959964;

export function raterEffects(
  ratings: readonly RatedAppraisal[],
  settings: AuditSettings = DEFAULT_AUDIT_SETTINGS,
): RaterEffectsReport {
  const groups = byRater(ratings).map(([raterNip, rs]) => ({ raterNip, scores: rs.map(scoreOf) }));
  const all = ratings.map(scoreOf);
  const n = all.length;
  const sd = Math.sqrt(variance(all));
  const withinSs = groups.reduce((acc, g) => {
    const m = mean(g.scores);
    return acc + g.scores.reduce((s, x) => s + (x - m) ** 2, 0);
  }, 0);
  const sigma2 = n - groups.length > 0 ? withinSs / (n - groups.length) : 0;
  const means = groups.map((g) => mean(g.scores));
  const samplingPart = mean(groups.map((g) => sigma2 / g.scores.length));
  const tau2 = groups.length > 1 ? Math.max(0, variance(means) - samplingPart) : 0;
  const total = all.reduce((a, b) => a + b, 0);
  const effects = groups.map((g): RaterEffect => {
    const k = g.scores.length;
    const raterSum = g.scores.reduce((a, b) => a + b, 0);
    const raterMean = raterSum / k;
    const restMean = n > k ? (total - raterSum) / (n - k) : raterMean;
    const shrinkage = tau2 + sigma2 / k > 0 ? tau2 / (tau2 + sigma2 / k) : 0;
    const shrunk = shrinkage * (raterMean - restMean);
    const posteriorSd = Math.sqrt(shrinkage * (sigma2 / k));
    const scale = sd > 0 ? sd : 1;
    const effect = shrunk / scale;
    const interval: [number, number] = [(shrunk - Z95 * posteriorSd) / scale, (shrunk + Z95 * posteriorSd) / scale];
    const { flag, reason } = classify(k, effect, interval, settings);
    return {
      raterNip: g.raterNip,
      ratings: k,
      raterMean: round(raterMean),
      restMean: round(restMean),
      effect: round(effect),
      interval: [round(interval[0]), round(interval[1])],
      shrinkage: round(shrinkage),
      flag,
      reason,
    };
  });
  return {
    ratings: n,
    raters: groups.length,
    populationMean: n === 0 ? null : round(mean(all)),
    populationSd: n === 0 ? null : round(sd),
    withinRaterVariance: n === 0 ? null : round(sigma2),
    betweenRaterVariance: n === 0 ? null : round(tau2),
    effects,
  };
}

function classify(
  ratings: number,
  effect: number,
  interval: [number, number],
  settings: AuditSettings,
): { flag: RaterEffectFlag; reason: string } {
  if (ratings < settings.minRatings) {
    return { flag: null, reason: `fewer than ${settings.minRatings} ratings: not assessed` };
  }
  const excludesZero = interval[0] > 0 || interval[1] < 0;
  if (Math.abs(effect) < settings.leniencyEffectSize || !excludesZero) {
    return {
      flag: null,
      reason: `effect ${round(effect, 2)} within ±${settings.leniencyEffectSize} or its interval includes 0`,
    };
  }
  return effect > 0
    ? { flag: 'LENIENT', reason: `rates ${round(effect, 2)} SD above the rest (95% interval excludes 0)` }
    : { flag: 'SEVERE', reason: `rates ${round(-effect, 2)} SD below the rest (95% interval excludes 0)` };
}
