// The yearly competency-development target (docs/domain-rules.md section 10, PP 11/2017: at least 20 JP).
import type { Policy } from './policy.js';

/** Default for policy versions published without `development` (the built-in national version 1 among them). */
export const DEFAULT_ANNUAL_JP_TARGET = 20;

/** JP each employee is owed per calendar year under `policy`. */
export const annualJpTarget = (policy: Policy): number =>
  policy.development?.annualJpTarget ?? DEFAULT_ANNUAL_JP_TARGET;
