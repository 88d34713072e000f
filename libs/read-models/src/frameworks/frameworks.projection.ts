// Competency frameworks as people read them: one row per framework, one per version (the draft's content
// kept current with the same code the decider uses; a published version's content frozen from its event),
// and the comments made on drafts.
import type { Kysely, Transaction } from 'kysely';
import { applyToContent } from '../../../competency/src/framework/framework-content.js';
import {
  FRAMEWORK_EVENT_TYPES,
  type FrameworkContent,
  type FrameworkEvent,
} from '../../../competency/src/framework/framework-events.js';
import type { RecordedEvent } from '../../../event-store/src/port.js';
import type { Projection } from '../../../projections/src/projection.js';
import type { FrameworkTables } from './frameworks.tables.js';

export const FRAMEWORKS = 'frameworks';

type Db = Kysely<FrameworkTables>;

export const frameworksProjection: Projection = {
  name: FRAMEWORKS,
  version: 1,
  handles: FRAMEWORK_EVENT_TYPES,

  async migrate(db: Kysely<unknown>, schema: string) {
    const s = db.schema.withSchema(schema);
    await s
      .createTable('frameworks')
      .addColumn('framework_id', 'text', (c) => c.primaryKey())
      .addColumn('agency_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('draft_version', 'integer')
      .addColumn('latest_published_version', 'integer')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('stream_revision', 'bigint', (c) => c.notNull())
      .execute();
    await s.createIndex('frameworks_agency').on('frameworks').columns(['agency_id', 'framework_id']).execute();
    await s
      .createTable('framework_versions')
      .addColumn('framework_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('agency_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('based_on', 'integer')
      .addColumn('content', 'jsonb', (c) => c.notNull())
      .addColumn('built_in', 'jsonb')
      .addColumn('opened_for_comment_at', 'timestamptz')
      .addColumn('published_at', 'timestamptz')
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('framework_versions_pk', ['framework_id', 'version'])
      .execute();
    await s
      .createTable('framework_comments')
      .addColumn('comment_id', 'text', (c) => c.primaryKey())
      .addColumn('framework_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('criterion_code', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('author', 'jsonb', (c) => c.notNull())
      .addColumn('commented_at', 'timestamptz', (c) => c.notNull())
      .addUniqueConstraint('framework_comments_seq', ['framework_id', 'version', 'seq'])
      .execute();
  },

  async apply(trx: Transaction<unknown>, schema: string, events: RecordedEvent[]) {
    const db = (trx as unknown as Transaction<FrameworkTables>).withSchema(schema);
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as unknown as FrameworkEvent;
      const frameworkId = recorded.streamName.slice('framework-'.length);
      const at = recorded.createdAt.toISOString();
      await applyEvent(db, frameworkId, event, at);
      await db
        .updateTable('frameworks')
        .set({ stream_revision: String(recorded.revision), updated_at: at })
        .where('framework_id', '=', frameworkId)
        .execute();
    }
  },
};

async function applyEvent(db: Db, frameworkId: string, event: FrameworkEvent, at: string): Promise<void> {
  switch (event.type) {
    case 'FrameworkDrafted.v1': {
      const d = event.data;
      await db
        .insertInto('frameworks')
        .values({
          framework_id: frameworkId,
          agency_id: d.agencyId,
          name: d.name,
          description: d.description,
          status: 'DRAFT',
          draft_version: d.version,
          latest_published_version: null,
          created_at: d.draftedAt,
          updated_at: at,
          stream_revision: '0',
        })
        .execute();
      await insertVersion(
        db,
        frameworkId,
        d.agencyId,
        d.version,
        null,
        { technical: [], positionRequirements: [] },
        at,
      );
      return;
    }
    case 'FrameworkDraftStarted.v1': {
      const framework = await db
        .selectFrom('frameworks')
        .select('agency_id')
        .where('framework_id', '=', frameworkId)
        .executeTakeFirstOrThrow();
      const base = await db
        .selectFrom('framework_versions')
        .select('content')
        .where('framework_id', '=', frameworkId)
        .where('version', '=', event.data.basedOn)
        .executeTakeFirst();
      const content = base ? parse<FrameworkContent>(base.content) : { technical: [], positionRequirements: [] };
      await insertVersion(db, frameworkId, framework.agency_id, event.data.version, event.data.basedOn, content, at);
      await setFrameworkStatus(db, frameworkId, 'DRAFT', { draft_version: event.data.version });
      return;
    }
    case 'FrameworkDraftOpenedForComment.v1':
      await db
        .updateTable('framework_versions')
        .set({ status: 'OPEN_FOR_COMMENT', opened_for_comment_at: event.data.openedAt, updated_at: at })
        .where('framework_id', '=', frameworkId)
        .where('version', '=', event.data.version)
        .execute();
      await setFrameworkStatus(db, frameworkId, 'OPEN_FOR_COMMENT', {});
      return;
    case 'FrameworkVersionPublished.v1': {
      const { builtIn, ...content } = event.data.content;
      await db
        .updateTable('framework_versions')
        .set({
          status: 'PUBLISHED',
          content: JSON.stringify(content),
          built_in: JSON.stringify(builtIn),
          published_at: event.data.publishedAt,
          updated_at: at,
        })
        .where('framework_id', '=', frameworkId)
        .where('version', '=', event.data.version)
        .execute();
      await setFrameworkStatus(db, frameworkId, 'PUBLISHED', {
        draft_version: null,
        latest_published_version: event.data.version,
      });
      return;
    }
    case 'CriterionCommented.v1': {
      const d = event.data;
      const { count } = await db
        .selectFrom('framework_comments')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('framework_id', '=', frameworkId)
        .where('version', '=', d.version)
        .executeTakeFirstOrThrow();
      await db
        .insertInto('framework_comments')
        .values({
          comment_id: d.commentId,
          framework_id: frameworkId,
          version: d.version,
          seq: Number(count) + 1,
          criterion_code: d.criterionCode,
          text: d.text,
          author: JSON.stringify(d.author),
          commented_at: d.commentedAt,
        })
        .execute();
      return;
    }
    default: {
      // A content edit of a draft version: recompute its content with the decider's own function.
      const version = event.data.version;
      const row = await db
        .selectFrom('framework_versions')
        .select('content')
        .where('framework_id', '=', frameworkId)
        .where('version', '=', version)
        .executeTakeFirst();
      if (!row) return;
      const content = applyToContent(parse<FrameworkContent>(row.content), event);
      await db
        .updateTable('framework_versions')
        .set({ content: JSON.stringify(content), updated_at: at })
        .where('framework_id', '=', frameworkId)
        .where('version', '=', version)
        .execute();
    }
  }
}

async function insertVersion(
  db: Db,
  frameworkId: string,
  agencyId: string,
  version: number,
  basedOn: number | null,
  content: FrameworkContent,
  at: string,
): Promise<void> {
  await db
    .insertInto('framework_versions')
    .values({
      framework_id: frameworkId,
      version,
      agency_id: agencyId,
      status: 'DRAFT',
      based_on: basedOn,
      content: JSON.stringify(content),
      built_in: null,
      opened_for_comment_at: null,
      published_at: null,
      updated_at: at,
    })
    .execute();
}

async function setFrameworkStatus(
  db: Db,
  frameworkId: string,
  status: string,
  versions: { draft_version?: number | null; latest_published_version?: number },
): Promise<void> {
  await db
    .updateTable('frameworks')
    .set({ status, ...versions })
    .where('framework_id', '=', frameworkId)
    .execute();
}

/** jsonb comes back parsed from pg; tolerate text too. */
export const parse = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);
