// Test-only: published policy versions from the real decider, for the policy_versions read model: national
// version 2 (version 1 is the built-in default, no event), an agency's first version based on it, and its second.
import { DEFAULT_POLICY } from '../../../policy/src/default-policy.js';
import { publishPolicyVersionDecider } from '../../../policy/src/publish-policy-version/publish-policy-version.js';
import { policyStreamName } from '../../../policy/src/versions/policy-events.js';
import { HistoryBuilder, HR_ACTOR } from '../organization/history-builder.js';

const ADMIN = { id: 'admin-1', role: 'ADMIN' };

export function buildPolicyHistory(agencyId: string, h = new HistoryBuilder()): HistoryBuilder {
  const publish = (scope: string, policy: unknown, reason: string, roles: string[]) =>
    h.run(
      publishPolicyVersionDecider,
      policyStreamName(scope),
      (now) => ({
        type: 'PublishPolicyVersion' as const,
        data: { scope, policy, reason },
        publisher: { roles, agencyId },
        facts: { nationalLatestVersion: 2, basedOnPublished: false },
        now,
      }),
      roles.includes('ADMIN') ? ADMIN : HR_ACTOR,
    );
  publish('national', { ...DEFAULT_POLICY, peerAnonymityMinimum: 4 }, 'SE baru: anonimitas 4', ['ADMIN']);
  publish(agencyId, { ...DEFAULT_POLICY, peerAnonymityMinimum: 5 }, 'Keputusan Wali Kota 12/2026', ['HR']);
  publish(agencyId, { ...DEFAULT_POLICY, peerAnonymityMinimum: 6 }, 'Keputusan Wali Kota 13/2026', ['HR']);
  return h;
}
