import { describe, expect, it } from '@jest/globals';
import { DEFAULT_POLICY } from './default-policy.js';
import { annualJpTarget, DEFAULT_ANNUAL_JP_TARGET } from './development.js';
import { validatePolicy } from './validate-policy.js';

const withDevelopment = (development: unknown) => ({ ...DEFAULT_POLICY, development });
const fields = (input: unknown) => {
  const result = validatePolicy(input);
  return result.ok ? [] : result.problems.map((p) => p.field);
};

describe('the yearly JP target', () => {
  it('is 20 JP for the built-in national version 1, which has no development setting', () => {
    expect(DEFAULT_POLICY.development).toBeUndefined();
    expect(annualJpTarget(DEFAULT_POLICY)).toBe(DEFAULT_ANNUAL_JP_TARGET);
    expect(DEFAULT_ANNUAL_JP_TARGET).toBe(20);
  });

  it("is the policy's own setting when it has one", () => {
    expect(annualJpTarget({ ...DEFAULT_POLICY, development: { annualJpTarget: 40 } })).toBe(40);
  });

  it('is validated: a whole number 1..1000, no unknown fields; absent is fine', () => {
    expect(fields(withDevelopment({ annualJpTarget: 40 }))).toEqual([]);
    expect(fields(DEFAULT_POLICY)).toEqual([]);
    expect(fields(withDevelopment({ annualJpTarget: 0 }))).toEqual(['development.annualJpTarget']);
    expect(fields(withDevelopment({ annualJpTarget: 20.5 }))).toEqual(['development.annualJpTarget']);
    expect(fields(withDevelopment({}))).toEqual(['development.annualJpTarget']);
    expect(fields(withDevelopment({ annualJpTarget: 20, hours: 3 }))).toEqual(['development.hours']);
  });
});
