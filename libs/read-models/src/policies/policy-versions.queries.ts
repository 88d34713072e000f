import type { Kysely } from 'kysely';
import { activeSchema } from '../../../projections/src/projection.js';
import type { Policy } from '../../../policy/src/policy.js';
import { BUILT_IN_VERSION } from '../../../policy/src/versions/published-versions.js';
import { NATIONAL_SCOPE, type PolicyRef } from '../../../policy/src/versions/policy-events.js';
import { POLICY_VERSIONS } from './policy-versions.projection.js';
import type { PolicyVersionRow, PolicyVersionTables } from './policy-versions.tables.js';

export interface PolicyVersionView {
  scope: string;
  version: number;
  policy: Policy;
  basedOn: PolicyRef | null;
  reason: string;
  /** null for the built-in default (national version 1), which nobody published. */
  publishedAt: string | null;
  publishedBy: { id: string; role: string } | null;
  builtIn: boolean;
  /** Revision of the scope's stream after this version (the ETag); null for the built-in default. */
  revision: string | null;
}

export interface PolicyVersionPage {
  items: PolicyVersionView[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

const BUILT_IN_VIEW: PolicyVersionView = {
  ...BUILT_IN_VERSION,
  publishedBy: null,
  revision: null,
};

const toView = (row: PolicyVersionRow): PolicyVersionView => ({
  scope: row.scope,
  version: row.version,
  policy: row.policy as Policy,
  basedOn: row.based_on_scope === null ? null : { scope: row.based_on_scope, version: row.based_on_version as number },
  reason: row.reason,
  publishedAt: new Date(row.published_at).toISOString(),
  publishedBy: { id: row.published_by, role: row.published_by_role },
  builtIn: false,
  revision: row.stream_revision,
});

export class PolicyVersionQueries {
  constructor(private readonly db: Kysely<unknown>) {}

  private async tables() {
    const schema = await activeSchema(this.db, POLICY_VERSIONS);
    return (this.db as Kysely<PolicyVersionTables>).withSchema(schema);
  }

  async findVersion(scope: string, version: number): Promise<PolicyVersionView | undefined> {
    if (scope === NATIONAL_SCOPE && version === 1) return BUILT_IN_VIEW;
    const row = await (
      await this.tables()
    )
      .selectFrom('policy_versions')
      .selectAll()
      .where('scope', '=', scope)
      .where('version', '=', version)
      .executeTakeFirst();
    return row ? toView(row) : undefined;
  }

  /** The scope's latest version; undefined for an agency that has published none. */
  async current(scope: string): Promise<PolicyVersionView | undefined> {
    const row = await (
      await this.tables()
    )
      .selectFrom('policy_versions')
      .selectAll()
      .where('scope', '=', scope)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (row) return toView(row);
    return scope === NATIONAL_SCOPE ? BUILT_IN_VIEW : undefined;
  }

  /**
   * The policy a cycle of this scope opening now would pin: the agency's latest, else national's latest
   * (policyToPin's rule, read from the read model).
   */
  async effective(scope: string): Promise<PolicyVersionView> {
    return (await this.current(scope)) ?? ((await this.current(NATIONAL_SCOPE)) as PolicyVersionView);
  }

  /** Keyset pagination by version number, oldest first. */
  async list(scope: string, filter: { after?: number; limit: number }): Promise<PolicyVersionPage> {
    const after = filter.after ?? 0;
    const builtIn = scope === NATIONAL_SCOPE && after < 1 ? [BUILT_IN_VIEW] : [];
    let query = (await this.tables())
      .selectFrom('policy_versions')
      .selectAll()
      .where('scope', '=', scope)
      .orderBy('version')
      .limit(filter.limit + 1);
    if (after > 0) query = query.where('version', '>', after);
    const rows = [...builtIn, ...(await query.execute()).map(toView)];
    const page = rows.slice(0, filter.limit);
    return { items: page, nextCursor: rows.length > filter.limit ? String(page[page.length - 1].version) : null };
  }
}
