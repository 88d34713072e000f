import { describe, expect, it } from '@jest/globals';
import { DEFAULT_POLICY } from './default-policy.js';
import { publishNamesInUnit } from './transparency.js';

describe('publishNamesInUnit', () => {
  it('is off for the built-in version 1 (which has no transparency setting) and as the policy sets it otherwise', () => {
    expect(DEFAULT_POLICY.transparency).toBeUndefined();
    expect(publishNamesInUnit(DEFAULT_POLICY)).toBe(false);
    expect(publishNamesInUnit({ ...DEFAULT_POLICY, transparency: { publishNamesInUnit: true } })).toBe(true);
    expect(publishNamesInUnit({ ...DEFAULT_POLICY, transparency: { publishNamesInUnit: false } })).toBe(false);
  });
});
