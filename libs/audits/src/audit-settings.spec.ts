import { describe, expect, it } from '@jest/globals';
import { DEFAULT_POLICY } from '../../policy/src/default-policy.js';
import { validatePolicy } from '../../policy/src/validate-policy.js';
import { auditSettingsOf, DEFAULT_AUDIT_SETTINGS } from './audit-settings.js';
import { raterEffects } from './rater-effects/rater-effects.js';
import { rated } from './testing/rating.js';

const strict = { minRatings: 3, leniencyEffectSize: 0.3, alpha: 0.05, centralShareExcess: 0.1, haloShareExcess: 0.2 };

describe('audit thresholds from the pinned policy', () => {
  it('given the national version 1 (which has none), the defaults apply', () => {
    expect(auditSettingsOf(DEFAULT_POLICY)).toEqual(DEFAULT_AUDIT_SETTINGS);
  });

  it('given a policy with an `audits` block, it is valid and its thresholds apply to the audits', () => {
    const policy = { ...DEFAULT_POLICY, audits: strict };
    expect(validatePolicy(policy).ok).toBe(true);
    expect(auditSettingsOf(policy)).toEqual(strict);
    // A rater with 4 ratings: below the default minimum of 5 (never flagged), above the policy's 3.
    const ratings = [
      ...[0, 1, 2, 3].map((i) => rated('lenient', 'AA', [], i)),
      ...Array.from({ length: 30 }, (_, i) => rated(`r${i % 6}`, i % 3 === 0 ? 'BS' : 'SS', [], i)),
    ];
    const flagOf = (settings = DEFAULT_AUDIT_SETTINGS) =>
      raterEffects(ratings, settings).effects.find((e) => e.raterNip === 'lenient')?.flag;
    expect(flagOf()).toBeNull();
    expect(flagOf(auditSettingsOf(policy))).toBe('LENIENT');
  });

  it('given thresholds out of range or missing, the policy is refused naming each field', () => {
    const result = validatePolicy({
      ...DEFAULT_POLICY,
      audits: { ...strict, minRatings: 1, alpha: 0, haloShareExcess: 'x' },
    });
    expect(result.ok).toBe(false);
    const fields = result.ok ? [] : result.problems.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['audits.minRatings', 'audits.alpha', 'audits.haloShareExcess']));
    const missing = validatePolicy({ ...DEFAULT_POLICY, audits: { minRatings: 5 } });
    expect(missing.ok).toBe(false);
  });
});
