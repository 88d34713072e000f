// Every published policy version, by scope, for reading current and old versions and listing them.
// National version 1 (the built-in default) has no event, so it is not a row: the queries add it.
import type { Transaction } from 'kysely';
import type { RecordedEvent } from '../../../event-store/src/port.js';
import type { PolicyVersionPublished } from '../../../policy/src/versions/policy-events.js';
import type { Projection, ReadModelDb, ReadModelTransaction } from '../../../projections/src/projection.js';
import type { PolicyVersionTables } from './policy-versions.tables.js';

export const POLICY_VERSIONS = 'policy_versions';

export const policyVersionsProjection: Projection = {
  name: POLICY_VERSIONS,
  version: 1,
  handles: ['PolicyVersionPublished.v1'],

  async migrate(db: ReadModelDb, schema: string) {
    await db.schema
      .withSchema(schema)
      .createTable('policy_versions')
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('policy', 'jsonb', (c) => c.notNull())
      .addColumn('based_on_scope', 'text')
      .addColumn('based_on_version', 'integer')
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('published_at', 'timestamptz', (c) => c.notNull())
      .addColumn('published_by', 'text', (c) => c.notNull())
      .addColumn('published_by_role', 'text', (c) => c.notNull())
      .addColumn('stream_revision', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('policy_versions_pk', ['scope', 'version'])
      .execute();
  },

  async apply(trx: ReadModelTransaction, schema: string, events: RecordedEvent[]) {
    const db = (trx as unknown as Transaction<PolicyVersionTables>).withSchema(schema);
    for (const event of events) {
      if (event.type !== 'PolicyVersionPublished.v1') continue;
      const data = event.data as unknown as PolicyVersionPublished['data'];
      await db
        .insertInto('policy_versions')
        .values({
          scope: data.scope,
          version: data.version,
          policy: JSON.stringify(data.policy),
          based_on_scope: data.basedOn?.scope ?? null,
          based_on_version: data.basedOn?.version ?? null,
          reason: data.reason,
          published_at: data.publishedAt,
          published_by: event.metadata.actor.id,
          published_by_role: event.metadata.actor.role,
          stream_revision: String(event.revision),
        })
        // Versions are immutable and keyed by (scope, version): a replayed event changes nothing.
        .onConflict((oc) => oc.columns(['scope', 'version']).doNothing())
        .execute();
    }
  },
};
