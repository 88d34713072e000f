export interface PolicyVersionRow {
  scope: string;
  version: number;
  /** jsonb: pg returns it parsed. */
  policy: unknown;
  based_on_scope: string | null;
  based_on_version: number | null;
  reason: string;
  published_at: string | Date;
  /** The publishing account's id (event metadata actor), for accountability. */
  published_by: string;
  published_by_role: string;
  /** int8: pg returns it as a string. */
  stream_revision: string;
}

export interface PolicyVersionTables {
  policy_versions: PolicyVersionRow;
}
