import { DomainError } from '../../shared-kernel/src/domain-error.js';
import type { Policy, Predikat } from './policy.js';

/**
 * Angka kredit earned for a year: `base` scaled by the policy's percentage for the predikat (DOMAIN section 8).
 * Rounded to 3 decimals, the precision angka kredit are written with, so float noise never shows.
 */
export function creditPoints(policy: Policy, predikat: Predikat, base: number): number {
  if (!Number.isFinite(base) || base < 0) {
    throw new DomainError('invalid', 'INVALID_CREDIT_BASE', `base angka kredit must be a number >= 0, got ${base}`, [
      { field: 'base', message: 'must be a number >= 0' },
    ]);
  }
  return Math.round((base * policy.creditPointPercentages[predikat] * 1000) / 100) / 1000;
}
