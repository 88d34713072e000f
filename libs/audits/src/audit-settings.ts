// Thresholds of the subjectivity audits. An agency's policy may set them; these defaults are ours, chosen so an
// unbiased rater of 10+ ratings is flagged rarely (the false-positive rate measured in the property tests is in
// docs/subjectivity-audits.md). No regulation sets any of them.
export interface AuditSettings {
  /** Raters with fewer approved ratings are reported but never flagged. */
  minRatings: number;
  /** Leniency/severity: |shrunk standardised difference| at least this (Cohen's d scale). */
  leniencyEffectSize: number;
  /** Central tendency and halo: a one-sided binomial p-value below this against the rest of the population. */
  alpha: number;
  /** Central tendency: the rater's share of SESUAI/SESUAI exceeds the population's by at least this. */
  centralShareExcess: number;
  /** Halo: the rater's share of ratings with every competency at one level exceeds the rest's by at least this. */
  haloShareExcess: number;
}

export const DEFAULT_AUDIT_SETTINGS: AuditSettings = Object.freeze({
  minRatings: 5,
  leniencyEffectSize: 0.5,
  alpha: 0.01,
  centralShareExcess: 0.2,
  haloShareExcess: 0.3,
});
