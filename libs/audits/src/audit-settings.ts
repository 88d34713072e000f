// Thresholds of the subjectivity audits. An agency's policy may set them; these defaults are ours, chosen so an
// unbiased rater of 10+ ratings is flagged rarely (the false-positive rate measured in the property tests is in
// docs/subjectivity-audits.md). No regulation sets any of them.
import type { AuditThresholds, Policy } from '../../policy/src/policy.js';

/** The policy's `audits` block (field meanings there). */
export type AuditSettings = AuditThresholds;

export const DEFAULT_AUDIT_SETTINGS: AuditSettings = Object.freeze({
  minRatings: 5,
  leniencyEffectSize: 0.5,
  alpha: 0.01,
  centralShareExcess: 0.2,
  haloShareExcess: 0.3,
});

/** The thresholds of a cycle's pinned policy, or ours where the policy sets none (national version 1 never does). */
export const auditSettingsOf = (policy: Policy): AuditSettings => policy.audits ?? DEFAULT_AUDIT_SETTINGS;
