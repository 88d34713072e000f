// Policy versions are events: stream `policy-{scope}`, scope = 'national' or an agency id (DESIGN section 3).
import type { DomainEvent } from '../../../shared-kernel/src/decider.js';
import type { Policy } from '../policy.js';

export const NATIONAL_SCOPE = 'national';

/** Agency ids and 'national': lowercase letters, digits and dashes. */
export const POLICY_SCOPE_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export const policyStreamName = (scope: string): string => `policy-${scope}`;

/** What a cycle pins when it opens: one published version of one scope. */
export interface PolicyRef {
  scope: string;
  version: number;
}

/** `national@1`: the form that goes into event metadata (`policyVersion`). */
export const formatPolicyRef = (ref: PolicyRef): string => `${ref.scope}@${ref.version}`;

export function parsePolicyRef(text: string): PolicyRef | undefined {
  const match = /^([a-z0-9][a-z0-9-]{0,63})@([1-9]\d{0,8})$/.exec(text);
  return match ? { scope: match[1], version: Number(match[2]) } : undefined;
}

export type PolicyVersionPublished = DomainEvent<
  'PolicyVersionPublished.v1',
  {
    scope: string;
    /** 1, 2, ... within the scope; national 1 is the built-in default, so national events start at 2. */
    version: number;
    policy: Policy;
    /** The version this one was derived from (for people comparing versions); null for none. */
    basedOn: PolicyRef | null;
    /** Why it was published, in the publisher's words. */
    reason: string;
    publishedAt: string;
  }
>;

export type PolicyEvent = PolicyVersionPublished;
