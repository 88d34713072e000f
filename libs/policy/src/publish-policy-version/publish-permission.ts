import { NATIONAL_SCOPE } from '../versions/policy-events.js';

export interface Publisher {
  roles: readonly string[];
  agencyId?: string;
}

/** ADMIN publishes for any scope; HR only for its own agency, never national (issue 3, Access). */
export function mayPublishPolicy(publisher: Publisher, scope: string): boolean {
  if (publisher.roles.includes('ADMIN')) return true;
  return publisher.roles.includes('HR') && scope !== NATIONAL_SCOPE && publisher.agencyId === scope;
}
