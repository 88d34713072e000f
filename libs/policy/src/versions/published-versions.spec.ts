import { describe, expect, it } from '@jest/globals';
import { DEFAULT_POLICY } from '../default-policy.js';
import type { Policy } from '../policy.js';
import { formatPolicyRef, parsePolicyRef, type PolicyVersionPublished } from './policy-events.js';
import { pinnedPolicy, policyToPin, publishedVersions, versionOf } from './published-versions.js';

const workingDays: Policy = {
  ...DEFAULT_POLICY,
  objection: { ...DEFAULT_POLICY.objection, windowCounting: 'WORKING' },
};
const event = (scope: string, version: number, policy: Policy): PolicyVersionPublished => ({
  type: 'PolicyVersionPublished.v1',
  data: { scope, version, policy, basedOn: null, reason: 'r', publishedAt: '2026-11-22T03:00:00.000Z' },
});

describe('published versions and pinning', () => {
  it('national lists the built-in version 1 first, then its published versions', () => {
    const versions = publishedVersions('national', [event('national', 2, workingDays)]);
    expect(versions.map((v) => [v.version, v.builtIn])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(versionOf('national', [], 1)?.policy).toBe(DEFAULT_POLICY);
    expect(publishedVersions('kota-manokwari', [])).toEqual([]);
  });

  it("a cycle pins its agency's latest version, or national's when the agency has none", () => {
    const national = [event('national', 2, workingDays)];
    expect(policyToPin('kota-manokwari', [], national)).toMatchObject({ scope: 'national', version: 2 });
    expect(policyToPin('kota-manokwari', [], [])).toMatchObject({ scope: 'national', version: 1, builtIn: true });
    const agency = [event('kota-manokwari', 1, workingDays)];
    expect(policyToPin('kota-manokwari', agency, national)).toMatchObject({ scope: 'kota-manokwari', version: 1 });
  });

  it('an old pin keeps its policy after newer versions are published', () => {
    const events = [event('kota-manokwari', 1, workingDays), event('kota-manokwari', 2, DEFAULT_POLICY)];
    expect(pinnedPolicy({ scope: 'kota-manokwari', version: 1 }, events)).toBe(workingDays);
    expect(pinnedPolicy({ scope: 'kota-manokwari', version: 3 }, events)).toBeUndefined();
  });

  it('refs format as scope@version for event metadata and parse back', () => {
    expect(formatPolicyRef({ scope: 'national', version: 1 })).toBe('national@1');
    expect(parsePolicyRef('kota-manokwari@12')).toEqual({ scope: 'kota-manokwari', version: 12 });
    expect(parsePolicyRef('national@0')).toBeUndefined();
    expect(parsePolicyRef('National@1')).toBeUndefined();
  });
});
