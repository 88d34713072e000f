// What employees see of their unit's results (README "Transparency"). The built-in national version 1 has no
// `transparency` and never changes, so versions without it get the default here: anonymous aggregates only.
import type { Policy } from './policy.js';

export const DEFAULT_PUBLISH_NAMES_IN_UNIT = false;

/** Whether the agency publishes each member's predikat by name to the rest of the unit (false by default). */
export const publishNamesInUnit = (policy: Policy): boolean =>
  policy.transparency?.publishNamesInUnit ?? DEFAULT_PUBLISH_NAMES_IN_UNIT;
