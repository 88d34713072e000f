import { canonicalJson } from '../../../audit/src/canonical-json.js';
import type { PolicyEvent } from './policy-events.js';

/** What publishing needs to know about a scope: its latest version and that version's canonical JSON. */
export interface PolicyScopeState {
  /** 0: nothing published in this stream (national still has the built-in version 1). */
  latestVersion: number;
  latestCanonical: string | null;
}

export const initialPolicyScopeState = (): PolicyScopeState => ({ latestVersion: 0, latestCanonical: null });

export function evolvePolicyScope(state: PolicyScopeState, event: PolicyEvent): PolicyScopeState {
  switch (event.type) {
    case 'PolicyVersionPublished.v1':
      return { latestVersion: event.data.version, latestCanonical: canonicalJson(event.data.policy) };
    default:
      // Unknown (newer) event types are ignored so that replay never throws.
      return state;
  }
}
