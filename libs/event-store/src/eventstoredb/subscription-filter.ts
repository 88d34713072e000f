import { eventTypeFilter, streamNameFilter, type Filter } from '@eventstore/db-client';
import type { SubscriptionFilter } from '../port.js';

/** Both lists given: an event must match one prefix of each. An empty or absent list does not filter. */
export function matchesFilter(event: { streamName: string; type: string }, filter: SubscriptionFilter = {}): boolean {
  const { streamNamePrefixes = [], eventTypePrefixes = [] } = filter;
  if (streamNamePrefixes.length > 0 && !streamNamePrefixes.some((p) => event.streamName.startsWith(p))) return false;
  if (eventTypePrefixes.length > 0 && !eventTypePrefixes.some((p) => event.type.startsWith(p))) return false;
  return true;
}

/**
 * The server filters on one dimension only, so it gets the stream-name prefixes (or else the event-type
 * prefixes) to cut traffic; matchesFilter stays the rule on our side.
 */
export function serverSideFilter(filter: SubscriptionFilter = {}): Filter | undefined {
  if (filter.streamNamePrefixes?.length) return streamNameFilter({ prefixes: filter.streamNamePrefixes });
  if (filter.eventTypePrefixes?.length) return eventTypeFilter({ prefixes: filter.eventTypePrefixes });
  return undefined;
}
