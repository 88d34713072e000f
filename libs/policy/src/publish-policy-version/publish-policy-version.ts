// Publish a new, immutable version of the policy of a scope (national or one agency).
import { canonicalJson } from '../../../audit/src/canonical-json.js';
import type { Decider } from '../../../shared-kernel/src/decider.js';
import { DomainError } from '../../../shared-kernel/src/domain-error.js';
import { DEFAULT_POLICY } from '../default-policy.js';
import { validatePolicy } from '../validate-policy.js';
import { NATIONAL_SCOPE, POLICY_SCOPE_PATTERN, type PolicyEvent, type PolicyRef } from '../versions/policy-events.js';
import { evolvePolicyScope, initialPolicyScopeState, type PolicyScopeState } from '../versions/policy-scope-state.js';
import { mayPublishPolicy, type Publisher } from './publish-permission.js';

export interface PublishPolicyVersion {
  type: 'PublishPolicyVersion';
  data: {
    scope: string;
    /** As received; validated here, with field paths. */
    policy: unknown;
    reason: string;
    /** The version number the publisher means to create; guards against two publishers racing. */
    version?: number;
    basedOn?: PolicyRef;
  };
  publisher: Publisher;
  /** Cross-stream facts, looked up by the handler. */
  facts: {
    /** The national scope's latest version (the default basedOn of an agency's first version). */
    nationalLatestVersion: number;
    /** Whether `data.basedOn`, when it names ANOTHER scope, is a published version there. */
    basedOnPublished: boolean;
  };
  /** Injected clock: ISO instant of the request. */
  now: string;
}

export function decidePublishPolicyVersion(command: PublishPolicyVersion, state: PolicyScopeState): PolicyEvent[] {
  const { scope, reason } = command.data;
  if (!POLICY_SCOPE_PATTERN.test(scope)) {
    throw new DomainError('invalid', 'INVALID_POLICY_SCOPE', `policy scope ${scope} is not national or an agency id`, [
      { field: 'scope', message: 'lowercase letters, digits and dashes' },
    ]);
  }
  if (!mayPublishPolicy(command.publisher, scope)) {
    // The API refuses these with 403 before deciding; this keeps the rule true for every other caller.
    throw new DomainError('invalid', 'POLICY_PUBLISHER_NOT_ALLOWED', publisherMessage(scope), [
      { field: 'scope', message: publisherMessage(scope) },
    ]);
  }
  if (reason.trim() === '') {
    throw new DomainError('invalid', 'REASON_REQUIRED', 'say why this policy version is published', [
      { field: 'reason', message: 'must not be blank' },
    ]);
  }
  const validation = validatePolicy(command.data.policy);
  if (!validation.ok) {
    throw new DomainError(
      'invalid',
      'INVALID_POLICY',
      `the policy is incomplete or contradictory: ${validation.problems.length} problem(s)`,
      validation.problems.map((p) => ({ field: p.field ? `policy.${p.field}` : 'policy', message: p.message })),
    );
  }
  // National version 1 is the built-in default, present without an event.
  const builtIn = scope === NATIONAL_SCOPE && state.latestVersion === 0;
  const latest = builtIn ? 1 : state.latestVersion;
  const latestCanonical = builtIn ? canonicalJson(DEFAULT_POLICY) : state.latestCanonical;
  const version = latest + 1;
  if (command.data.version !== undefined && command.data.version !== version) {
    if (command.data.version <= latest) {
      throw new DomainError(
        'conflict',
        'POLICY_VERSION_IMMUTABLE',
        `${scope} version ${command.data.version} is already published and cannot change; publish version ${version}`,
        [{ field: 'version', message: `next version is ${version}` }],
      );
    }
    throw new DomainError('invalid', 'POLICY_VERSION_GAP', `the next ${scope} version is ${version}`, [
      { field: 'version', message: `next version is ${version}, got ${command.data.version}` },
    ]);
  }
  if (canonicalJson(validation.policy) === latestCanonical) {
    throw new DomainError('conflict', 'POLICY_UNCHANGED', `the policy equals ${scope} version ${latest}`);
  }
  return [
    {
      type: 'PolicyVersionPublished.v1',
      data: {
        scope,
        version,
        policy: validation.policy,
        basedOn: resolveBasedOn(command, scope, latest),
        reason: reason.trim(),
        publishedAt: command.now,
      },
    },
  ];
}

function resolveBasedOn(command: PublishPolicyVersion, scope: string, latest: number): PolicyRef {
  const basedOn = command.data.basedOn;
  if (!basedOn) {
    return latest > 0
      ? { scope, version: latest }
      : { scope: NATIONAL_SCOPE, version: command.facts.nationalLatestVersion };
  }
  const known =
    basedOn.scope === scope ? basedOn.version >= 1 && basedOn.version <= latest : command.facts.basedOnPublished;
  if (!known) {
    throw new DomainError(
      'not_found',
      'BASED_ON_VERSION_NOT_FOUND',
      `${basedOn.scope} version ${basedOn.version} is not published`,
      [{ field: 'basedOn', message: 'must name a published policy version' }],
    );
  }
  return { scope: basedOn.scope, version: basedOn.version };
}

const publisherMessage = (scope: string) =>
  scope === NATIONAL_SCOPE
    ? 'only ADMIN publishes national policy versions'
    : `only ADMIN or HR of ${scope} publishes ${scope} policy versions`;

export const publishPolicyVersionDecider: Decider<PublishPolicyVersion, PolicyScopeState, PolicyEvent> = {
  initialState: initialPolicyScopeState,
  decide: decidePublishPolicyVersion,
  evolve: evolvePolicyScope,
};
