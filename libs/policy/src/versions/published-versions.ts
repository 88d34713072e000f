// Reading published versions from a scope's events, including national version 1, the built-in default.
//
// Why implicit rather than published at first start: the default is part of the released code, so every
// installation has the same national version 1 before anyone acts, no start-up write races between API
// instances, and no event claims a human actor who never acted. Its immutability is guarded instead by a
// test pinning its canonical hash (default-policy.spec.ts).
import { DEFAULT_POLICY } from '../default-policy.js';
import type { Policy } from '../policy.js';
import { NATIONAL_SCOPE, type PolicyRef, type PolicyVersionPublished } from './policy-events.js';

export const BUILT_IN_REF: PolicyRef = Object.freeze({ scope: NATIONAL_SCOPE, version: 1 });

export interface PublishedPolicyVersion {
  scope: string;
  version: number;
  policy: Policy;
  basedOn: PolicyRef | null;
  reason: string;
  /** null for the built-in default, which was never published by anyone. */
  publishedAt: string | null;
  builtIn: boolean;
}

export const BUILT_IN_VERSION: PublishedPolicyVersion = Object.freeze({
  scope: NATIONAL_SCOPE,
  version: 1,
  policy: DEFAULT_POLICY,
  basedOn: null,
  reason: 'built-in default encoding DOMAIN sections 5-9',
  publishedAt: null,
  builtIn: true,
});

/** Every version of `scope`, oldest first (national starts with the built-in default). */
export function publishedVersions(scope: string, events: readonly PolicyVersionPublished[]): PublishedPolicyVersion[] {
  const published = events
    .filter((e) => e.type === 'PolicyVersionPublished.v1' && e.data.scope === scope)
    .map((e): PublishedPolicyVersion => ({ ...e.data, builtIn: false }));
  return scope === NATIONAL_SCOPE ? [BUILT_IN_VERSION, ...published] : published;
}

export function versionOf(
  scope: string,
  events: readonly PolicyVersionPublished[],
  version: number,
): PublishedPolicyVersion | undefined {
  return publishedVersions(scope, events).find((v) => v.version === version);
}

/**
 * The policy a cycle of an agency opening now pins: the agency's latest version, or the national latest when
 * the agency has published none. Later issues call this with the two streams' events and store the
 * returned ref (and `formatPolicyRef(ref)` as event metadata `policyVersion`).
 */
export function policyToPin(
  agencyId: string,
  agencyEvents: readonly PolicyVersionPublished[],
  nationalEvents: readonly PolicyVersionPublished[],
): PublishedPolicyVersion {
  return (
    publishedVersions(agencyId, agencyEvents).at(-1) ??
    (publishedVersions(NATIONAL_SCOPE, nationalEvents).at(-1) as PublishedPolicyVersion)
  );
}

/** The pinned policy of a cycle, from the events of the pinned scope's stream. */
export function pinnedPolicy(ref: PolicyRef, scopeEvents: readonly PolicyVersionPublished[]): Policy | undefined {
  return versionOf(ref.scope, scopeEvents, ref.version)?.policy;
}
